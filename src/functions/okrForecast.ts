/**
 * OKRFORECAST(key_results, check_ins, id, as_of, [cycle_start], [cycle_end]): each key result's
 * projected progress at its due date (SPEC §3). Only the columns the forecast needs are read, so
 * the tables may be cut down to them; the Check-ins table is read in one pass that keeps only the
 * check-ins of the key results asked for, grouped by key result.
 */
import type { CycleDates } from '../core/balance';
import { OkrInputError } from '../core/errors';
import {
  keyResultForecast,
  noReadings,
  type ForecastKeyResult,
  type Readings,
} from '../core/forecast';
import { parseKeyResultType } from '../core/keyResultType';
import { isBlankCell, readDate, readId, readNumber, type CellRead } from '../workbook/cells';
import { findColumns, type ColumnMap } from '../workbook/headers';
import { FORECAST_CHECK_IN_COLUMNS } from '../workbook/functionColumns';
import { IdIndex } from '../workbook/idIndex';
import { describeProblem } from '../workbook/problems';
import { CHECK_INS, KEY_RESULTS, type TableDef } from '../workbook/schema';
import { cellValue } from './cellValue';
import { combinedError } from './keyResultBook';
import {
  asGrid,
  cellOrError,
  singleValue,
  withUserErrors,
  type CellOutput,
  type RangeOutput,
} from './grid';

/** The columns a table must have: Key Results needs only ID; Type, Start, Target, dates (and Objective ID, Weight for objectives) are read when there. */
const REQUIRED_KEY_RESULT_COLUMNS = ['id'] as const;

/**
 * An ID asked for: the 0-based table row of the key result with that ID (-1 when none) and of a
 * second one, and the rows of the key results whose Objective ID it is.
 */
interface Wanted {
  row: number;
  repeatedRow: number;
  memberRows: number[];
}

export function okrForecast(
  keyResults: unknown,
  checkIns: unknown,
  id: unknown,
  asOf: unknown,
  cycleStart?: unknown,
  cycleEnd?: unknown,
): RangeOutput {
  const inputs = withUserErrors(() => ({
    keyResults: tableArgument(keyResults, 'key_results', KEY_RESULTS, REQUIRED_KEY_RESULT_COLUMNS),
    checkIns: tableArgument(checkIns, 'check_ins', CHECK_INS, FORECAST_CHECK_IN_COLUMNS),
    asOf: requiredDate(asOf),
    cycle: {
      start: optionalDate('cycle_start', cycleStart),
      end: optionalDate('cycle_end', cycleEnd),
    } satisfies CycleDates,
  }));
  const idGrid = asGrid(id);
  const wanted = new IdIndex<Wanted>(idGrid.length);
  for (const row of idGrid) {
    for (const cell of row) {
      const read = readId(cell);
      if (read.ok && read.value)
        wanted.addIfAbsent(read.value, { row: -1, repeatedRow: -1, memberRows: [] });
    }
  }
  findRows(inputs.keyResults, wanted);
  const readingsById = collectReadings(
    inputs.checkIns,
    trackedKeyResults(inputs.keyResults, wanted),
  );
  const keyResultForecastAt = (row: number): number | null => {
    const keyResult = keyResultAt(inputs.keyResults, row);
    const readings = readingsById.get(idAt(inputs.keyResults, row)) ?? noReadings();
    try {
      return keyResultForecast(keyResult, readings, inputs.asOf, inputs.cycle)?.progress ?? null;
    } catch (error) {
      if (!(error instanceof OkrInputError)) throw error;
      throw new OkrInputError(`${KEY_RESULTS.sheetName} row ${row + 1}: ${error.message}`);
    }
  };
  const forecastOf = (cell: unknown): CellOutput => {
    const read = readId(cell);
    if (!read.ok) throw new OkrInputError(`id: ${read.problem}`);
    if (!read.value) return '';
    const entry = wanted.get(read.value)!;
    if (entry.row < 0 && entry.memberRows.length > 0) {
      return objectiveForecast(inputs.keyResults, entry.memberRows, keyResultForecastAt) ?? '';
    }
    if (entry.row < 0) {
      throw new OkrInputError(
        `No key result or objective has the ID "${read.value}". Check the spelling, or add it to the Key Results sheet.`,
      );
    }
    if (entry.repeatedRow >= 0) {
      throw new OkrInputError(
        `The ID "${read.value}" is used in Key Results rows ${entry.row + 1} and ${entry.repeatedRow + 1}. Give each key result its own ID.`,
      );
    }
    return keyResultForecastAt(entry.row) ?? '';
  };
  if (!Array.isArray(id)) return withUserErrors(() => forecastOf(id));
  return idGrid.map((row) => row.map((cell) => cellOrError(() => forecastOf(cell))));
}

interface Table {
  values: readonly unknown[][];
  columns: ColumnMap;
}

/** A table argument with its header row; the listed columns are found by header, `required` ones must be there. */
function tableArgument(
  argument: unknown,
  name: string,
  table: TableDef,
  columnKeys: readonly string[],
): Table {
  const example = table === KEY_RESULTS ? 'OKR_KEY_RESULTS' : 'OKR_CHECKINS';
  if (!Array.isArray(argument) || !Array.isArray(argument[0])) {
    throw new OkrInputError(
      `${name} must be the ${table.sheetName} table including its header row, such as ${example}.`,
    );
  }
  const values = argument as unknown[][];
  const { columns } = findColumns(table, values[0]!);
  const required = table === KEY_RESULTS ? ['id'] : columnKeys;
  const missing = table.columns.filter(
    (column) => required.includes(column.key) && columns[column.key] === undefined,
  );
  if (missing.length > 0) {
    const names = missing.map((column) => `"${column.header}"`).join(', ');
    throw new OkrInputError(
      `${name} has no ${names} column in its first row. Pass the ${table.sheetName} table including its header row, such as ${example}.`,
    );
  }
  return { values, columns };
}

/** One pass over the Key Results IDs: where each wanted key result is, and whether its ID repeats. */
function findRows(table: Table, wanted: IdIndex<Wanted>): void {
  const idColumn = table.columns.id!;
  const objectiveColumn = table.columns.objectiveId;
  for (let r = 1; r < table.values.length; r++) {
    const cells = table.values[r]!;
    const cell = cells[idColumn];
    const entry = isIdCell(cell) ? wanted.get(String(cell)) : undefined;
    if (entry !== undefined) {
      if (entry.row < 0) entry.row = r;
      else if (entry.repeatedRow < 0) entry.repeatedRow = r;
    }
    if (objectiveColumn === undefined || !isIdCell(cell)) continue;
    const objectiveCell = cells[objectiveColumn];
    if (isIdCell(objectiveCell)) wanted.get(String(objectiveCell))?.memberRows.push(r);
  }
}

const isIdCell = (cell: unknown): cell is string | number =>
  (typeof cell === 'string' && cell !== '') || typeof cell === 'number';

function idAt(table: Table, row: number): string {
  return String(table.values[row]![table.columns.id!]);
}

/** The key results whose check-ins are needed: those asked for and those of the objectives asked for. */
function trackedKeyResults(table: Table, wanted: IdIndex<Wanted>): IdIndex<Readings> {
  const tracked = new IdIndex<Readings>();
  for (const entry of wanted.values()) {
    const rows = entry.row >= 0 ? [entry.row] : entry.memberRows;
    for (const row of rows) tracked.addIfAbsent(idAt(table, row), noReadings());
  }
  return tracked;
}

/**
 * An objective's forecast: the mean of its key results' forecasts weighted as its score is (a blank
 * Weight counts 1, Weight 0 leaves a key result out); key results without a forecast are left out.
 */
function objectiveForecast(
  table: Table,
  memberRows: readonly number[],
  forecastAt: (row: number) => number | null,
): number | null {
  let weighted = 0;
  let totalWeight = 0;
  const problems: string[] = [];
  for (const row of memberRows) {
    try {
      const weightColumn = table.columns.weight;
      const weightCell = weightColumn === undefined ? '' : table.values[row]![weightColumn];
      const weightRead = readNumber(weightCell);
      if (!weightRead.ok) {
        throw new OkrInputError(
          describeProblem({
            sheet: KEY_RESULTS.sheetName,
            row: row + 1,
            column: 'Weight',
            message: weightRead.problem,
          }),
        );
      }
      const weight = weightRead.value ?? 1;
      if (weight === 0) continue;
      const forecast = forecastAt(row);
      if (forecast === null) continue;
      weighted += forecast * weight;
      totalWeight += weight;
    } catch (error) {
      if (!(error instanceof OkrInputError)) throw error;
      problems.push(error.message);
    }
  }
  if (problems.length > 0) throw combinedError(problems);
  return totalWeight > 0 ? weighted / totalWeight : null;
}

/** One pass over the check-ins, keeping numeric values with a readable timestamp of the wanted key results. */
function collectReadings(table: Table, tracked: IdIndex<Readings>): IdIndex<Readings> {
  const { timestamp, keyResultId, value } = table.columns as Record<string, number>;
  for (let r = 1; r < table.values.length; r++) {
    const row = table.values[r]!;
    const idCell = row[keyResultId!];
    if (typeof idCell !== 'string' && typeof idCell !== 'number') continue;
    const readings = tracked.get(String(idCell));
    if (readings === undefined) continue;
    const time = timeOf(row[timestamp!]);
    const measured = numberOf(row[value!]);
    if (time !== null && measured !== null) {
      readings.times.push(time);
      readings.values.push(measured);
    }
  }
  return tracked;
}

/** A timestamp cell as ms since 1970; Date cells (the usual) skip the tolerant reader. */
function timeOf(cell: unknown): number | null {
  if (cell instanceof Date) return cell.getTime();
  const read = readDate(cell);
  return read.ok && read.value !== null ? read.value.getTime() : null;
}

function numberOf(cell: unknown): number | null {
  if (typeof cell === 'number') return cell;
  const read = readNumber(cell);
  return read.ok ? read.value : null;
}

/** The forecast's fields of one Key Results row; an unreadable cell is an error naming row and column. */
function keyResultAt(table: Table, index: number): ForecastKeyResult {
  const cells = table.values[index]!;
  const cellOf = (key: string): unknown => {
    const column = table.columns[key];
    return column === undefined ? '' : cells[column];
  };
  const rowCell = <T>(
    key: string,
    header: string,
    read: (cell: unknown) => CellRead<T>,
  ): T | null => {
    const result = read(cellOf(key));
    if (result.ok) return result.value;
    throw new OkrInputError(
      describeProblem({
        sheet: KEY_RESULTS.sheetName,
        row: index + 1,
        column: header,
        message: result.problem,
      }),
    );
  };
  let type: ForecastKeyResult['type'];
  try {
    type = isBlankCell(cellOf('type')) ? null : parseKeyResultType(cellOf('type'));
  } catch (error) {
    if (!(error instanceof OkrInputError)) throw error;
    throw new OkrInputError(
      describeProblem({
        sheet: KEY_RESULTS.sheetName,
        row: index + 1,
        column: 'Type',
        message: error.message,
      }),
    );
  }
  return {
    type,
    start: rowCell('start', 'Start', readNumber),
    target: rowCell('target', 'Target', readNumber),
    startDate: rowCell('startDate', 'Start Date', readDate),
    dueDate: rowCell('dueDate', 'Due Date', readDate),
  };
}

function requiredDate(argument: unknown): Date {
  const date = optionalDate('as_of', argument);
  if (date === null) {
    throw new OkrInputError(
      'as_of is blank. Pass the report date, such as OKR_REPORT_DATE (custom functions cannot use TODAY()).',
    );
  }
  return date;
}

function optionalDate(name: string, argument: unknown): Date | null {
  return cellValue(name, readDate(singleValue({ name, value: argument })));
}
