/**
 * Journaled writes of the multi-sheet operations (src/gas/writeJournal.ts): each is one service
 * call recorded with the calls that take it back, and each writes only the columns it is given.
 */
import { writeValues } from './sheetValues';
import { restoringCell, type TableCells } from '../workbook/archivedRows';
import { rowRuns } from '../workbook/cycleClose';
import { contiguousRuns, type SheetCell } from '../workbook/sheetRows';
import { ensureRows } from './ownSheet';
import type { WriteJournal } from './writeJournal';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * Writes `rows` from sheet row `firstRow` into `columns` only (0-based; one setValues per run of
 * neighbouring columns), growing the sheet first. The cells were blank, so undo clears them.
 */
export function writeBlock(
  journal: WriteJournal,
  sheet: Sheet,
  firstRow: number,
  columns: readonly number[],
  rows: readonly (readonly SheetCell[])[],
): void {
  if (rows.length === 0 || columns.length === 0) return;
  ensureRows(journal, sheet, firstRow + rows.length - 1);
  for (const run of contiguousRuns(columns)) {
    const range = sheet.getRange(firstRow, run[0]! + 1, rows.length, run.length);
    journal.write(
      () => `write ${sheet.getName()} rows ${firstRow}–${firstRow + rows.length - 1}`,
      () =>
        writeValues(
          range,
          rows.map((row) => run.map((index) => row[index] ?? '')),
        ),
      () => range.clearContent(),
    );
  }
}

/**
 * Copies the values of `rows` (1-based, ascending) of `from`, in the given columns, to `to` from
 * row `firstRow` on, one row after another, each column pair being [from column, to column]
 * (0-based). The copy is made inside the spreadsheet (Range.copyTo with PASTE_VALUES), one call
 * per run of neighbouring rows and columns, so no value passes through the script. The target
 * cells were blank and the sheet already holds their rows, so undo clears them.
 */
export function copyRowValues(
  journal: WriteJournal,
  from: Sheet,
  rows: readonly number[],
  columnPairs: readonly (readonly [number, number])[],
  to: Sheet,
  firstRow: number,
): void {
  let target = firstRow;
  for (const [first, count] of rowRuns(rows)) {
    for (const run of pairRuns(columnPairs)) {
      const source = from.getRange(first, run[0]![0] + 1, count, run.length);
      const destination = to.getRange(target, run[0]![1] + 1, count, run.length);
      journal.write(
        () => `copy ${from.getName()} rows ${first}–${first + count - 1} to ${to.getName()}`,
        () => source.copyTo(destination, SpreadsheetApp.CopyPasteType.PASTE_VALUES, false),
        () => destination.clearContent(),
      );
    }
    target += count;
  }
}

/** Column pairs grouped into runs where both columns move on by one. */
function pairRuns(pairs: readonly (readonly [number, number])[]): (readonly [number, number])[][] {
  const runs: (readonly [number, number])[][] = [];
  for (const pair of pairs) {
    const run = runs[runs.length - 1];
    const last = run?.[run.length - 1];
    if (run && last && pair[0] === last[0] + 1 && pair[1] === last[1] + 1) run.push(pair);
    else runs.push([pair]);
  }
  return runs;
}

/** Sets one cell; undo puts back what it held (its formula, or its value exactly). */
export function replaceCell(
  journal: WriteJournal,
  sheet: Sheet,
  row: number,
  column: number,
  value: SheetCell,
  previous: { value: unknown; formula: string | undefined },
): void {
  const range = sheet.getRange(row, column);
  journal.write(
    () => `change ${sheet.getName()} ${range.getA1Notation()}`,
    () => writeValues(range, [[value]]),
    () => writeValues(range, [[restoringCell(previous.value, previous.formula)]]),
  );
}

/**
 * Clears the given rows (1-based, ascending) in `columns`, one clearContent per run; undo writes
 * back what each cell held. Clearing moves no cells, whatever the size of the table.
 */
export function clearRows(
  journal: WriteJournal,
  sheet: Sheet,
  cells: TableCells,
  rows: readonly number[],
  columns: readonly number[],
): void {
  for (const [first, count] of rowRuns(rows)) {
    for (const run of contiguousRuns(columns)) {
      const range = sheet.getRange(first, run[0]! + 1, count, run.length);
      journal.write(
        () => `clear ${sheet.getName()} rows ${first}–${first + count - 1}`,
        () => range.clearContent(),
        () =>
          writeValues(
            range,
            Array.from({ length: count }, (_, offset) =>
              run.map((index) =>
                restoringCell(
                  cells.values[first - 1 + offset]?.[index],
                  cells.formulas[first - 1 + offset]?.[index],
                ),
              ),
            ),
          ),
      );
    }
  }
}

/**
 * Writes cells into blank rows: `rows` maps a 1-based sheet row to its cells, of which only
 * `columns` are written (one setValues per run of neighbouring rows and columns); undo clears them.
 */
export function fillRows(
  journal: WriteJournal,
  sheet: Sheet,
  columns: readonly number[],
  rows: ReadonlyMap<number, readonly SheetCell[]>,
): void {
  const sorted = [...rows.keys()].sort((a, b) => a - b);
  if (sorted.length === 0 || columns.length === 0) return;
  ensureRows(journal, sheet, sorted[sorted.length - 1]!);
  for (const [first, count] of rowRuns(sorted)) {
    for (const run of contiguousRuns(columns)) {
      const range = sheet.getRange(first, run[0]! + 1, count, run.length);
      journal.write(
        () => `write ${sheet.getName()} rows ${first}–${first + count - 1}`,
        () =>
          writeValues(
            range,
            Array.from({ length: count }, (_, offset) =>
              run.map((index) => rows.get(first + offset)![index] ?? ''),
            ),
          ),
        () => range.clearContent(),
      );
    }
  }
}

/**
 * Rewrites whole rows in `columns` (0-based): `rows` maps a 1-based sheet row to its new cells.
 * One setValues per run of neighbouring rows and columns; undo writes back what each cell held
 * (its formula, or its value exactly), so the sheet's structure and formats are never touched.
 */
export function rewriteRows(
  journal: WriteJournal,
  sheet: Sheet,
  cells: TableCells,
  columns: readonly number[],
  rows: ReadonlyMap<number, readonly SheetCell[]>,
): void {
  const sorted = [...rows.keys()].sort((a, b) => a - b);
  if (sorted.length === 0) return;
  ensureRows(journal, sheet, sorted[sorted.length - 1]!);
  for (const [first, count] of rowRuns(sorted)) {
    for (const run of contiguousRuns(columns)) {
      const range = sheet.getRange(first, run[0]! + 1, count, run.length);
      const block = (cell: (row: number, column: number) => SheetCell) =>
        Array.from({ length: count }, (_, offset) =>
          run.map((index) => cell(first + offset, index)),
        );
      journal.write(
        () => `rewrite ${sheet.getName()} rows ${first}–${first + count - 1}`,
        () =>
          writeValues(
            range,
            block((row, index) => rows.get(row)![index] ?? ''),
          ),
        () =>
          writeValues(
            range,
            block((row, index) =>
              restoringCell(cells.values[row - 1]?.[index], cells.formulas[row - 1]?.[index]),
            ),
          ),
      );
    }
  }
}
