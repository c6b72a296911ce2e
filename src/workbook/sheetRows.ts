/**
 * Turns `{ key: value }` records into sheet rows laid out like the user's header row, and makes
 * sure text the add-on writes is stored as text (never run as a formula).
 */
import { OkrInputError } from '../core/errors';
import { findColumns, headerKey } from './headers';
import type { TableDef } from './schema';

/** A cell value as Range.setValues accepts it. */
export type SheetCell = string | number | boolean | Date;

// Range.setValues parses strings as if typed into the UI (the Sheets API calls this USER_ENTERED:
// "=1+2" becomes a formula, "007" the number 7, "50%" 0.5, "TRUE" a boolean, "1/2" a date):
// https://developers.google.com/sheets/api/reference/rest/v4/ValueInputOption
// A typed leading apostrophe keeps the rest as plain text and is not part of the stored value, so
// "'=1+2" is stored, and read back by getValues, as the text "=1+2" (the spreadsheet convention:
// http://spreadsheets.about.com/od/t/g/090804-text-string-definition.htm). What Sheets converts
// depends on the spreadsheet's locale ("1,5" is a number in some), so every text holding a digit,
// a sign or symbol Sheets reads at the start, or a boolean word is prefixed: the apostrophe costs
// nothing where it was not needed. A text that itself starts with an apostrophe is prefixed too,
// or Sheets would eat its first character. In a plain-text (@) cell Sheets keeps text as typed,
// so the gateway writes such cells without the apostrophe (src/gas/sheetValues.ts).
const NEEDS_TEXT_PREFIX = /^[=+\-@'#]|\d|^\s*(?:true|false)\s*$/i;

/**
 * The cell to write for a value, as typed input: text Sheets could read as a formula, number,
 * date or boolean is marked with a leading apostrophe so it is stored as the same text.
 */
export function toSheetCell(value: unknown): SheetCell {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return NEEDS_TEXT_PREFIX.test(value) ? `'${value}` : value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : '';
  if (typeof value === 'boolean' || value instanceof Date) return value;
  return toSheetCell(String(value));
}

function isBlankValue(value: unknown): boolean {
  return (
    value === null || value === undefined || (typeof value === 'string' && value.trim() === '')
  );
}

/**
 * Lays records out in the order of `headerRow`. Columns of the user's own stay blank. A record
 * value whose column the sheet lacks is refused (instead of being dropped without a word).
 */
export function recordsToRows(
  table: TableDef,
  headerRow: readonly unknown[],
  records: readonly Record<string, unknown>[],
): SheetCell[][] {
  const { columns } = findColumns(table, headerRow);
  return records.map((record) => {
    const row: SheetCell[] = headerRow.map(() => '');
    for (const [key, value] of Object.entries(record)) {
      const column = table.columns.find((candidate) => candidate.key === key);
      if (!column) throw new Error(`Table ${table.sheetName} has no column with key "${key}".`);
      const index = columns[key];
      if (index !== undefined) row[index] = toSheetCell(value);
      else if (!isBlankValue(value)) {
        throw new OkrInputError(
          `The "${table.sheetName}" sheet has no "${column.header}" column, so "${String(value)}" cannot be saved. ` +
            `Add a "${column.header}" header in row 1, or run Extensions → OKR Cadence → Set up OKR workbook.`,
        );
      }
    }
    return row;
  });
}

/** The last 1-based sheet row with a value in any column that is not a spilling formula column. */
export function lastContentRow(table: TableDef, values: readonly (readonly unknown[])[]): number {
  const header = values[0] ?? [];
  const computedTokens = new Set(
    table.columns.filter((c) => c.computed).map((c) => headerKey(c.header)),
  );
  const contentColumns = header
    .map((cell, index) => ({ index, computed: computedTokens.has(headerKey(cell)) }))
    .filter((column) => !column.computed)
    .map((column) => column.index);
  for (let index = values.length - 1; index > 0; index--) {
    const row = values[index]!;
    if (contentColumns.some((column) => !isBlankValue(row[column]))) return index + 1;
  }
  return values.length > 0 ? 1 : 0;
}

/** Groups 0-based column indexes into runs of neighbours, so each run is one setValues. */
export function contiguousRuns(indexes: readonly number[]): number[][] {
  const sorted = [...new Set(indexes)].sort((a, b) => a - b);
  const runs: number[][] = [];
  for (const index of sorted) {
    const last = runs[runs.length - 1];
    if (last && last[last.length - 1] === index - 1) last.push(index);
    else runs.push([index]);
  }
  return runs;
}
