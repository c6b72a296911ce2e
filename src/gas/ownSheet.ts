/**
 * The add-on's own output sheets (Dashboard, Health, Calendar): claimed by their title in A1 and
 * rewritten whole, never a sheet the user made.
 */
import { OkrInputError } from '../core/errors';
import type { SheetCell } from '../workbook/sheetRows';

/**
 * The add-on's own sheet by name, emptied for a rebuild (values, formats and charts). A sheet of
 * that name whose A1 is not the add-on's title is the user's, and is never touched.
 */
export function claimOwnSheet(name: string, title: string): GoogleAppsScript.Spreadsheet.Sheet {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const existing = spreadsheet.getSheetByName(name);
  if (!existing) return spreadsheet.insertSheet(name);
  const isEmpty = existing.getLastRow() === 0;
  if (!isEmpty && existing.getRange(1, 1).getValue() !== title) {
    throw new OkrInputError(
      `A sheet named "${name}" already exists and was not made by OKR Cadence (its cell A1 is not "${title}"). ` +
        `Rename that sheet, then try again; OKR Cadence never overwrites your sheets.`,
    );
  }
  existing.clear();
  for (const chart of existing.getCharts()) existing.removeChart(chart);
  return existing;
}

/** Pads rows to one width so a single setValues can write them. */
export function rectangle(rows: readonly SheetCell[][]): SheetCell[][] {
  const width = rows.reduce((widest, row) => Math.max(widest, row.length), 0);
  return rows.map((row) => [...row, ...new Array<SheetCell>(width - row.length).fill('')]);
}
