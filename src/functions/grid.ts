/**
 * How custom functions take their arguments (SPEC §3): a single cell arrives as a plain value,
 * a range as a 2-D array. Range calls return one value per cell of the ranges (one per row for
 * columns, spilling); a bad row becomes an `ERROR:` text so it never hides the others.
 * Argument shapes and returned 2-D arrays follow Google's custom function guide, "Arguments" and
 * "Optimization": https://developers.google.com/apps-script/guides/sheets/functions
 */
import { OkrInputError } from '../core/errors';

/** What a custom function puts in a cell: a number, or text ("" for blank). */
export type CellOutput = number | string;
export type RangeOutput = CellOutput | CellOutput[][];

export interface NamedArgument {
  name: string;
  value: unknown;
}

/** The text a range call puts in a cell whose row could not be computed. */
export function errorCell(message: string): string {
  return `ERROR: ${message}`;
}

/** A range as rows of cells; a single value becomes a 1×1 grid. */
export function asGrid(value: unknown): unknown[][] {
  if (!Array.isArray(value)) return [[value]];
  return value.map((row: unknown) => (Array.isArray(row) ? row : [row]));
}

function shapeOf(grid: readonly unknown[][]): { rows: number; columns: number } {
  return {
    rows: grid.length,
    columns: grid.reduce((widest, row) => Math.max(widest, row.length), 0),
  };
}

function describeShape(shape: { rows: number; columns: number }): string {
  const plural = (count: number, noun: string): string =>
    `${count} ${noun}${count === 1 ? '' : 's'}`;
  return `${plural(shape.rows, 'row')} × ${plural(shape.columns, 'column')}`;
}

/**
 * Calls `compute` once per cell position across the arguments: single cells (and 1×1 ranges)
 * repeat for every position, larger ranges must all have the same size. With no range at all the
 * result is one value and an OkrInputError is thrown as an Error for Sheets to show.
 */
export function mapCells(
  args: readonly NamedArgument[],
  compute: (cells: unknown[]) => CellOutput,
): RangeOutput {
  if (!args.some(({ value }) => Array.isArray(value))) {
    return withUserErrors(() => compute(args.map(({ value }) => value)));
  }
  const grids = args.map(({ value }) => asGrid(value));
  let shaped: { name: string; rows: number; columns: number } | null = null;
  grids.forEach((grid, index) => {
    const shape = shapeOf(grid);
    if (shape.rows * shape.columns <= 1) return;
    const name = args[index]!.name;
    if (shaped === null) shaped = { name, ...shape };
    else if (shaped.rows !== shape.rows || shaped.columns !== shape.columns) {
      throw new Error(
        `${shaped.name} covers ${describeShape(shaped)} but ${name} covers ${describeShape(shape)}. ` +
          `Give ranges of the same size, such as E2:E and H2:H, or a single cell.`,
      );
    }
  });
  const { rows, columns } = shaped ?? { rows: 1, columns: 1 };
  const output: CellOutput[][] = [];
  for (let r = 0; r < rows; r++) {
    const outputRow: CellOutput[] = [];
    for (let c = 0; c < columns; c++) {
      const cells = grids.map((grid) =>
        grid.length === 1 && grid[0]!.length <= 1 ? grid[0]![0] : grid[r]![c],
      );
      outputRow.push(cellOrError(() => compute(cells)));
    }
    output.push(outputRow);
  }
  return output;
}

/** Runs one cell's computation; a problem with its inputs becomes an `ERROR:` cell. */
export function cellOrError(compute: () => CellOutput): CellOutput {
  try {
    return compute();
  } catch (error) {
    if (error instanceof OkrInputError) return errorCell(error.message);
    throw error;
  }
}

/** Runs a whole call; its OkrInputError becomes a plain Error, whose message Sheets shows as is. */
export function withUserErrors<T>(compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    if (error instanceof OkrInputError) throw new Error(error.message);
    throw error;
  }
}

/** An argument that must be one value (a date, a gap): a 1×1 range counts as that value. */
export function singleValue(argument: NamedArgument): unknown {
  const { name, value } = argument;
  if (!Array.isArray(value)) return value;
  const grid = asGrid(value);
  const shape = shapeOf(grid);
  if (shape.rows === 1 && shape.columns === 1) return grid[0]![0];
  throw new Error(
    `${name} must be a single cell, but it covers ${describeShape(shape)}. Pass one cell, such as OKR_REPORT_DATE.`,
  );
}
