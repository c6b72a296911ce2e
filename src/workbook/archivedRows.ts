/**
 * Rows a close moves out of Objectives and Key Results, kept whole on the add-on's "Archived
 * Objectives" / "Archived Key Results" sheets: every column the person types in (theirs too),
 * by header, with the formulas they held, so Reopen can put each row back where it was.
 */
import { OkrInputError } from '../core/errors';
import { headerKey } from './headers';
import { columnLetter } from './formulaColumns';
import type { TableDef } from './schema';
import type { SheetCell } from './sheetRows';

/** A live table as read: values and formulas of its data range, header in row 0. */
export interface TableCells {
  values: readonly (readonly unknown[])[];
  formulas: readonly (readonly string[])[];
}

/** The columns an archived row starts with, before the live table's own. */
export const ARCHIVED_ROW_COLUMNS = [
  'Archived Cycle',
  'Archived On',
  'From Row',
  'Formulas',
] as const;

export const ARCHIVED_ROW_SHEETS = {
  objectives: 'Archived Objectives',
  keyResults: 'Archived Key Results',
} as const;

/**
 * The 0-based columns of a live table that hold typed cells: not the add-on's spilling formula
 * columns, nor any column whose header cell is a formula (its cells are spilled results).
 */
export function storedColumns(table: TableDef, cells: TableCells): number[] {
  const header = cells.values[0] ?? [];
  const computed = new Set(
    table.columns.filter((column) => column.computed).map((column) => headerKey(column.header)),
  );
  const headerFormulas = cells.formulas[0] ?? [];
  return header
    .map((_, index) => index)
    .filter((index) => !computed.has(headerKey(header[index])) && !headerFormulas[index]);
}

/**
 * A label per live column: its header text, "Column F" for a blank header, and "Notes (2)" for a
 * header repeated (or named like one of ARCHIVED_ROW_COLUMNS), so every column has its own place
 * on the archive sheet.
 */
export function columnLabels(header: readonly unknown[]): string[] {
  const seen = new Map<string, number>(
    ARCHIVED_ROW_COLUMNS.map((label) => [label.toLowerCase(), 1]),
  );
  return header.map((cell, index) => {
    const text = String(cell ?? '').trim() || `Column ${columnLetter(index)}`;
    const count = (seen.get(text.toLowerCase()) ?? 0) + 1;
    seen.set(text.toLowerCase(), count);
    return count === 1 ? text : `${text} (${count})`;
  });
}

/** True for a row with no typed value in any stored column. */
export function isBlankRow(row: readonly unknown[], columns: readonly number[]): boolean {
  return columns.every((index) => {
    const cell = row[index];
    return cell === '' || cell === null || cell === undefined;
  });
}

/**
 * A cell read with getValues, to write back so that it reads back the same: every text is typed
 * behind an apostrophe, which Sheets does not store, so "007", "TRUE" or "=x" stay text.
 */
export function exactCell(value: unknown): SheetCell {
  if (typeof value === 'string') return value === '' ? '' : `'${value}`;
  if (typeof value === 'number' || typeof value === 'boolean' || value instanceof Date)
    return value;
  return '';
}

/** The cell that restores a live cell: its formula when it held one, else its value exactly. */
export function restoringCell(value: unknown, formula: string | undefined): SheetCell {
  return formula ? formula : exactCell(value);
}

/** One archived row laid out on `archiveHeader`: the meta columns, then each live cell by label. */
export function archivedRow(
  archiveHeader: readonly string[],
  meta: { cycle: string; closedOn: Date },
  cells: TableCells,
  labels: readonly string[],
  columns: readonly number[],
  sheetRow: number,
): SheetCell[] {
  const position = new Map(archiveHeader.map((label, index) => [label.toLowerCase(), index]));
  const row: SheetCell[] = archiveHeader.map(() => '');
  const values = cells.values[sheetRow - 1] ?? [];
  const formulas = cells.formulas[sheetRow - 1] ?? [];
  const kept: Record<string, string> = {};
  for (const index of columns) {
    const at = position.get(labels[index]!.toLowerCase())!;
    row[at] = exactCell(values[index]);
    if (formulas[index]) kept[labels[index]!] = formulas[index]!;
  }
  row[0] = exactCell(meta.cycle);
  row[1] = meta.closedOn;
  row[2] = sheetRow;
  row[3] = Object.keys(kept).length > 0 ? exactCell(JSON.stringify(kept)) : '';
  return row;
}

/** An archived row read back: the cycle, where it was, and its cells by label. */
export interface ArchivedRow {
  /** 1-based row on the archive sheet. */
  archiveRow: number;
  cycle: string;
  sheetRow: number;
  cells: Map<string, unknown>;
  formulas: Record<string, string>;
}

/** The archived rows of one cycle, from the archive sheet's values (header in row 0). */
export function archivedRowsOf(
  archiveValues: readonly (readonly unknown[])[],
  cycle: string,
  sheetName: string,
): ArchivedRow[] {
  const header = (archiveValues[0] ?? []).map((cell) => String(cell ?? ''));
  const rows: ArchivedRow[] = [];
  archiveValues.forEach((row, index) => {
    if (
      index === 0 ||
      String(row[0] ?? '')
        .trim()
        .toLowerCase() !== cycle.trim().toLowerCase()
    )
      return;
    const cells = new Map<string, unknown>();
    header.forEach((label, column) => {
      if (column >= ARCHIVED_ROW_COLUMNS.length) cells.set(label.toLowerCase(), row[column]);
    });
    let formulas: Record<string, string>;
    try {
      formulas = row[3] ? (JSON.parse(String(row[3])) as Record<string, string>) : {};
    } catch {
      throw new OkrInputError(
        `${sheetName} row ${index + 1}: the Formulas cell was changed and cannot be read, so the row cannot be put back. ` +
          'Undo that change (Edit → Version history), then try again; nothing has been changed.',
      );
    }
    rows.push({ archiveRow: index + 1, cycle, sheetRow: Number(row[2]) || 0, cells, formulas });
  });
  return rows;
}
