/**
 * The Dashboard sheet as live formulas: rebuilt from the objective list, but every number is a
 * formula over the Key Results table (OKRSCORE, OKRBALANCE, AVERAGEIF), so it stays right as
 * check-ins arrive without rebuilding. One spilling OKRSCORE call serves the whole score column
 * and one OKRBALANCE call serves planned, gap and status, so Sheets runs two custom-function calls
 * however many objectives there are.
 */
import type { Objective } from '../core/types';
import { idKey } from './cells';
import {
  balanceFormula,
  columnLetter,
  SETTING_RANGES,
  sheetReference,
  tableColumns,
  type TablePlacement,
} from './formulaColumns';
import {
  FORECAST_CHECK_IN_COLUMNS,
  OBJECTIVE_FORECAST_COLUMNS,
  SCORE_COLUMNS,
} from './functionColumns';
import { REPORT_DATE_RANGE } from './schema';
import { GREEN_FROM, SCORE_FORMAT, YELLOW_FROM } from './scoreColours';
import { toSheetCell, type SheetCell } from './sheetRows';

export const DASHBOARD_SHEET = 'Dashboard';
/** A1 of every dashboard; a sheet called Dashboard without it was not built by the add-on. */
export const DASHBOARD_TITLE = 'OKR Dashboard';

export const OBJECTIVE_HEADER = [
  'ID',
  'Objective',
  'Owner',
  'Team',
  'Kind',
  'Score',
  'Planned',
  'Gap',
  'Status',
  'Confidence',
  'Forecast',
] as const;

/** Where the OKRBALANCE table spills: two columns right of the objective table. */
const BALANCE_COLUMN = OBJECTIVE_HEADER.length + 2;
/** Through the last column of the OKRBALANCE table. */
export const DASHBOARD_WIDTH = BALANCE_COLUMN + 4;
const FORECAST_COLUMN = OBJECTIVE_HEADER.indexOf('Forecast') + 1;
/** Rows each chart is given, so stacked charts do not overlap. */
const CHART_ROWS = 20;

export interface DashboardInput {
  /** The objectives to show (the current cycle's), in sheet order. */
  objectives: readonly Objective[];
  /** Where the Key Results columns sit: the formulas pass the ones they read, and average confidence. */
  keyResults: TablePlacement;
  /** Where the Check-ins columns sit, for the forecasts. */
  checkIns: TablePlacement;
  /** How many objectives the Key Results table names: the OKRBALANCE table has a row for each. */
  keyResultObjectiveCount: number;
  cycleName: string;
}

export interface RangeFormat {
  a1: string;
  numberFormat: string;
}

export interface DashboardChart {
  title: string;
  kind: 'bar' | 'column';
  /** Label range first, then the series ranges (header row included). */
  ranges: string[];
  /** 1-based anchor cell of the chart's top-left corner. */
  anchorRow: number;
  anchorColumn: number;
}

export interface DashboardLayout {
  /** Written at A1 in one setValues: literal cells and `=` formulas. */
  cells: SheetCell[][];
  /** Score cells coloured by band (≥0.7 green, 0.4–0.69 yellow, <0.4 red). */
  scoreRanges: string[];
  statusRange: string | null;
  numberFormats: RangeFormat[];
  charts: DashboardChart[];
  /** 1-based sheet rows of the objective table header and its first and last objective. */
  objectiveHeaderRow: number;
  firstObjectiveRow: number;
  lastObjectiveRow: number;
}

export interface AlignedObjective {
  objective: Objective;
  /** 0 for a top-level objective, 1 for one aligned to it, and so on. */
  depth: number;
}

/**
 * Orders objectives as an alignment tree: each objective followed by those whose Parent names it.
 * A Parent that is not in the list counts as top level; objectives in a Parent loop are listed
 * at top level so none is lost.
 */
export function alignmentTree(objectives: readonly Objective[]): AlignedObjective[] {
  const byId = new Map(objectives.map((objective) => [idKey(objective.id), objective]));
  const children = new Map<string, Objective[]>();
  const roots: Objective[] = [];
  for (const objective of objectives) {
    const parent = idKey(objective.parentId);
    if (parent && parent !== idKey(objective.id) && byId.has(parent)) {
      const siblings = children.get(parent);
      if (siblings) siblings.push(objective);
      else children.set(parent, [objective]);
    } else {
      roots.push(objective);
    }
  }
  const ordered: AlignedObjective[] = [];
  const seen = new Set<string>();
  const visit = (objective: Objective, depth: number): void => {
    const key = idKey(objective.id);
    if (seen.has(key)) return;
    seen.add(key);
    ordered.push({ objective, depth });
    for (const child of children.get(key) ?? []) visit(child, depth + 1);
  };
  for (const root of roots) visit(root, 0);
  for (const objective of objectives) visit(objective, 0);
  return ordered;
}

/** The objective title indented by alignment depth, as the Objective column shows it. */
export function indentedTitle(title: string, depth: number): string {
  return depth === 0 ? title : `${'    '.repeat(depth - 1)}  ↳ ${title}`;
}

const cellOf = (row: number, column: number): string => `${columnLetter(column - 1)}${row}`;
const absolute = (row: number, column: number): string => `$${columnLetter(column - 1)}$${row}`;

/**
 * A COUNTIF / AVERAGEIF criterion, as a formula string literal, that matches exactly this text:
 * Sheets reads ? * ~ in a criterion as wildcards and a leading = < > as a comparison, so those
 * are made literal. https://support.google.com/docs/answer/3093480
 */
export function exactTextCriterion(text: string): string {
  const literal = text.replace(/[~*?]/g, '~$&');
  const criterion = /^[=<>]/.test(literal) ? `=${literal}` : literal;
  return `"${criterion.replace(/"/g, '""')}"`;
}

/** Teams in first-seen order; objectives without a team form one group labelled "(no team)". */
function teamsOf(objectives: readonly Objective[]): string[] {
  const teams: string[] = [];
  const seen = new Set<string>();
  for (const objective of objectives) {
    const key = objective.team.trim().toLowerCase();
    if (!seen.has(key)) {
      seen.add(key);
      teams.push(objective.team.trim());
    }
  }
  return teams;
}

function keyResultColumnRange(keyResults: TablePlacement, key: string): string | null {
  const index = keyResults.columns[key];
  if (index === undefined) return null;
  const letter = columnLetter(index);
  return `${sheetReference(keyResults.sheetName)}!$${letter}$2:$${letter}`;
}

/** The whole Dashboard sheet: summary, score bands, team scores, objectives and the balance table. */
export function dashboardLayout(input: DashboardInput): DashboardLayout {
  const tree = alignmentTree(input.objectives);
  const teams = teamsOf(input.objectives);
  const grid: SheetCell[][] = [];
  const put = (row: number, column: number, value: SheetCell): void => {
    while (grid.length < row) grid.push(new Array<SheetCell>(DASHBOARD_WIDTH).fill(''));
    grid[row - 1]![column - 1] = value;
  };

  const teamHeaderRow = 8;
  const objectiveHeaderRow = teamHeaderRow + teams.length + 2;
  const firstObjectiveRow = objectiveHeaderRow + 1;
  const lastObjectiveRow = objectiveHeaderRow + tree.length;
  const scoreColumn = OBJECTIVE_HEADER.indexOf('Score') + 1;
  const teamColumn = OBJECTIVE_HEADER.indexOf('Team') + 1;
  const hasObjectives = tree.length > 0;
  const scores = `${absolute(firstObjectiveRow, scoreColumn)}:${absolute(lastObjectiveRow, scoreColumn)}`;
  const teamCells = `${absolute(firstObjectiveRow, teamColumn)}:${absolute(lastObjectiveRow, teamColumn)}`;
  // Header, one row per objective, then the Balance row.
  const balanceEndRow =
    objectiveHeaderRow + Math.max(tree.length, input.keyResultObjectiveCount) + 1;
  // Open-ended, so the lookups see the whole spilled table however many objectives it grows to.
  const balanceTable = `$${columnLetter(BALANCE_COLUMN - 1)}$${objectiveHeaderRow}:$${columnLetter(BALANCE_COLUMN + 3)}`;
  const whenObjectives = (formula: string): SheetCell => (hasObjectives ? formula : '');

  put(1, 1, DASHBOARD_TITLE);
  put(2, 1, 'Cycle');
  put(2, 2, toSheetCell(input.cycleName));
  put(3, 1, 'Report date');
  put(3, 2, `=${REPORT_DATE_RANGE}`);
  put(4, 1, 'Overall score');
  put(4, 2, whenObjectives(`=IFERROR(AVERAGE(${scores}), "")`));
  put(5, 1, 'Balance index');
  put(5, 2, `=IFERROR(VLOOKUP("Balance", ${balanceTable}, 2, FALSE), "")`);
  put(6, 1, 'Objectives');
  put(6, 2, tree.length);

  put(2, 4, 'Score band');
  put(2, 5, 'Objectives');
  // Counted by the score as shown, like the colours (scoreColours.ts).
  put(3, 4, 'Green (0.70–1.00)');
  put(3, 5, whenObjectives(`=COUNTIF(${scores}, ">=${GREEN_FROM}")`));
  put(4, 4, 'Yellow (0.40–0.69)');
  put(
    4,
    5,
    whenObjectives(`=COUNTIFS(${scores}, ">=${YELLOW_FROM}", ${scores}, "<${GREEN_FROM}")`),
  );
  put(5, 4, 'Red (0.00–0.39)');
  put(5, 5, whenObjectives(`=COUNTIF(${scores}, "<${YELLOW_FROM}")`));

  put(teamHeaderRow, 1, 'Team');
  put(teamHeaderRow, 2, 'Score');
  put(teamHeaderRow, 3, 'Objectives');
  teams.forEach((team, index) => {
    const row = teamHeaderRow + 1 + index;
    // The team as a literal criterion, not its cell: Sheets would read "Growth*" as a pattern.
    // A blank team is matched by the "" criterion, shown as "(no team)".
    const criterion = exactTextCriterion(team);
    put(row, 1, team === '' ? '(no team)' : toSheetCell(team));
    put(row, 2, `=IFERROR(AVERAGEIF(${teamCells}, ${criterion}, ${scores}), "")`);
    put(row, 3, `=COUNTIF(${teamCells}, ${criterion})`);
  });

  OBJECTIVE_HEADER.forEach((header, index) => put(objectiveHeaderRow, index + 1, header));
  put(objectiveHeaderRow, BALANCE_COLUMN, balanceFormula(input.keyResults));
  if (!hasObjectives) {
    put(
      firstObjectiveRow,
      1,
      'No objectives in this cycle yet: add them on the Objectives sheet, then run Build dashboard again.',
    );
  }
  const objectiveIdKey = keyResultColumnRange(input.keyResults, 'objectiveId');
  const confidence = keyResultColumnRange(input.keyResults, 'confidence');
  tree.forEach(({ objective, depth }, index) => {
    const row = firstObjectiveRow + index;
    const id = cellOf(row, 1);
    put(row, 1, toSheetCell(objective.id));
    put(row, 2, toSheetCell(indentedTitle(objective.title, depth)));
    put(row, 3, toSheetCell(objective.owner));
    put(row, 4, toSheetCell(objective.team));
    put(row, 5, objective.kind ?? '');
    if (index === 0) {
      // One call for the whole column: it spills one score per ID below.
      const ids = `${id}:${cellOf(lastObjectiveRow, 1)}`;
      put(row, 6, `=OKRSCORE(${tableColumns(input.keyResults, SCORE_COLUMNS)}, ${ids})`);
      // Likewise one forecast per objective: its key results' forecasts weighted as the score.
      put(
        row,
        FORECAST_COLUMN,
        `=OKRFORECAST(${tableColumns(input.keyResults, OBJECTIVE_FORECAST_COLUMNS)}, ` +
          `${tableColumns(input.checkIns, FORECAST_CHECK_IN_COLUMNS)}, ${ids}, ` +
          `${SETTING_RANGES.reportDate}, ${SETTING_RANGES.cycleStart}, ${SETTING_RANGES.cycleEnd})`,
      );
    }
    put(row, 7, `=IFERROR(VLOOKUP(${id}, ${balanceTable}, 3, FALSE), "")`);
    put(
      row,
      8,
      `=IF(OR(NOT(ISNUMBER(${cellOf(row, 6)})), NOT(ISNUMBER(${cellOf(row, 7)}))), "", ${cellOf(row, 6)}-${cellOf(row, 7)})`,
    );
    put(row, 9, `=IFERROR(VLOOKUP(${id}, ${balanceTable}, 5, FALSE), "")`);
    put(
      row,
      10,
      objectiveIdKey && confidence
        ? `=IFERROR(AVERAGEIF(${objectiveIdKey}, ${id}, ${confidence}), "")`
        : '',
    );
  });
  // Down to the OKRBALANCE table's last row, so the sheet is tall enough for it to spill.
  while (grid.length < balanceEndRow) {
    grid.push(new Array<SheetCell>(DASHBOARD_WIDTH).fill(''));
  }

  const objectiveRows = (column: number): string =>
    `${cellOf(firstObjectiveRow, column)}:${cellOf(Math.max(firstObjectiveRow, lastObjectiveRow), column)}`;
  const teamScores =
    teams.length > 0 ? [`B${teamHeaderRow + 1}:B${teamHeaderRow + teams.length}`] : [];
  const charts: DashboardChart[] = [
    {
      title: 'Score distribution (objectives per band)',
      kind: 'column',
      ranges: ['D2:D5', 'E2:E5'],
      // Below the planned-vs-actual chart: a default embedded chart is about 18 rows tall.
      anchorRow: CHART_ROWS + 1,
      anchorColumn: BALANCE_COLUMN + 6,
    },
  ];
  if (hasObjectives) {
    charts.unshift({
      title: 'Planned vs actual per objective',
      kind: 'bar',
      ranges: [
        `${cellOf(objectiveHeaderRow, 1)}:${cellOf(lastObjectiveRow, 1)}`,
        `${cellOf(objectiveHeaderRow, 6)}:${cellOf(lastObjectiveRow, 7)}`,
        `${cellOf(objectiveHeaderRow, FORECAST_COLUMN)}:${cellOf(lastObjectiveRow, FORECAST_COLUMN)}`,
      ],
      anchorRow: 1,
      anchorColumn: BALANCE_COLUMN + 6,
    });
  }
  return {
    cells: grid,
    scoreRanges: ['B4', ...teamScores, ...(hasObjectives ? [objectiveRows(6)] : [])],
    statusRange: hasObjectives ? objectiveRows(9) : null,
    numberFormats: [
      { a1: 'B3', numberFormat: 'yyyy-mm-dd' },
      { a1: 'B4', numberFormat: SCORE_FORMAT },
      { a1: 'B5', numberFormat: '0.00' },
      ...teamScores.map((a1) => ({ a1, numberFormat: SCORE_FORMAT })),
      ...(hasObjectives
        ? [
            {
              a1: `${objectiveRows(6).split(':')[0]}:${cellOf(lastObjectiveRow, 8)}`,
              numberFormat: SCORE_FORMAT,
            },
            { a1: objectiveRows(10), numberFormat: '0.0' },
            { a1: objectiveRows(FORECAST_COLUMN), numberFormat: SCORE_FORMAT },
          ]
        : []),
      // Actual, Planned and Gap of the OKRBALANCE table.
      {
        a1: `${cellOf(objectiveHeaderRow + 1, BALANCE_COLUMN + 1)}:${cellOf(balanceEndRow, BALANCE_COLUMN + 3)}`,
        numberFormat: SCORE_FORMAT,
      },
    ],
    charts,
    objectiveHeaderRow,
    firstObjectiveRow,
    lastObjectiveRow,
  };
}
