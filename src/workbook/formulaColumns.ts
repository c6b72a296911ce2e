/**
 * The formula columns of Key Results and Objectives (SPEC §2): one formula in the header cell that
 * writes the header text and spills one value per row below it, e.g.
 * `={"Progress"; OKRPROGRESS(E2:E, G2:G, H2:H, I2:I)}`. New rows are computed without anyone
 * copying formulas down, and one custom-function call serves the whole column. Objectives get
 * their live Score (OKRSCORE), Planned (OKRPLANNED) and Status (OKRSTATUS) the same way.
 *
 * Decision: no separate Score column on Key Results. A KR's score is its progress (SPEC §3
 * OKRSCORE with a KR ID), so a Score column would repeat Progress; objective scores belong to
 * objectives (OKRSCORE(OKR_KEY_RESULTS, id) on the Dashboard).
 */
import type { ColumnMap } from './headers';
import { CHECK_INS, KEY_RESULTS, OBJECTIVES, type TableDef, type TableKey } from './schema';

/** Named cells on the Settings sheet that the formulas read (created by setup). */
export const SETTING_RANGES = {
  reportDate: 'OKR_REPORT_DATE',
  cycleStart: 'OKR_CYCLE_START',
  cycleEnd: 'OKR_CYCLE_END',
  atRiskGap: 'OKR_AT_RISK_GAP',
  offTrackGap: 'OKR_OFF_TRACK_GAP',
} as const;

/**
 * OKRBALANCE over the named tables with the Settings' cycle dates and status gaps, so the
 * dashboard's statuses use the same bands as the Key Results Status column.
 */
export const BALANCE_FORMULA =
  `=OKRBALANCE(OKR_KEY_RESULTS, ${SETTING_RANGES.reportDate}, ${SETTING_RANGES.cycleStart}, ` +
  `${SETTING_RANGES.cycleEnd}, ${SETTING_RANGES.atRiskGap}, ${SETTING_RANGES.offTrackGap})`;

/** The A1 column letters of a 0-based column index (0 → A, 26 → AA). */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
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

type Builders = Record<string, (columns: ColumnMap) => string>;

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
  // The table columns it reads are passed one by one from row 1: OKR_KEY_RESULTS spans this
  // column too, and a formula that reads its own cells is a circular reference.
  forecast: (c) => {
    const withHeader = (key: string): string => dataColumn(c, key).replace('2:', '1:');
    const table = ['id', 'type', 'start', 'target', 'startDate', 'dueDate'].map(withHeader);
    return (
      `={"Forecast"; OKRFORECAST({${table.join(', ')}}, ${CHECK_INS.namedRange}, ${dataColumn(c, 'id')}, ` +
      `${SETTING_RANGES.reportDate}, ${SETTING_RANGES.cycleStart}, ${SETTING_RANGES.cycleEnd})}`
    );
  },
  status: (c) => statusFormula(dataColumn(c, 'progress'), dataColumn(c, 'planned')),
};

/** Each Objectives formula column's header formula: scored from the Key Results table. */
const OBJECTIVE_BUILDERS: Builders = {
  score: (c) =>
    `={"Score"; OKRSCORE(${KEY_RESULTS.namedRange}, ${dataColumn(c, 'id', OBJECTIVES)})}`,
  planned: (c) =>
    `={"Planned"; OKRPLANNED(${KEY_RESULTS.namedRange}, ${dataColumn(c, 'id', OBJECTIVES)}, ` +
    `${SETTING_RANGES.reportDate}, ${SETTING_RANGES.cycleStart}, ${SETTING_RANGES.cycleEnd})}`,
  status: (c) =>
    statusFormula(dataColumn(c, 'score', OBJECTIVES), dataColumn(c, 'planned', OBJECTIVES)),
};

const BUILDERS: Partial<Record<TableKey, Builders>> = {
  keyResults: KEY_RESULT_BUILDERS,
  objectives: OBJECTIVE_BUILDERS,
};

/** The header formula of a computed column, or null when the column is typed by people. */
export function headerFormula(
  table: TableDef,
  columnKey: string,
  columns: ColumnMap,
): string | null {
  const build = BUILDERS[table.key]?.[columnKey];
  return build ? build(columns) : null;
}

/** The header text a header formula writes (`={"Progress"; …}` → Progress), or null. */
export function headerOfFormula(formula: string): string | null {
  const match = /^=\s*\{\s*"((?:[^"]|"")*)"\s*;/.exec(formula);
  return match ? match[1]!.replace(/""/g, '"') : null;
}
