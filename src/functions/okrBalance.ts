/**
 * OKRBALANCE(key_results, as_of, cycle_start, cycle_end): planned vs actual per objective and
 * the balance index (SPEC §3), as a table that spills from the formula cell.
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

export const BALANCE_HEADER: CellOutput[] = ['Objective', 'Actual', 'Planned', 'Gap', 'Status'];

export function okrBalance(
  keyResults: unknown,
  asOf: unknown,
  cycleStart: unknown,
  cycleEnd: unknown,
): CellOutput[][] {
  const { book, reportDate, cycle } = withUserErrors(() => ({
    book: readKeyResultBook(keyResults, 'key_results', BALANCE_COLUMNS),
    reportDate: requiredDate('as_of', asOf, 'Pass the report date, such as OKR_REPORT_DATE.'),
    cycle: {
      start: optionalDate('cycle_start', cycleStart),
      end: optionalDate('cycle_end', cycleEnd),
    },
  }));
  const rows: CellOutput[][] = [BALANCE_HEADER];
  const gaps: number[] = [];
  const failed: string[] = [];
  for (const objective of book.objectives.values()) {
    try {
      const balance = objectiveBalance(againstPlan(book, objective, reportDate, cycle));
      if (balance.gap !== null) gaps.push(balance.gap);
      rows.push([
        objective.id,
        balance.actual ?? '',
        balance.planned ?? '',
        balance.gap ?? '',
        balance.status,
      ]);
    } catch (error) {
      if (!(error instanceof OkrInputError)) throw error;
      failed.push(objective.id);
      rows.push([objective.id, errorCell(error.message), '', '', '']);
    }
  }
  rows.push(['Balance', balanceCell(gaps, failed), '', '', '']);
  return rows;
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
