/**
 * The sheets Close cycle and Reopen cycle read and write: the live tables with their formulas,
 * the add-on's archive sheets (appended by header), and Settings values by label.
 */
import { readValues } from './sheetValues';
import { exactCell, storedColumns, type TableCells } from '../workbook/archivedRows';
import { ARCHIVE_HEADER, ARCHIVE_SHEET } from '../workbook/archive';
import { findColumns, headerKey } from '../workbook/headers';
import { SETTINGS, type TableDef } from '../workbook/schema';
import { contiguousRuns, lastContentRow, type SheetCell } from '../workbook/sheetRows';
import {
  ensureColumns,
  findOwnSheet,
  insertOwnSheet,
  markOwnSheet,
  type OwnSheetKind,
} from './ownSheet';
import { replaceCell, writeBlock } from './sheetWrites';
import { tableSheet } from './tables';
import type { WriteJournal } from './writeJournal';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface LiveTable {
  sheet: Sheet;
  cells: TableCells;
}

/**
 * A table's data range as the close and the reopen use it: the header, and below it the values
 * and (when asked) the formulas of the columns a person types in (storedColumns). The add-on's
 * computed columns hold spilled results that nothing keeps, so their cells are left blank here
 * rather than moved through the script.
 */
export function readLiveTable(table: TableDef, withFormulas: boolean): LiveTable {
  const sheet = tableSheet(table);
  const range = sheet.getDataRange();
  const height = range.getNumRows();
  const width = range.getNumColumns();
  const headerRange = range.offset(0, 0, 1, width);
  const header = {
    values: readValues(headerRange),
    formulas: withFormulas ? headerRange.getFormulas() : [],
  };
  const values: unknown[][] = [header.values[0]!];
  const formulas: string[][] = withFormulas ? [header.formulas[0]!] : [];
  for (let row = 1; row < height; row++) {
    values.push(Array<unknown>(width).fill(''));
    if (withFormulas) formulas.push(Array<string>(width).fill(''));
  }
  if (height > 1) {
    for (const run of contiguousRuns(storedColumns(table, header))) {
      const block = range.offset(1, run[0]!, height - 1, run.length);
      copyInto(values, readValues(block), run[0]!);
      if (withFormulas) copyInto(formulas, block.getFormulas(), run[0]!);
    }
  }
  return { sheet, cells: { values, formulas } };
}

/** Puts a block read from the second row of a table into the table's grid at `column`. */
function copyInto<T>(grid: T[][], block: readonly (readonly T[])[], column: number): void {
  block.forEach((line, offset) =>
    line.forEach((cell, index) => (grid[offset + 1]![column + index] = cell)),
  );
}

/** Like readLiveTable, or null when the workbook has no such sheet. */
export function readOptionalTable(table: TableDef, withFormulas: boolean): LiveTable | null {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(table.sheetName);
  return sheet ? readLiveTable(table, withFormulas) : null;
}

/** The Archive sheet of summary rows made before sheets were marked: its header is ours. */
function isUnmarkedArchive(sheet: Sheet): boolean {
  const width = ARCHIVE_HEADER.length - 3;
  if (sheet.getLastColumn() < width) return false;
  const header = readValues(sheet.getRange(1, 1, 1, width))[0]!;
  return header.every((cell, index) => cell === ARCHIVE_HEADER[index]);
}

/** The existing header followed by the wanted labels it lacks (compared without case). */
export function mergedHeader(existing: readonly unknown[], wanted: readonly string[]): string[] {
  const header = existing.map((cell) => String(cell ?? ''));
  while (header.length > 0 && header[header.length - 1] === '') header.pop();
  const known = new Set(header.map((label) => label.toLowerCase()));
  for (const label of wanted) {
    if (known.has(label.toLowerCase())) continue;
    header.push(label);
    known.add(label.toLowerCase());
  }
  return header;
}

/** One of the add-on's archive sheets, null when missing; a user's sheet of that name is refused. */
export function findArchiveSheet(
  name: string,
  kind: OwnSheetKind,
): ReturnType<typeof findOwnSheet> {
  return findOwnSheet(name, kind, name === ARCHIVE_SHEET ? isUnmarkedArchive : undefined);
}

/** An archive sheet made ready for new rows: its final header and the first free row. */
export interface OpenArchive {
  sheet: Sheet;
  header: string[];
  firstRow: number;
}

/**
 * Makes one of the add-on's archive sheets ready for rows laid out on `wanted`: creates and marks
 * it when missing and adds the header cells it lacks.
 */
export function openArchive(
  journal: WriteJournal,
  name: string,
  kind: OwnSheetKind,
  wanted: readonly string[],
): OpenArchive {
  const found = findArchiveSheet(name, kind);
  let sheet: Sheet;
  let existing: unknown[] = [];
  let lastRow = 0;
  if (found) {
    sheet = found.sheet;
    const lastColumn = sheet.getLastColumn();
    if (lastColumn > 0) existing = readValues(sheet.getRange(1, 1, 1, lastColumn))[0]!;
    lastRow = sheet.getLastRow();
    if (!found.marked) markOwnSheet(journal, sheet, kind);
  } else {
    sheet = insertOwnSheet(journal, name, kind);
    sheet.setFrozenRows(1);
  }
  const header = mergedHeader(existing, wanted);
  ensureColumns(journal, sheet, header.length);
  const added = header.map((_, index) => index).filter((index) => index >= existing.length);
  writeBlock(journal, sheet, 1, added, [header]);
  return { sheet, header, firstRow: Math.max(lastRow, 1) + 1 };
}

/**
 * Appends rows to one of the add-on's archive sheets (see openArchive). `rowsFor` lays the rows
 * out on the final header; `numberFormats` formats the new rows' cells of the columns it names
 * (label → format).
 */
export function appendToArchive(
  journal: WriteJournal,
  name: string,
  kind: OwnSheetKind,
  wanted: readonly string[],
  rowsFor: (header: readonly string[]) => SheetCell[][],
  numberFormats: Readonly<Record<string, string>> = {},
): void {
  const { sheet, header, firstRow } = openArchive(journal, name, kind, wanted);
  const rows = rowsFor(header);
  writeBlock(
    journal,
    sheet,
    firstRow,
    header.map((_, index) => index),
    rows,
  );
  for (const [label, format] of Object.entries(numberFormats)) {
    const column = header.findIndex((cell) => cell.toLowerCase() === label.toLowerCase());
    if (column < 0 || rows.length === 0) continue;
    const range = sheet.getRange(firstRow, column + 1, rows.length, 1);
    journal.write(
      () => `format ${label} on ${name}`,
      () => range.setNumberFormat(format),
      () => range.clearFormat(),
    );
  }
}

/** Rows given in `layout` order, placed on `header` by label. */
export function placeByLabel(
  header: readonly string[],
  layout: readonly string[],
  rows: readonly SheetCell[][],
): SheetCell[][] {
  const position = new Map(header.map((label, index) => [label.toLowerCase(), index]));
  const at = layout.map((label) => position.get(label.toLowerCase())!);
  return rows.map((row) => {
    const placed: SheetCell[] = header.map(() => '');
    row.forEach((cell, index) => (placed[at[index]!] = cell));
    return placed;
  });
}

/**
 * Sets Settings values by label: rows that exist are changed in their Value cell (undo puts the
 * old value or formula back), missing labels are appended below the last setting.
 */
export function writeSettings(
  journal: WriteJournal,
  settings: LiveTable,
  updates: readonly [string, SheetCell][],
): void {
  const { values, formulas } = settings.cells;
  const { columns } = findColumns(SETTINGS, values[0] ?? []);
  const labelColumn = columns['setting'] ?? 0;
  const valueColumn = columns['value'] ?? 1;
  const rowOfLabel = new Map<string, number>();
  values.forEach((row, index) => {
    const label = headerKey(row[labelColumn]);
    if (index > 0 && label && !rowOfLabel.has(label)) rowOfLabel.set(label, index);
  });
  const missing: SheetCell[][] = [];
  for (const [label, value] of updates) {
    const index = rowOfLabel.get(headerKey(label));
    if (index === undefined) {
      const row: SheetCell[] = [];
      row[labelColumn] = exactCell(label);
      row[valueColumn] = value;
      missing.push(row);
    } else {
      replaceCell(journal, settings.sheet, index + 1, valueColumn + 1, value, {
        value: values[index]![valueColumn],
        formula: formulas[index]?.[valueColumn],
      });
    }
  }
  writeBlock(
    journal,
    settings.sheet,
    lastContentRow(SETTINGS, values) + 1,
    [labelColumn, valueColumn],
    missing,
  );
}
