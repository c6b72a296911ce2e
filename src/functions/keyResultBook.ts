/**
 * The Key Results table as OKRSCORE and OKRBALANCE see it: parsed once with the workbook's
 * parseKeyResults, key results by ID, objectives in the order they first appear, and the row
 * problems that stop a key result (or a left-out row) from being scored.
 */
import { OkrInputError } from '../core/errors';
import { progressOfKeyResult } from '../core/progress';
import type { KeyResult } from '../core/types';
import { readId } from '../workbook/cells';
import { IdIndex } from '../workbook/idIndex';
import { describeProblem, type RowProblem } from '../workbook/problems';
import { KEY_RESULTS } from '../workbook/schema';
import { parseKeyResults } from '../workbook/tables';

export { BALANCE_COLUMNS, SCORE_COLUMNS, type ScoreColumn } from '../workbook/functionColumns';

export interface ObjectiveGroup {
  /** The objective ID as first written in the table. */
  id: string;
  keyResults: KeyResult[];
  /** Problems of rows with this Objective ID that were left out (no title, repeated ID, …). */
  leftOut: RowProblem[];
}

export interface KeyResultBook {
  /** The parse's own index of kept rows by ID. */
  keyResultsById: IdIndex<KeyResult>;
  objectives: IdIndex<ObjectiveGroup>;
  problemsByRow: Map<number, RowProblem[]>;
  /** Problems of left-out rows by the key result ID they were typed with (repeated IDs, no title). */
  leftOutById: IdIndex<RowProblem[]>;
  /** Every problem that stops a score, for the overall score. */
  scoringProblems: RowProblem[];
  /** The argument's name and the headers of the columns read that its range leaves out. */
  argumentName: string;
  absentHeaders: string[];
}

/**
 * A range may leave out any column the function reads (functionColumns.ts) but these; a key result
 * that needs one it lacks (an increase key result without Target) gets an error naming that column.
 * Without IDs nothing can be found, without Objective IDs nothing grouped, without Current
 * nothing measured.
 */
export const SCORE_NEEDED: readonly string[] = ['id', 'objectiveId', 'current'];

/** Parses the given columns of the table (header row first); a missing SCORE_NEEDED column throws. */
export function readKeyResultBook(
  table: unknown,
  argumentName: string,
  columnKeys: readonly string[],
): KeyResultBook {
  if (!Array.isArray(table) || table.length === 0 || !Array.isArray(table[0])) {
    throw new OkrInputError(
      `${argumentName} must be the Key Results table including its header row, such as OKR_KEY_RESULTS or 'Key Results'!A1:U.`,
    );
  }
  const values = table as unknown[][];
  const parsed = parseKeyResults(values, columnKeys, SCORE_NEEDED);
  const objectives = new IdIndex<ObjectiveGroup>();
  const groupOf = (objectiveId: string): ObjectiveGroup => {
    let group = objectives.get(objectiveId);
    if (!group) {
      group = { id: objectiveId, keyResults: [], leftOut: [] };
      objectives.addIfAbsent(objectiveId, group);
    }
    return group;
  };
  let lastObjectiveId = '';
  let lastGroup: ObjectiveGroup | null = null;
  for (const keyResult of parsed.rows) {
    // A table lists an objective's key results together: the same text needs no second look-up.
    if (lastGroup === null || keyResult.objectiveId !== lastObjectiveId) {
      lastObjectiveId = keyResult.objectiveId;
      lastGroup = groupOf(lastObjectiveId);
    }
    lastGroup.keyResults.push(keyResult);
  }
  const problemsByRow = new Map<number, RowProblem[]>();
  const leftOutById = new IdIndex<RowProblem[]>();
  // No problems means no left-out rows: the set of kept rows is only built when there are some.
  const keptRows =
    parsed.problems.length > 0 ? new Set(parsed.rows.map((keyResult) => keyResult.row)) : null;
  for (const problem of parsed.problems) {
    addTo(problemsByRow, problem.row, problem);
    if (keptRows?.has(problem.row)) continue;
    // A left-out row still tells its key result ID and its objective that they are incomplete.
    const cells = values[problem.row - 1];
    const idIn = (key: string): string | null => {
      const index = parsed.columns[key];
      const read = readId(index !== undefined && Array.isArray(cells) ? cells[index] : '');
      return read.ok && read.value ? read.value : null;
    };
    const keyResultId = idIn('id');
    if (keyResultId !== null) leftOutById.addIfAbsent(keyResultId, [problem])?.push(problem);
    const objectiveId = idIn('objectiveId');
    if (objectiveId !== null) groupOf(objectiveId).leftOut.push(problem);
  }
  return {
    keyResultsById: parsed.byId,
    objectives,
    problemsByRow,
    leftOutById,
    scoringProblems: parsed.problems,
    argumentName,
    absentHeaders: KEY_RESULTS.columns
      .filter(
        (column) => columnKeys.includes(column.key) && parsed.columns[column.key] === undefined,
      )
      .map((column) => column.header),
  };
}

function addTo<K>(map: Map<K, RowProblem[]>, key: K, problem: RowProblem): void {
  const problems = map.get(key);
  if (problems) problems.push(problem);
  else map.set(key, [problem]);
}

/** One error for several messages: the first few, then how many more. */
export function combinedError(messages: readonly string[], limit = 3): OkrInputError {
  const more = messages.length - limit;
  return new OkrInputError(
    messages.slice(0, limit).join(' ') + (more > 0 ? ` (and ${more} more problems)` : ''),
  );
}

export function problemsError(problems: readonly RowProblem[]): OkrInputError {
  return combinedError(problems.map(describeProblem));
}

/** A key result's progress, or an error that points at its row when its cells are wrong. */
export function bookProgress(book: KeyResultBook, keyResult: KeyResult): number | null {
  const problems = book.problemsByRow.get(keyResult.row);
  if (problems) throw problemsError(problems);
  try {
    return progressOfKeyResult(keyResult);
  } catch (error) {
    if (!(error instanceof OkrInputError)) throw error;
    // "Target is blank" because the range has no Target column: say so, not that a cell is empty.
    const absent = book.absentHeaders.find((header) =>
      error.message.startsWith(`${header} is blank`),
    );
    if (absent !== undefined)
      throw new OkrInputError(
        `${book.argumentName} has no "${absent}" column, and the key result in ${KEY_RESULTS.sheetName} row ${keyResult.row} needs its ${absent}. Include the "${absent}" column, header and all, in the range.`,
      );
    throw new OkrInputError(`${KEY_RESULTS.sheetName} row ${keyResult.row}: ${error.message}`);
  }
}
