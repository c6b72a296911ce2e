/**
 * Bounded reads of one row of a table by its ID: row 1, the ID column and that row, instead of the
 * whole table. What a save or the check-in form reads, whatever the size of the sheet.
 */
import { OkrInputError } from '../core/errors';
import { idKey } from '../workbook/cells';
import { mapColumns, type ColumnMap } from '../workbook/headers';
import type { TableDef } from '../workbook/schema';
import { readValues } from './sheetValues';
import { readHeaderRow, tableSheet } from './tables';

/** A table's sheet and its header, mapped to the table's columns. */
export interface TableHeader {
  table: TableDef;
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  header: unknown[];
  columns: ColumnMap;
}

/** Row 1 of the table's sheet (a missing sheet or required column is said for people). */
export function readTableHeader(table: TableDef): TableHeader {
  const sheet = tableSheet(table);
  const header = readHeaderRow(sheet);
  return { table, sheet, header, columns: mapColumns(table, header) };
}

/** The 1-based sheet rows whose ID cell matches `id` (trimmed, case-insensitively). */
export function rowsWithId(table: TableHeader, id: string): number[] {
  const index = table.columns.id;
  if (index === undefined) throw new Error(`${table.table.sheetName} has no ID column.`);
  const lastRow = table.sheet.getLastRow();
  if (lastRow < 2) return [];
  const ids = table.sheet.getRange(2, index + 1, lastRow - 1, 1).getValues();
  const wanted = idKey(id);
  const rows: number[] = [];
  ids.forEach(([cell], offset) => {
    if (idKey(String(cell ?? '')) === wanted) rows.push(offset + 2);
  });
  return rows;
}

/** The cells of one sheet row across the header's width, dates as the spreadsheet's wall clock. */
export function readRowAt(table: TableHeader, row: number): unknown[] {
  return readValues(table.sheet.getRange(row, 1, 1, table.header.length))[0]!;
}

/**
 * The table's values as a parser takes them, holding only the header and the given rows (the
 * other rows are holes, which parsers skip), so a row keeps its sheet row number.
 */
export function valuesWithRows(
  header: unknown[],
  rows: ReadonlyMap<number, unknown[]>,
): unknown[][] {
  const values: unknown[][] = [header];
  for (const [row, cells] of rows) values[row - 1] = cells;
  return values;
}

/** The one row holding `id`; a repeated ID is refused, as the full parse leaves such rows out. */
export function uniqueRowWithId(table: TableHeader, id: string, noun: string): number | null {
  const rows = rowsWithId(table, id);
  if (rows.length > 1) {
    throw new OkrInputError(
      `The ID "${id.slice(0, 60)}" is used in rows ${rows.join(', ')} of the ${table.table.sheetName} sheet. Give each ${noun} its own ID, then try again.`,
    );
  }
  return rows[0] ?? null;
}

/** The values of whole columns (0-based indexes) below the header, laid out as table rows (dates as the spreadsheet's wall clock). */
export function readColumns(table: TableHeader, indexes: readonly number[]): unknown[][] {
  const lastRow = table.sheet.getLastRow();
  const values: unknown[][] = [table.header];
  if (lastRow < 2) return values;
  for (let row = 2; row <= lastRow; row++) values.push([]);
  for (const index of indexes) {
    const cells = readValues(table.sheet.getRange(2, index + 1, lastRow - 1, 1));
    cells.forEach(([cell], offset) => (values[offset + 1]![index] = cell));
  }
  return values;
}
