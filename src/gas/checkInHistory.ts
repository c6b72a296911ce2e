/**
 * The latest check-ins of one key result, found from the bottom of the Check-ins sheet with a
 * TextFinder on the Key Result ID column: the cells moved are those rows, whatever the history.
 * https://developers.google.com/apps-script/reference/spreadsheet/text-finder
 */
import { noReadings, type Readings } from '../core/forecast';
import type { CheckIn } from '../core/types';
import { readValues } from './sheetValues';
import { idKey, readNumber } from '../workbook/cells';
import { findColumns } from '../workbook/headers';
import { CHECK_INS } from '../workbook/schema';
import { parseCheckIns } from '../workbook/tables';
import { valuesWithRows } from './rowsById';
import { readHeaderRow } from './tables';

/** Matched rows this close together are read in one getValues instead of one each. */
const ONE_READ_SPAN = 100;

/** Regular-expression characters escaped; RE2 (the TextFinder's syntax) reads them as JS does. */
const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/**
 * The KR's latest `count` check-ins, newest first; none when the sheet or its columns are missing.
 * IDs match trimmed and case-insensitively, as everywhere else.
 */
export function latestCheckInsOf(keyResultId: string, count: number): CheckIn[] {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(CHECK_INS.sheetName);
  if (!sheet || keyResultId.trim() === '') return [];
  const header = readHeaderRow(sheet);
  const idIndex = findColumns(CHECK_INS, header).columns.keyResultId;
  const maxRows = sheet.getMaxRows();
  if (idIndex === undefined || maxRows < 2) return [];
  const bottom = sheet.getRange(maxRows, idIndex + 1);
  const finder = sheet
    .getRange(2, idIndex + 1, maxRows - 1, 1)
    .createTextFinder(`\\s*${escapeRegExp(keyResultId.trim())}\\s*`)
    .useRegularExpression(true)
    .matchEntireCell(true)
    .matchCase(false)
    .startFrom(bottom);
  // findPrevious starts above the bottom cell, so that cell is looked at on its own.
  const rows: number[] = [];
  if (String(bottom.getValue()).trim().toLowerCase() === keyResultId.trim().toLowerCase())
    rows.push(maxRows);
  while (rows.length < count) {
    const match = finder.findPrevious();
    const row = match?.getRow();
    // Stop at the top; a search that wrapped around would come back below the last row found.
    if (row === undefined || row >= (rows[rows.length - 1] ?? maxRows + 1)) break;
    rows.push(row);
  }
  if (rows.length === 0) return [];
  const parsed = parseCheckIns(valuesWithRows(header, readRows(sheet, rows, header.length)));
  return parsed.rows.sort((a, b) => b.row - a.row);
}

/** The given rows (descending), in one read when they sit close together. */
function readRows(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  rows: readonly number[],
  width: number,
): Map<number, unknown[]> {
  const first = rows[rows.length - 1]!;
  const last = rows[0]!;
  const cells = new Map<number, unknown[]>();
  if (last - first < ONE_READ_SPAN) {
    const block = readValues(sheet.getRange(first, 1, last - first + 1, width));
    for (const row of rows) cells.set(row, block[row - first]!);
  } else {
    for (const row of rows) cells.set(row, readValues(sheet.getRange(row, 1, 1, width))[0]!);
  }
  return cells;
}

/**
 * Rows of the Check-ins sheet a save reads back, from the row it wrote up, to refit the key
 * result's forecast: a team's whole cycle fits (60 key results checked in weekly for a quarter
 * is 780 rows), and the cost stays the same however long the history grows.
 */
export const FORECAST_WINDOW_ROWS = 1000;

/**
 * The key result's numeric check-ins among the FORECAST_WINDOW_ROWS rows up to `lastRow` (its
 * Timestamp, Key Result ID and Value cells only, in one read), and whether they are all it has
 * since `since`: the window reaches the top of the sheet, or its first dated row is older
 * (check-ins are appended in time order). Null when the sheet or its columns are missing.
 */
export function recentReadingsOf(
  keyResultId: string,
  since: Date,
  lastRow: number,
): { readings: Readings; complete: boolean } | null {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(CHECK_INS.sheetName);
  if (!sheet || lastRow < 2) return null;
  const {
    timestamp,
    keyResultId: idColumn,
    value,
  } = findColumns(CHECK_INS, readHeaderRow(sheet)).columns;
  if (timestamp === undefined || idColumn === undefined || value === undefined) return null;
  const firstRow = Math.max(2, lastRow - FORECAST_WINDOW_ROWS + 1);
  const left = Math.min(timestamp, idColumn, value);
  const width = Math.max(timestamp, idColumn, value) - left + 1;
  const rows = readValues(sheet.getRange(firstRow, left + 1, lastRow - firstRow + 1, width));
  const wanted = idKey(keyResultId);
  const readings = noReadings();
  let oldest: number | null = null;
  for (const cells of rows) {
    const time = cells[timestamp - left];
    if (!(time instanceof Date)) continue;
    oldest ??= time.getTime();
    if (idKey(String(cells[idColumn - left] ?? '')) !== wanted) continue;
    const read = readNumber(cells[value - left]);
    if (read.ok && read.value !== null) {
      readings.times.push(time.getTime());
      readings.values.push(read.value);
    }
  }
  return { readings, complete: firstRow === 2 || (oldest !== null && oldest < since.getTime()) };
}
