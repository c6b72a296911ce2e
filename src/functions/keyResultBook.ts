/**
 * The Key Results table as OKRSCORE and OKRBALANCE see it: parsed once with the workbook's
 * parseKeyResults, key results by ID, objectives in the order they first appear, and the row
 * problems that stop a key result (or a left-out row) from being scored.
 */
import { OkrInputError } from '../core/errors';
import { progressOfKeyResult } from '../core/progress';
import type { KeyResult } from '../core/types';
import { idKey, readId } from '../workbook/cells';
import { describeProblem, type RowProblem } from '../workbook/problems';
import { KEY_RESULTS } from '../workbook/schema';
import { parseKeyResults } from '../workbook/tables';

export interface ObjectiveGroup {
  /** The objective ID as first written in the table. */
  id: string;
  keyResults: KeyResult[];
  /** Problems of rows with this Objective ID that were left out (no title, repeated ID, …). */
  leftOut: RowProblem[];
}

export interface KeyResultBook {
  keyResultsById: Map<string, KeyResult>;
  objectives: Map<string, ObjectiveGroup>;
  problemsByRow: Map<number, RowProblem[]>;
  /** Problems of left-out rows by the key result ID they were typed with (repeated IDs, no title). */
  leftOutById: Map<string, RowProblem[]>;
  /** Every problem that stops a score, for the overall score. */
  scoringProblems: RowProblem[];
}

const header = (key: string): string =>
  KEY_RESULTS.columns.find((column) => column.key === key)!.header;

/** Columns whose problems make a progress or score wrong (Owner or Confidence problems do not). */
export const SCORE_COLUMNS: ReadonlySet<string> = new Set(
  ['id', 'objectiveId', 'title', 'type', 'start', 'target', 'current', 'weight'].map(header),
);
/** Balance also needs the dates of the plan. */
export const BALANCE_COLUMNS: ReadonlySet<string> = new Set([
  ...SCORE_COLUMNS,
  header('startDate'),
  header('dueDate'),
]);

/** Parses the table (header row first); a table missing a required column throws. */
export function readKeyResultBook(
  values: unknown,
  argumentName: string,
  relevantColumns: ReadonlySet<string>,
): KeyResultBook {
  if (!Array.isArray(values) || values.length === 0 || !Array.isArray(values[0])) {
    throw new OkrInputError(
      `${argumentName} must be the Key Results table including its header row, such as OKR_KEY_RESULTS or 'Key Results'!A1:U.`,
    );
  }
  const table = parseKeyResults(values as unknown[][]);
  const keyResultsById = new Map<string, KeyResult>();
  const objectives = new Map<string, ObjectiveGroup>();
  const groupOf = (objectiveId: string): ObjectiveGroup => {
    const key = idKey(objectiveId);
    let group = objectives.get(key);
    if (!group) {
      group = { id: objectiveId, keyResults: [], leftOut: [] };
      objectives.set(key, group);
    }
    return group;
  };
  const keptRows = new Set<number>();
  for (const keyResult of table.rows) {
    keyResultsById.set(idKey(keyResult.id), keyResult);
    groupOf(keyResult.objectiveId).keyResults.push(keyResult);
    keptRows.add(keyResult.row);
  }
  const problemsByRow = new Map<number, RowProblem[]>();
  const scoringProblems: RowProblem[] = [];
  const leftOutById = new Map<string, RowProblem[]>();
  for (const problem of table.problems) {
    if (!relevantColumns.has(problem.column)) continue;
    scoringProblems.push(problem);
    addTo(problemsByRow, problem.row, problem);
    if (keptRows.has(problem.row)) continue;
    // A left-out row still tells its key result ID and its objective that they are incomplete.
    const cells = (values as unknown[][])[problem.row - 1];
    const idIn = (key: string): string | null => {
      const index = table.columns[key];
      const read = readId(index !== undefined && Array.isArray(cells) ? cells[index] : '');
      return read.ok && read.value ? read.value : null;
    };
    const keyResultId = idIn('id');
    if (keyResultId !== null) addTo(leftOutById, idKey(keyResultId), problem);
    const objectiveId = idIn('objectiveId');
    if (objectiveId !== null) groupOf(objectiveId).leftOut.push(problem);
  }
  return { keyResultsById, objectives, problemsByRow, leftOutById, scoringProblems };
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
    if (error instanceof OkrInputError) {
      throw new OkrInputError(`${KEY_RESULTS.sheetName} row ${keyResult.row}: ${error.message}`);
    }
    throw error;
  }
}
