/**
 * The company roll-up's functions (docs/rollup.md): OKRSUMMARY, one team's score against plan in
 * one row, and OKRALIGNMENT, every team objective of stacked team tables with its score, its
 * key-result weight and the company objective it aligns to.
 */
import { OkrInputError } from '../core/errors';
import { scoringWeight } from '../core/score';
import { statusFor } from '../core/status';
import { readId, readNumber, readText } from '../workbook/cells';
import { findColumns } from '../workbook/headers';
import { IdIndex } from '../workbook/idIndex';
import { OBJECTIVES, KEY_RESULTS } from '../workbook/schema';
import { parseObjectives } from '../workbook/tables';
import { asGrid, errorCell, withUserErrors, type CellOutput } from './grid';
import {
  bookProgress,
  readKeyResultBook,
  SCORE_COLUMNS,
  type KeyResultBook,
} from './keyResultBook';
import { bookScores } from './keyResultScores';
import { okrBalance } from './okrBalance';
import { inBlock, tableBlocks, type TableBlock } from './stackedTables';

export const SUMMARY_HEADER: CellOutput[] = ['Score', 'Planned', 'Gap', 'Status', 'Forecast'];

/**
 * Score | Planned | Gap | Status | Forecast of a whole table: the mean of OKRBALANCE's objective
 * rows that have an actual and a planned value, each objective once (as OKRSCORE's overall
 * score), and the team's forecast from its own Forecast column (`teamForecast`).
 */
export function okrSummary(
  keyResults: unknown,
  asOf: unknown,
  cycleStart: unknown,
  cycleEnd: unknown,
): CellOutput[][] {
  const rows = okrBalance(keyResults, asOf, cycleStart, cycleEnd).slice(1, -1);
  const failed = rows.find((row) => String(row[1]).startsWith('ERROR: '));
  if (failed) throw new Error(String(failed[1]).slice('ERROR: '.length));
  const scored = rows.filter((row) => typeof row[1] === 'number' && typeof row[2] === 'number');
  const forecast = teamForecast(asGrid(keyResults)) ?? '';
  if (scored.length === 0) return [['', '', '', '', forecast]];
  const mean = (column: number): number =>
    scored.reduce((sum, row) => sum + (row[column] as number), 0) / scored.length;
  const score = mean(1);
  const planned = mean(2);
  return [[score, planned, score - planned, statusFor(score, planned), forecast]];
}

/**
 * A team's forecast from the values of its Key Results sheet's Forecast column (OKRFORECAST,
 * computed in the team's spreadsheet, so no check-in is imported): per objective the mean of its
 * key results' forecasts weighted as its score is, then the mean over the objectives that have
 * one. Null without a Forecast column or without any forecast; cells that hold no fraction
 * (blank, `ERROR:`) are left out.
 */
function teamForecast(table: readonly (readonly unknown[])[]): number | null {
  const { columns } = findColumns(KEY_RESULTS, table[0] ?? []);
  const { forecast, objectiveId, weight } = columns;
  if (forecast === undefined || objectiveId === undefined) return null;
  const objectives = new IdIndex<{ weighted: number; weight: number }>();
  for (const row of table.slice(1)) {
    const value = row[forecast];
    const objective = readId(row[objectiveId]);
    const weightRead = readNumber(weight === undefined ? '' : row[weight]);
    if (typeof value !== 'number' || value < 0 || value > 1) continue;
    if (!objective.ok || !objective.value || !weightRead.ok) continue;
    const keyResultWeight = weightRead.value ?? 1;
    if (!(keyResultWeight > 0)) continue;
    const fresh = { weighted: 0, weight: 0 };
    const sums = objectives.addIfAbsent(objective.value, fresh) ?? fresh;
    sums.weighted += value * keyResultWeight;
    sums.weight += keyResultWeight;
  }
  const means = [...objectives.values()].map((sums) => sums.weighted / sums.weight);
  return means.length === 0 ? null : means.reduce((a, b) => a + b, 0) / means.length;
}

export const ALIGNMENT_HEADER: CellOutput[] = [
  'Team',
  'Objective',
  'Title',
  'Score',
  'Aligned to',
  'Weight',
  'Score × Weight',
];

/** The team names as listed, one per stacked table; "Table n" where a name is missing. */
function teamNames(teams: unknown): string[] {
  return asGrid(teams)
    .flat()
    .map((cell) => {
      const read = readText(cell);
      return read.ok ? (read.value ?? '').trim() : '';
    });
}

/** The scoring weight of an objective's scored key results: how much it counts when aligned. */
function scoredWeight(book: KeyResultBook, objectiveId: string): number {
  const group = book.objectives.get(objectiveId);
  if (!group) return 0;
  let total = 0;
  for (const keyResult of group.keyResults) {
    if (bookProgress(book, keyResult) === null) continue;
    total += scoringWeight(keyResult.weight);
  }
  return total;
}

/** One team's rows: every objective of its Objectives table, in order. */
function teamRows(team: string, objectives: TableBlock, keyResults: TableBlock): CellOutput[][] {
  const parsedObjectives = parseObjectives(objectives.values);
  const book = readKeyResultBook(keyResults.values, 'key_results', SCORE_COLUMNS);
  const scores = bookScores(book);
  return parsedObjectives.rows.map((objective) => {
    const row: CellOutput[] = [team, objective.id, objective.title];
    try {
      const score = scores.scoreOf(objective.id) ?? null;
      const weight = score === null ? 0 : scoredWeight(book, objective.id);
      row.push(score ?? '', objective.parentId, weight, score === null ? 0 : score * weight);
    } catch (error) {
      if (!(error instanceof OkrInputError)) throw error;
      row.push(errorCell(error.message), objective.parentId, '', '');
    }
    return row;
  });
}

/**
 * OKRALIGNMENT(teams, objectives, key_results): the team objectives of stacked tables, the n-th
 * Objectives table and the n-th Key Results table being team n. A team whose tables cannot be
 * read shows one ERROR: row, and the others still show.
 */
export function okrAlignment(
  teams: unknown,
  objectives: unknown,
  keyResults: unknown,
): CellOutput[][] {
  const { objectiveBlocks, keyResultBlocks } = withUserErrors(() => {
    const objectiveBlocks = stackedTable(objectives, 'objectives', OBJECTIVES.sheetName);
    const keyResultBlocks = stackedTable(keyResults, 'key_results', KEY_RESULTS.sheetName);
    if (objectiveBlocks.length !== keyResultBlocks.length) {
      throw new OkrInputError(
        `objectives stacks ${objectiveBlocks.length} tables but key_results stacks ${keyResultBlocks.length}. Stack each team's Objectives and Key Results in the same order.`,
      );
    }
    return { objectiveBlocks, keyResultBlocks };
  });
  const names = teamNames(teams);
  const rows: CellOutput[][] = [ALIGNMENT_HEADER];
  objectiveBlocks.forEach((block, index) => {
    const team = names[index] || `Table ${block.number}`;
    try {
      rows.push(...inBlock(block.number, () => teamRows(team, block, keyResultBlocks[index]!)));
    } catch (error) {
      if (!(error instanceof OkrInputError)) throw error;
      rows.push([team, '', '', errorCell(error.message), '', '', '']);
    }
  });
  return rows;
}

function stackedTable(table: unknown, name: string, sheetName: string): TableBlock[] {
  if (!Array.isArray(table) || table.length === 0 || !Array.isArray(table[0])) {
    throw new OkrInputError(
      `${name} must be ${sheetName} tables including their header rows, such as VSTACK(IMPORTRANGE(url, "${sheetName}!A:Z"), …).`,
    );
  }
  return tableBlocks(table, sheetName === OBJECTIVES.sheetName ? OBJECTIVES : KEY_RESULTS);
}
