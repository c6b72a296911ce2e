/** OKRSCORE(key_results, [id]): a key result's progress, an objective's score or the overall score. */
import { OkrInputError } from '../core/errors';
import { overallScore } from '../core/score';
import { isBlankCell, readId } from '../workbook/cells';
import { cellValue } from './cellValue';
import { mapCells, withUserErrors, type CellOutput, type RangeOutput } from './grid';
import { scoresOfTable, type KeyResultScores } from './keyResultScores';

export function okrScore(keyResults: unknown, id?: unknown): RangeOutput {
  const scores = withUserErrors(() => scoresOfTable(keyResults, 'key_results'));
  if (Array.isArray(id))
    return mapCells([{ name: 'id', value: id }], ([cell]) => scoreOfId(scores, cell));
  return withUserErrors(() =>
    isBlankCell(id) ? blankIfNull(overallScore(scores.objectiveScores())) : scoreOfId(scores, id),
  );
}

function blankIfNull(score: number | null): CellOutput {
  return score ?? '';
}

function scoreOfId(scores: KeyResultScores, cell: unknown): CellOutput {
  const id = cellValue('id', readId(cell));
  if (id === null) return '';
  const score = scores.scoreOf(id);
  if (score !== undefined) return blankIfNull(score);
  throw new OkrInputError(
    `No key result or objective has the ID "${id}". Check the spelling, or add it to the Key Results sheet.`,
  );
}
