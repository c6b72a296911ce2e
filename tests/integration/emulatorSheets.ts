/** Test workbooks in the emulator: a sheet of a given size holding given rows, ragged or not. */
import type { Emulator } from '../../preview/emulator/index';

/**
 * Adds the sheet `name` with `rows` rows and writes `values` from A1, short rows padded with
 * blanks (setValues takes a rectangle). Call it inside `emulator.uncounted`.
 */
export function addSheetWith(
  emulator: Emulator,
  name: string,
  values: readonly (readonly unknown[])[],
  rows = Math.max(1000, values.length + 100),
): void {
  emulator.workbook.addSheet(name, undefined, rows);
  if (values.length === 0) return;
  const width = Math.max(...values.map((row) => row.length));
  const grid = values.map((row) => [...row, ...Array<unknown>(width - row.length).fill('')]);
  emulator.spreadsheet
    .getSheetByName(name)!
    .getRange(1, 1, grid.length, width)
    .setValues(grid as never);
}
