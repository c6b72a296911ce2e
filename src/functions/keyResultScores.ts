/**
 * What OKRSCORE asks of the Key Results table: the score of an ID and the overall score. A table
 * whose score cells are all plain is answered by plainScores in one pass; any other table goes
 * through the workbook's full parse (readKeyResultBook), which explains every problem. Tables
 * stacked from several teams are scored block by block (stackedTables.ts).
 */
import { OkrInputError } from '../core/errors';
import { objectiveScore } from '../core/score';
import { KEY_RESULTS } from '../workbook/schema';
import {
  bookProgress,
  combinedError,
  problemsError,
  readKeyResultBook,
  SCORE_COLUMNS,
  type KeyResultBook,
  type ObjectiveGroup,
} from './keyResultBook';
import { plainScores } from './plainScores';
import { ambiguousIdError, blockNamed, inBlock, qualifiedId, tableBlocks } from './stackedTables';

export interface KeyResultScores {
  /**
   * A key result's progress, or else an objective's score (null when nothing is scored);
   * undefined when neither has the ID. Throws an OkrInputError when the rows behind it are wrong.
   */
  scoreOf(id: string): number | null | undefined;
  /** Every objective's score, for the overall score (SPEC §3, OKRSCORE with no id). */
  objectiveScores(): (number | null)[];
}

/** The scores of the table given as a custom-function argument (header row first). */
export function scoresOfTable(table: unknown, argumentName: string): KeyResultScores {
  const blocks = Array.isArray(table) ? tableBlocks(table, KEY_RESULTS) : [];
  if (blocks.length <= 1) return scoresOfBlock(table, argumentName);
  return stackedScores(
    blocks.map((block) => ({
      number: block.number,
      scores: inBlock(block.number, () => scoresOfBlock(block.values, argumentName)),
    })),
  );
}

function scoresOfBlock(table: unknown, argumentName: string): KeyResultScores {
  return plainScores(table) ?? bookScores(readKeyResultBook(table, argumentName, SCORE_COLUMNS));
}

/**
 * Scores over several teams' blocks: a plain ID must belong to one block, "2!O1" picks block 2,
 * and the overall score counts every block's objectives once each.
 */
function stackedScores(
  blocks: readonly { number: number; scores: KeyResultScores }[],
): KeyResultScores {
  return {
    scoreOf(id) {
      const qualified = qualifiedId(id);
      if (qualified) {
        const block = blockNamed(blocks, qualified);
        return inBlock(block.number, () => block.scores.scoreOf(qualified.id));
      }
      const found = blocks.filter(({ scores }) => hasId(scores, id));
      if (found.length > 1)
        throw ambiguousIdError(
          id,
          found.map(({ number }) => number),
        );
      const [block] = found;
      return block ? inBlock(block.number, () => block.scores.scoreOf(id)) : undefined;
    },
    objectiveScores() {
      return allOrError(blocks, ({ number, scores }) =>
        inBlock(number, () => scores.objectiveScores()),
      ).flat();
    },
  };
}

/** Scores from the full parse, which explains every problem of every row. */
export function bookScores(book: KeyResultBook): KeyResultScores {
  return {
    scoreOf(id) {
      const leftOut = book.leftOutById.get(id);
      if (leftOut) throw problemsError(leftOut);
      const keyResult = book.keyResultsById.get(id);
      if (keyResult) return bookProgress(book, keyResult);
      const objective = book.objectives.get(id);
      return objective ? scoreOfObjective(book, objective) : undefined;
    },
    objectiveScores() {
      if (book.scoringProblems.length > 0) throw problemsError(book.scoringProblems);
      return allOrError(book.objectives.values(), (group) => scoreOfObjective(book, group));
    },
  };
}

/** Whether the block knows the ID: a score, or an error about the rows behind it. */
function hasId(scores: KeyResultScores, id: string): boolean {
  try {
    return scores.scoreOf(id) !== undefined;
  } catch (error) {
    if (error instanceof OkrInputError) return true;
    throw error;
  }
}

/**
 * The weighted mean of the objective's key results; any key result that cannot be scored (or a
 * left-out row of this objective) makes the score an error rather than a guess.
 */
function scoreOfObjective(book: KeyResultBook, objective: ObjectiveGroup): number | null {
  if (objective.leftOut.length > 0) throw problemsError(objective.leftOut);
  const scored = allOrError(objective.keyResults, (keyResult) => ({
    progress: bookProgress(book, keyResult),
    weight: keyResult.weight,
  }));
  return objectiveScore(scored);
}

/** Maps every item, collecting the OkrInputErrors into one that lists them. */
function allOrError<T, U>(items: readonly T[], map: (item: T) => U): U[] {
  const messages: string[] = [];
  const mapped = items.map((item) => {
    try {
      return map(item);
    } catch (error) {
      if (!(error instanceof OkrInputError)) throw error;
      messages.push(error.message);
      return undefined as U;
    }
  });
  if (messages.length > 0) throw combinedError(messages);
  return mapped;
}
