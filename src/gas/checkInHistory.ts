/**
 * The latest check-ins of one key result, found from the bottom of the Check-ins sheet with a
 * TextFinder on the Key Result ID column: the cells moved are those rows, whatever the history.
 * https://developers.google.com/apps-script/reference/spreadsheet/text-finder
 */
import type { CheckIn } from '../core/types';
import { readValues } from './sheetValues';
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
    for (const row of rows) cells.set(row, sheet.getRange(row, 1, 1, width).getValues()[0]!);
  }
  return cells;
}
