/**
 * Finds a table's columns by header text in row 1, so users may reorder columns, change case or
 * punctuation ("Objective ID", "objective_id", "OBJECTIVE-ID") and add columns of their own.
 */
import { OkrInputError } from '../core/errors';
import type { ColumnDef, TableDef } from './schema';

/** A column key → its 0-based index in the sheet; absent when the sheet has no such column. */
export type ColumnMap = Partial<Record<string, number>>;

/** Header text folded for matching: lower case, letters and digits only. */
export function headerKey(header: unknown): string {
  const text =
    typeof header === 'string' ? header : typeof header === 'number' ? String(header) : '';
  return text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * Maps the header row to the table's columns without judging it; the first matching header wins
 * when a sheet repeats one. `missing` lists the `required` columns (default: the table's own
 * required ones) that the row lacks.
 */
export function findColumns(
  table: TableDef,
  headerRow: readonly unknown[],
  required: readonly string[] = requiredKeys(table),
): { columns: ColumnMap; missing: ColumnDef[] } {
  const indexByKey = new Map<string, number>();
  headerRow.forEach((header, index) => {
    const key = headerKey(header);
    if (key && !indexByKey.has(key)) indexByKey.set(key, index);
  });
  const columns: ColumnMap = {};
  const missing: ColumnDef[] = [];
  for (const column of table.columns) {
    const index = indexByKey.get(headerKey(column.header));
    if (index !== undefined) columns[column.key] = index;
    else if (required.includes(column.key)) missing.push(column);
  }
  return { columns, missing };
}

function requiredKeys(table: TableDef): string[] {
  return table.columns.filter((column) => column.required).map((column) => column.key);
}

/**
 * Maps the header row (sheet row 1) to the table's columns; a missing required column throws.
 * `requiredColumns` narrows them to what a caller reads (a custom function over a partial range).
 */
export function mapColumns(
  table: TableDef,
  headerRow: readonly unknown[] | undefined,
  requiredColumns: readonly string[] = requiredKeys(table),
): ColumnMap {
  const required = table.columns
    .filter((column) => requiredColumns.includes(column.key))
    .map((column) => `"${column.header}"`);
  if (!headerRow || headerRow.every((cell) => headerKey(cell) === '')) {
    throw new OkrInputError(
      `The ${table.sheetName} sheet has no headers in row 1. Type the headers ${required.join(', ')} ` +
        `in row 1, or run "Set up OKR workbook" from the OKR Cadence menu.`,
    );
  }
  const { columns, missing } = findColumns(table, headerRow, requiredColumns);
  if (missing.length > 0) {
    const names = missing.map((column) => `"${column.header}"`).join(', ');
    const plural = missing.length > 1;
    throw new OkrInputError(
      `The ${table.sheetName} sheet has no ${names} column${plural ? 's' : ''}. ` +
        `Add the header${plural ? 's' : ''} ${names} to row 1 ` +
        `(in any column; case, spaces and punctuation do not matter).`,
    );
  }
  return columns;
}
