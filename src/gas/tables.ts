/**
 * The sheet gateway: the one place that reads and writes OKR tables. One getValues per table per
 * operation, one setValues per contiguous block, writes under the document lock.
 */
import { OkrInputError } from '../core/errors';
import { plainTextIndexes, SETTINGS, type TableDef } from '../workbook/schema';
import { parseSettings, type ParsedSettings } from '../workbook/settings';
import { findColumns } from '../workbook/headers';
import { contiguousRuns, lastContentRow, recordsToRows, toSheetCell } from '../workbook/sheetRows';
import { readValues, spreadsheetNow, writeValues } from './sheetValues';

export interface TableValues {
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  /** The whole data range; row 0 is the header, values[i] is sheet row i + 1. */
  values: unknown[][];
}

/** Column key → 0-based column index, as the table parsers return it. */
export type ColumnIndexes = Readonly<Record<string, number | undefined>>;

const LOCK_BUSY_MESSAGE = 'Another person is saving right now. Wait a moment and try again.';

/** The sheet of a table, or an error telling the user how to create it. */
export function tableSheet(table: TableDef): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(table.sheetName);
  if (!sheet) {
    throw new OkrInputError(
      `The "${table.sheetName}" sheet is missing. Run Extensions → OKR Cadence → Set up OKR workbook to add it.`,
    );
  }
  return sheet;
}

/** Reads a whole table (header included) with one getValues. */
export function readTable(table: TableDef): TableValues {
  const sheet = tableSheet(table);
  return { sheet, values: readValues(sheet.getDataRange()) };
}

let lockDepth = 0;

/**
 * Runs `action` holding the document lock, so two people saving at once cannot interleave their
 * writes. Nested calls reuse the lock already held.
 * https://developers.google.com/apps-script/reference/lock/lock-service#getDocumentLock()
 */
export function withDocumentLock<T>(action: () => T, waitMs = 5000): T {
  if (lockDepth > 0) return action();
  const lock = LockService.getDocumentLock();
  if (!lock)
    throw new Error('The document lock is only available to scripts bound to a spreadsheet.');
  if (!lock.tryLock(waitMs)) throw new OkrInputError(LOCK_BUSY_MESSAGE);
  lockDepth++;
  try {
    return action();
  } finally {
    lockDepth--;
    lock.releaseLock();
  }
}

/** Row 1 of a table's sheet, read alone (one getValues over the used columns). */
export function readHeaderRow(sheet: GoogleAppsScript.Spreadsheet.Sheet): unknown[] {
  const width = sheet.getLastColumn();
  return width < 1 ? [] : sheet.getRange(1, 1, 1, width).getValues()[0]!;
}

/**
 * The last sheet row holding a value in any of the given columns (0-based), found from the bottom
 * of the grid with Ctrl+Up, so neither the history above nor a formula column spilling to the
 * bottom of the sheet (which getLastRow counts) is read. 1 when only the header is there.
 * https://developers.google.com/apps-script/reference/spreadsheet/range#getnextdatacelldirection
 */
export function lastRowOfColumns(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  columnIndexes: readonly number[],
): number {
  const maxRows = sheet.getMaxRows();
  const width = Math.max(...columnIndexes) + 1;
  const bottom = sheet.getRange(maxRows, 1, 1, width).getValues()[0]!;
  let last = 1;
  for (const index of columnIndexes) {
    // Ctrl+Up from a filled bottom cell would stop at the top of its block instead.
    const row =
      bottom[index] !== ''
        ? maxRows
        : sheet
            .getRange(maxRows, index + 1)
            .getNextDataCell(SpreadsheetApp.Direction.UP)
            .getRow();
    last = Math.max(last, row);
  }
  return last;
}

/** The 0-based indexes of the table's own typed columns in `header`, and of its required ones. */
function ownColumns(table: TableDef, header: readonly unknown[]) {
  const { columns } = findColumns(table, header);
  const indexesOf = (keep: (column: TableDef['columns'][number]) => boolean) =>
    table.columns
      .filter(keep)
      .flatMap((column) => (columns[column.key] === undefined ? [] : [columns[column.key]!]));
  const own = indexesOf((column) => !column.computed);
  if (own.length === 0) {
    throw new OkrInputError(
      `The "${table.sheetName}" sheet has none of its columns in row 1. Run Extensions → OKR Cadence → Set up OKR workbook to add them.`,
    );
  }
  return { own, required: indexesOf((column) => column.required === true) };
}

/**
 * Writes records from `firstRow` in the table's own columns, found by header text: one setValues
 * per run of neighbouring own columns, so a column of the user's (values, or a formula filled
 * down) beside or between ours is never written. Grows the grid first when needed.
 */
export function writeRecordsAt(
  table: TableDef,
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  header: readonly unknown[],
  firstRow: number,
  records: readonly Record<string, unknown>[],
): void {
  if (records.length === 0) return;
  const rows = recordsToRows(table, header, records);
  const lastRow = firstRow + rows.length - 1;
  const maxRows = sheet.getMaxRows();
  // getRange outside the grid throws, so the sheet grows first.
  if (lastRow > maxRows) sheet.insertRowsAfter(maxRows, lastRow - maxRows);
  const plainText = new Set(plainTextIndexes(table, findColumns(table, header).columns));
  for (const run of contiguousRuns(ownColumns(table, header).own)) {
    writeValues(
      sheet.getRange(firstRow, run[0]! + 1, rows.length, run.length),
      rows.map((row) => run.map((index) => row[index]!)),
      { plainTextColumns: plainTextOffsets(run, plainText) },
    );
  }
}

/** Where the plain-text columns of a run of sheet columns sit within the run. */
function plainTextOffsets(run: readonly number[], plainText: ReadonlySet<number>): number[] {
  return run.flatMap((index, offset) => (plainText.has(index) ? [offset] : []));
}

function checkHeader(table: TableDef, header: readonly unknown[]): void {
  if (header.every((cell) => String(cell ?? '').trim() === '')) {
    throw new OkrInputError(
      `The "${table.sheetName}" sheet has no header row. Run Extensions → OKR Cadence → Set up OKR workbook to add it.`,
    );
  }
}

/**
 * Appends records (`{ columnKey: value }`) below the table's last row, in the table's own columns
 * (see writeRecordsAt). Reads only row 1 and the bottom of the required columns, never the rows
 * above. Returns the 1-based sheet row of the first appended record.
 */
export function appendRows(table: TableDef, records: readonly Record<string, unknown>[]): number {
  return withDocumentLock(() => {
    const sheet = tableSheet(table);
    const header = readHeaderRow(sheet);
    checkHeader(table, header);
    const { own, required } = ownColumns(table, header);
    const firstRow = lastRowOfColumns(sheet, required.length > 0 ? required : own) + 1;
    writeRecordsAt(table, sheet, header, firstRow, records);
    return firstRow;
  });
}

/**
 * Writes records below the last row of `values` (the table as just read, header in row 0), in the
 * table's own columns; returns the sheet row of the first. For callers that read the whole table
 * anyway; call under the document lock, so nobody appends between the read and the write.
 */
export function appendBelow(
  table: TableDef,
  { sheet, values }: TableValues,
  records: readonly Record<string, unknown>[],
): number {
  const header = values[0] ?? [];
  checkHeader(table, header);
  // Spilled formula columns fill cells to the bottom of the sheet, so getLastRow() is not the end of the data.
  const firstRow = lastContentRow(table, values) + 1;
  writeRecordsAt(table, sheet, header, firstRow, records);
  return firstRow;
}

/**
 * Updates named columns of one row: one setValues per run of neighbouring columns. Fields whose
 * column the sheet lacks are left out; returns the keys written.
 */
export function writeRowFields(
  table: TableDef,
  sheetRow: number,
  fields: Readonly<Record<string, unknown>>,
  columns: ColumnIndexes,
): string[] {
  if (!Number.isInteger(sheetRow) || sheetRow < 2) {
    throw new Error(
      `Row ${sheetRow} is not a data row of ${table.sheetName} (data starts in row 2).`,
    );
  }
  const cellsByColumn = new Map<number, { key: string; value: unknown }>();
  for (const [key, value] of Object.entries(fields)) {
    const definition = table.columns.find((column) => column.key === key);
    if (!definition) throw new Error(`Table ${table.sheetName} has no column with key "${key}".`);
    if (definition.computed)
      throw new Error(`${definition.header} is a formula column and is never written.`);
    const index = columns[key];
    if (index !== undefined) cellsByColumn.set(index, { key, value });
  }
  if (cellsByColumn.size === 0) return [];
  const plainText = new Set(plainTextIndexes(table, columns));
  return withDocumentLock(() => {
    const sheet = tableSheet(table);
    for (const run of contiguousRuns([...cellsByColumn.keys()])) {
      const row = run.map((index) => toSheetCell(cellsByColumn.get(index)!.value));
      writeValues(sheet.getRange(sheetRow, run[0]! + 1, 1, run.length), [row], {
        plainTextColumns: plainTextOffsets(run, plainText),
      });
    }
    return [...cellsByColumn.values()].map((cell) => cell.key);
  });
}

/**
 * The workbook settings from the Settings sheet with one getValues; defaults for anything blank
 * or missing (also when the sheet itself is missing), with problems for unreadable values.
 */
export function readSettings(today: Date = spreadsheetNow()): ParsedSettings {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(SETTINGS.sheetName);
  return parseSettings(sheet ? readValues(sheet.getDataRange()) : [], today);
}
