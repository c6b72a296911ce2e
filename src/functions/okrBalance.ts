/**
 * OKRBALANCE(key_results, as_of, cycle_start, cycle_end, [at_risk_gap], [off_track_gap]): planned
 * vs actual per objective and the balance index (SPEC §3), as a table that spills from the
 * formula cell.
 */
import {
  balanceIndex,
  keyResultPlannedProgress,
  objectiveBalance,
  type CycleDates,
  type KeyResultAgainstPlan,
} from '../core/balance';
import { OkrInputError } from '../core/errors';
import type { KeyResult } from '../core/types';
import { readDate } from '../workbook/cells';
import { IdIndex } from '../workbook/idIndex';
import { KEY_RESULTS } from '../workbook/schema';
import { cellValue } from './cellValue';
import { errorCell, singleValue, withUserErrors, type CellOutput } from './grid';
import {
  BALANCE_COLUMNS,
  bookProgress,
  combinedError,
  problemsError,
  readKeyResultBook,
  type KeyResultBook,
  type ObjectiveGroup,
} from './keyResultBook';
import { inBlock, qualify, tableBlocks } from './stackedTables';
import { statusGapArguments } from './statusGaps';

export const BALANCE_HEADER: CellOutput[] = ['Objective', 'Actual', 'Planned', 'Gap', 'Status'];

export function okrBalance(
  keyResults: unknown,
  asOf: unknown,
  cycleStart: unknown,
  cycleEnd: unknown,
  atRiskGap?: unknown,
  offTrackGap?: unknown,
): CellOutput[][] {
  const { books, reportDate, cycle, statusGaps } = withUserErrors(() => ({
    books: booksOfTable(keyResults),
    reportDate: requiredDate('as_of', asOf, 'Pass the report date, such as OKR_REPORT_DATE.'),
    cycle: {
      start: optionalDate('cycle_start', cycleStart),
      end: optionalDate('cycle_end', cycleEnd),
    },
    statusGaps: statusGapArguments(atRiskGap, offTrackGap),
  }));
  const rows: CellOutput[][] = [BALANCE_HEADER];
  const gaps: number[] = [];
  const failed: string[] = [];
  const label = objectiveLabels(books);
  // A single table's errors need no table number.
  const within =
    books.length > 1 ? inBlock : <T>(_number: number, compute: () => T): T => compute();
  for (const { number, book } of books) {
    for (const objective of book.objectives.values()) {
      const id = label(number, objective.id);
      try {
        const balance = objectiveBalance(
          within(number, () => againstPlan(book, objective, reportDate, cycle)),
          statusGaps,
        );
        if (balance.gap !== null) gaps.push(balance.gap);
        rows.push([
          id,
          balance.actual ?? '',
          balance.planned ?? '',
          balance.gap ?? '',
          balance.status,
        ]);
      } catch (error) {
        if (!(error instanceof OkrInputError)) throw error;
        failed.push(id);
        rows.push([id, errorCell(error.message), '', '', '']);
      }
    }
  }
  rows.push(['Balance', balanceCell(gaps, failed), '', '', '']);
  return rows;
}

/** One book per team's block of a stacked table (stackedTables.ts), or one for a single table. */
function booksOfTable(table: unknown): { number: number; book: KeyResultBook }[] {
  const blocks = Array.isArray(table) ? tableBlocks(table, KEY_RESULTS) : [];
  if (blocks.length <= 1)
    return [{ number: 1, book: readKeyResultBook(table, 'key_results', BALANCE_COLUMNS) }];
  return blocks.map(({ number, values }) => ({
    number,
    book: inBlock(number, () => readKeyResultBook(values, 'key_results', BALANCE_COLUMNS)),
  }));
}

/**
 * Each objective's ID as written, qualified with its block number ("2!O1") when several blocks
 * use it: the label is then what OKRSCORE takes for the same objective.
 */
function objectiveLabels(
  books: readonly { number: number; book: KeyResultBook }[],
): (number: number, id: string) => string {
  if (books.length === 1) return (_number, id) => id;
  const blocksById = new IdIndex<Set<number>>();
  for (const { number, book } of books) {
    for (const objective of book.objectives.values()) {
      const blocks = new Set<number>();
      (blocksById.addIfAbsent(objective.id, blocks) ?? blocks).add(number);
    }
  }
  return (number, id) => ((blocksById.get(id)?.size ?? 0) > 1 ? qualify(number, id) : id);
}

/** Each scored key result of the objective with its planned progress; errors point at rows. */
function againstPlan(
  book: KeyResultBook,
  objective: ObjectiveGroup,
  asOf: Date,
  cycle: CycleDates,
): KeyResultAgainstPlan[] {
  if (objective.leftOut.length > 0) throw problemsError(objective.leftOut);
  const messages: string[] = [];
  const entries: KeyResultAgainstPlan[] = [];
  for (const keyResult of objective.keyResults) {
    try {
      const progress = bookProgress(book, keyResult);
      const planned = progress === null ? 0 : plannedOf(keyResult, asOf, cycle);
      entries.push({ progress, planned, weight: keyResult.weight });
    } catch (error) {
      if (!(error instanceof OkrInputError)) throw error;
      messages.push(error.message);
    }
  }
  if (messages.length > 0) throw combinedError(messages);
  return entries;
}

function plannedOf(keyResult: KeyResult, asOf: Date, cycle: CycleDates): number {
  try {
    return keyResultPlannedProgress(keyResult, asOf, cycle);
  } catch (error) {
    if (!(error instanceof OkrInputError)) throw error;
    throw new OkrInputError(`${KEY_RESULTS.sheetName} row ${keyResult.row}: ${error.message}`);
  }
}

/** The index over every objective's gap; an objective without one would make it a guess. */
function balanceCell(gaps: readonly number[], failed: readonly string[]): CellOutput {
  if (failed.length > 0) {
    return errorCell(
      `the balance needs every objective's gap. Fix the errors of ${failed.join(', ')} shown above.`,
    );
  }
  return balanceIndex(gaps) ?? '';
}

function requiredDate(name: string, argument: unknown, fix: string): Date {
  const date = optionalDate(name, argument);
  if (date === null) throw new OkrInputError(`${name} is blank. ${fix}`);
  return date;
}

function optionalDate(name: string, argument: unknown): Date | null {
  return cellValue(name, readDate(singleValue({ name, value: argument })));
}
