/**
 * The first rows of a sheet, read in one call, and whether a sheet is one of our tables: how the
 * import and the empty states tell a team's own OKR sheets from ours without reading them whole.
 */
import { findColumns } from '../workbook/headers';
import { TABLES } from '../workbook/schema';
import { readValues } from './sheetValues';

export type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Rows of a sheet read to tell whether it holds OKRs (a title line may sit above the header). */
const SNIFF_ROWS = 12;

/** The first rows of a sheet (all of its used columns), or [] for an empty sheet. */
export function firstRows(sheet: Sheet, rows: number = SNIFF_ROWS): unknown[][] {
  const lastRow = Math.min(sheet.getLastRow(), rows);
  const lastColumn = sheet.getLastColumn();
  if (lastRow === 0 || lastColumn === 0) return [];
  return readValues(sheet.getRange(1, 1, lastRow, lastColumn));
}

/** True for one of our tables: named like it and holding its required columns. */
export function isOurTable(name: string, values: readonly (readonly unknown[])[]): boolean {
  const table = TABLES.find(
    (candidate) => candidate.sheetName.toLowerCase() === name.toLowerCase(),
  );
  return table !== undefined && findColumns(table, values[0] ?? []).missing.length === 0;
}
