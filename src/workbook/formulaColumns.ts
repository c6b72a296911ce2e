/**
 * The formula columns of Key Results and Objectives (SPEC §2): one formula in the header cell that
 * writes the header text and spills one value per row below it, e.g.
 * `={"Progress"; OKRPROGRESS(E2:E, G2:G, H2:H, I2:I)}`. New rows are computed without anyone
 * copying formulas down, and one custom-function call serves the whole column. Objectives get
 * their live Score (OKRSCORE), Planned (OKRPLANNED) and Status (OKRSTATUS) the same way.
 *
 * Decision: no separate Score column on Key Results. A KR's score is its progress (SPEC §3
 * OKRSCORE with a KR ID), so a Score column would repeat Progress; objective scores belong to
 * objectives (OKRSCORE on the Dashboard).
 *
 * A formula over another table passes only the columns its function reads (functionColumns.ts),
 * found where they sit on the user's sheet: `OKRSCORE({'Key Results'!A1:C, 'Key Results'!E1:E,
 * …}, A2:A)` rather than the whole OKR_KEY_RESULTS, so Sheets sends the function fewer cells on
 * every recalculation (docs/performance.md#cells-passed-to-custom-functions).
 */
import {
  BALANCE_COLUMNS,
  FORECAST_CHECK_IN_COLUMNS,
  FORECAST_KEY_RESULT_COLUMNS,
  SCORE_COLUMNS,
} from './functionColumns';
import type { ColumnMap } from './headers';
import { KEY_RESULTS, OBJECTIVES, type TableDef, type TableKey } from './schema';

/** Named cells on the Settings sheet that the formulas read (created by setup). */
export const SETTING_RANGES = {
  reportDate: 'OKR_REPORT_DATE',
  cycleStart: 'OKR_CYCLE_START',
  cycleEnd: 'OKR_CYCLE_END',
  atRiskGap: 'OKR_AT_RISK_GAP',
  offTrackGap: 'OKR_OFF_TRACK_GAP',
} as const;

/** The A1 column letters of a 0-based column index (0 → A, 26 → AA). */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/** Where a table sits in the workbook: its sheet's name and each column's 0-based index. */
export interface TablePlacement {
  sheetName: string;
  columns: ColumnMap;
}

/** The tables the header formulas read, as they sit in the workbook. */
export type FormulaTables = Record<'objectives' | 'keyResults' | 'checkIns', TablePlacement>;

/** A table as setup lays out a new sheet: the schema's columns in order on a sheet of its name. */
export function defaultPlacement(table: TableDef): TablePlacement {
  return {
    sheetName: table.sheetName,
    columns: Object.fromEntries(table.columns.map((column, index) => [column.key, index])),
  };
}

/** A sheet's name as a formula refers to it, quoted with inner quotes doubled: 'Key Results'. */
export function sheetReference(sheetName: string): string {
  return `'${sheetName.replace(/'/g, "''")}'`;
}

/**
 * The `keys` columns of a table, header row included, as one function argument: open-ended
 * column ranges in sheet order, neighbouring columns joined, several joined side by side in an
 * array literal (`{'Key Results'!A1:C, 'Key Results'!E1:E}`,
 * https://support.google.com/docs/answer/6208276). Columns the sheet lacks are left out, so the
 * function's own message names a column it needs. `onItsSheet` leaves out the sheet name.
 */
export function tableColumns(
  placement: TablePlacement,
  keys: readonly string[],
  onItsSheet = false,
): string {
  const indexes = [
    ...new Set(keys.map((key) => placement.columns[key]).filter((i) => i !== undefined)),
  ].sort((a, b) => a - b);
  if (indexes.length === 0)
    throw new Error(`${placement.sheetName} has none of the columns ${keys.join(', ')}.`);
  const runs: [number, number][] = [];
  for (const index of indexes) {
    const last = runs[runs.length - 1];
    if (last && last[1] === index - 1) last[1] = index;
    else runs.push([index, index]);
  }
  const prefix = onItsSheet ? '' : `${sheetReference(placement.sheetName)}!`;
  const ranges = runs.map(
    ([first, last]) => `${prefix}${columnLetter(first)}1:${columnLetter(last)}`,
  );
  return ranges.length === 1 ? ranges[0]! : `{${ranges.join(', ')}}`;
}

/**
 * OKRBALANCE over the Key Results columns it reads with the Settings' cycle dates and status
 * gaps, so the dashboard's statuses use the same bands as the Key Results Status column.
 */
export function balanceFormula(keyResults: TablePlacement): string {
  return (
    `=OKRBALANCE(${tableColumns(keyResults, BALANCE_COLUMNS)}, ${SETTING_RANGES.reportDate}, ` +
    `${SETTING_RANGES.cycleStart}, ${SETTING_RANGES.cycleEnd}, ${SETTING_RANGES.atRiskGap}, ` +
    `${SETTING_RANGES.offTrackGap})`
  );
}

/** The open-ended data range of a column below its header, e.g. `E2:E`. */
function dataColumn(columns: ColumnMap, key: string, table: TableDef = KEY_RESULTS): string {
  const index = columns[key];
  if (index === undefined)
    throw new Error(`${table.sheetName} has no column "${key}" to build a formula from.`);
  const letter = columnLetter(index);
  return `${letter}2:${letter}`;
}

/** Status from a Score or Progress column and a Planned column, with the Settings gaps. */
const statusFormula = (progress: string, planned: string): string =>
  `={"Status"; OKRSTATUS(${progress}, ${planned}, ${SETTING_RANGES.atRiskGap}, ${SETTING_RANGES.offTrackGap})}`;

type Builders = Record<string, (columns: ColumnMap, tables: FormulaTables) => string>;

/** Each Key Results formula column's header formula, given where every column sits. */
const KEY_RESULT_BUILDERS: Builders = {
  progress: (c) =>
    `={"Progress"; OKRPROGRESS(${dataColumn(c, 'type')}, ${dataColumn(c, 'start')}, ${dataColumn(c, 'target')}, ${dataColumn(c, 'current')})}`,
  // Blank KR dates fall back to the cycle dates; rows without an ID stay blank instead of
  // getting a plan from the cycle dates.
  planned: (c) => {
    const id = dataColumn(c, 'id');
    const withCycleDate = (key: string, fallback: string): string =>
      `IF(${id}="", "", IF(${dataColumn(c, key)}="", ${fallback}, ${dataColumn(c, key)}))`;
    return (
      `={"Planned"; ARRAYFORMULA(OKREXPECTED(${withCycleDate('startDate', SETTING_RANGES.cycleStart)}, ` +
      `${withCycleDate('dueDate', SETTING_RANGES.cycleEnd)}, ${SETTING_RANGES.reportDate}))}`
    );
  },
  // Its own table's columns are passed by column too: OKR_KEY_RESULTS spans this column, and a
  // formula that reads its own cells is a circular reference.
  forecast: (c, tables) =>
    `={"Forecast"; OKRFORECAST(${tableColumns({ ...tables.keyResults, columns: c }, FORECAST_KEY_RESULT_COLUMNS, true)}, ` +
    `${tableColumns(tables.checkIns, FORECAST_CHECK_IN_COLUMNS)}, ${dataColumn(c, 'id')}, ` +
    `${SETTING_RANGES.reportDate}, ${SETTING_RANGES.cycleStart}, ${SETTING_RANGES.cycleEnd})}`,
  status: (c) => statusFormula(dataColumn(c, 'progress'), dataColumn(c, 'planned')),
};

/** Each Objectives formula column's header formula: scored from the Key Results columns it reads. */
const OBJECTIVE_BUILDERS: Builders = {
  score: (c, tables) =>
    `={"Score"; OKRSCORE(${tableColumns(tables.keyResults, SCORE_COLUMNS)}, ${dataColumn(c, 'id', OBJECTIVES)})}`,
  planned: (c, tables) =>
    `={"Planned"; OKRPLANNED(${tableColumns(tables.keyResults, BALANCE_COLUMNS)}, ${dataColumn(c, 'id', OBJECTIVES)}, ` +
    `${SETTING_RANGES.reportDate}, ${SETTING_RANGES.cycleStart}, ${SETTING_RANGES.cycleEnd})}`,
  status: (c) =>
    statusFormula(dataColumn(c, 'score', OBJECTIVES), dataColumn(c, 'planned', OBJECTIVES)),
};

const BUILDERS: Partial<Record<TableKey, Builders>> = {
  keyResults: KEY_RESULT_BUILDERS,
  objectives: OBJECTIVE_BUILDERS,
};

/**
 * The header formula of a computed column, or null when the column is typed by people. `columns`
 * is where the columns of `table` sit; `tables` where the tables it reads sit.
 */
export function headerFormula(
  table: TableDef,
  columnKey: string,
  columns: ColumnMap,
  tables: FormulaTables,
): string | null {
  const build = BUILDERS[table.key]?.[columnKey];
  return build ? build(columns, tables) : null;
}

/** The header text a header formula writes (`={"Progress"; …}` → Progress), or null. */
export function headerOfFormula(formula: string): string | null {
  const match = /^=\s*\{\s*"((?:[^"]|"")*)"\s*;/.exec(formula);
  return match ? match[1]!.replace(/""/g, '"') : null;
}
