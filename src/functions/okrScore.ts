/** OKRSCORE(key_results, [id]): a key result's progress, an objective's score or the overall score. */
import { OkrInputError } from '../core/errors';
import { objectiveScore, overallScore } from '../core/score';
import { isBlankCell, readId } from '../workbook/cells';
import { cellValue } from './cellValue';
import { mapCells, withUserErrors, type CellOutput, type RangeOutput } from './grid';
import {
  bookProgress,
  combinedError,
  problemsError,
  readKeyResultBook,
  SCORE_COLUMNS,
  type KeyResultBook,
  type ObjectiveGroup,
} from './keyResultBook';

export function okrScore(keyResults: unknown, id?: unknown): RangeOutput {
  const book = withUserErrors(() => readKeyResultBook(keyResults, 'key_results', SCORE_COLUMNS));
  if (Array.isArray(id))
    return mapCells([{ name: 'id', value: id }], ([cell]) => scoreOfId(book, cell));
  return withUserErrors(() =>
    isBlankCell(id) ? blankIfNull(scoreOfAll(book)) : scoreOfId(book, id),
  );
}

function blankIfNull(score: number | null): CellOutput {
  return score ?? '';
}

function scoreOfId(book: KeyResultBook, cell: unknown): CellOutput {
  const id = cellValue('id', readId(cell));
  if (id === null) return '';
  const leftOut = book.leftOutById.get(id);
  if (leftOut) throw problemsError(leftOut);
  const keyResult = book.keyResultsById.get(id);
  if (keyResult) return blankIfNull(bookProgress(book, keyResult));
  const objective = book.objectives.get(id);
  if (objective) return blankIfNull(scoreOfObjective(book, objective));
  throw new OkrInputError(
    `No key result or objective has the ID "${id}". Check the spelling, or add it to the Key Results sheet.`,
  );
}

/**
 * The weighted mean of the objective's key results; any key result that cannot be scored (or a
 * left-out row of this objective) makes the score an error rather than a guess.
 */
export function scoreOfObjective(book: KeyResultBook, objective: ObjectiveGroup): number | null {
  if (objective.leftOut.length > 0) throw problemsError(objective.leftOut);
  const messages: string[] = [];
  const scored = objective.keyResults.map((keyResult) => {
    try {
      return { progress: bookProgress(book, keyResult), weight: keyResult.weight };
    } catch (error) {
      if (!(error instanceof OkrInputError)) throw error;
      messages.push(error.message);
      return { progress: null, weight: 0 };
    }
  });
  if (messages.length > 0) throw combinedError(messages);
  return objectiveScore(scored);
}

/** The mean of the objective scores, each objective counting once. */
function scoreOfAll(book: KeyResultBook): number | null {
  if (book.scoringProblems.length > 0) throw problemsError(book.scoringProblems);
  const messages: string[] = [];
  const scores = book.objectives.values().map((objective) => {
    try {
      return scoreOfObjective(book, objective);
    } catch (error) {
      if (!(error instanceof OkrInputError)) throw error;
      messages.push(error.message);
      return null;
    }
  });
  if (messages.length > 0) throw combinedError(messages);
  return overallScore(scores);
}
