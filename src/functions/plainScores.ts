/**
 * OKRSCORE's quick path: one pass over the Key Results table that reads only the eight score
 * columns in place and keeps, per objective, just each key result's progress and weight. It
 * answers only for a table where every score cell is plain (IDs and titles as plain text, numbers,
 * TRUE/FALSE, known types, no repeated ID, every key result scorable); at the first cell that is
 * not, it gives up (null) and the workbook's full parse answers instead, with its row-by-row
 * messages. So both paths give the same score for every table, and the common case pays neither
 * for a typed row object per key result nor for problems that are not there
 * (docs/performance.md has the figures).
 */
import { keyResultProgress } from '../core/progress';
import { parseKeyResultType } from '../core/keyResultType';
import { objectiveScore, type WeightedProgress } from '../core/score';
import type { KeyResultType } from '../core/types';
import { isPlainText } from '../workbook/cells';
import { findColumns } from '../workbook/headers';
import { IdIndex } from '../workbook/idIndex';
import { KEY_RESULTS } from '../workbook/schema';
import { SCORE_COLUMNS, type ScoreColumn } from './keyResultBook';
import type { KeyResultScores } from './keyResultScores';

/**
 * The column of each score cell; null when the table lacks one (a workbook set up by the add-on
 * has them all; the full parse reads a missing optional column as blank).
 */
function scoreColumns(header: readonly unknown[]): Record<ScoreColumn, number> | null {
  const { columns } = findColumns(KEY_RESULTS, header);
  const found = {} as Record<ScoreColumn, number>;
  for (const key of SCORE_COLUMNS) {
    const index = columns[key];
    if (index === undefined) return null;
    found[key] = index;
  }
  return found;
}

/** A number cell: finite numbers, and "" for blank (null); undefined for anything else. */
function plainNumber(cell: unknown): number | null | undefined {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : undefined;
  return cell === '' ? null : undefined;
}

/** Types as the full parse reads them, each distinct text once; undefined for anything else. */
function typeReader(): (cell: unknown) => KeyResultType | null | undefined {
  const known = new Map<string, KeyResultType | null | undefined>();
  return (cell) => {
    if (typeof cell !== 'string') return undefined;
    let type = known.get(cell);
    if (type === undefined && !known.has(cell)) {
      try {
        type = cell === '' || isPlainText(cell) ? parseKeyResultType(cell) : undefined;
      } catch {
        type = undefined;
      }
      known.set(cell, type);
    }
    return type;
  };
}

export function plainScores(table: unknown): KeyResultScores | null {
  if (!Array.isArray(table) || table.length === 0 || !Array.isArray(table[0])) return null;
  const c = scoreColumns(table[0] as unknown[]);
  if (c === null) return null;
  const readType = typeReader();
  const keyResults = new IdIndex<WeightedProgress>(table.length);
  const objectives = new IdIndex<WeightedProgress[]>();
  // Objective IDs as written: most rows repeat the exact text of an earlier row, and the engine's
  // own string hash (computed once per string) finds those without folding them again.
  const objectivesAsWritten = new Map<string, WeightedProgress[]>();
  for (let r = 1; r < table.length; r++) {
    const cells: unknown = table[r];
    if (!Array.isArray(cells)) continue;
    const id = cells[c.id];
    const objectiveId = cells[c.objectiveId];
    const title = cells[c.title];
    const typeCell = cells[c.type];
    const startCell = cells[c.start];
    const targetCell = cells[c.target];
    const current = cells[c.current];
    const weightCell = cells[c.weight];
    if (
      id === '' &&
      objectiveId === '' &&
      title === '' &&
      typeCell === '' &&
      startCell === '' &&
      targetCell === '' &&
      current === '' &&
      weightCell === ''
    )
      continue;
    if (typeof id !== 'string' || typeof objectiveId !== 'string' || typeof title !== 'string')
      return null;
    if (!isPlainText(id) || !isPlainText(objectiveId) || !isPlainText(title)) return null;
    const type = readType(typeCell);
    const start = plainNumber(startCell);
    const target = plainNumber(targetCell);
    const weight = plainNumber(weightCell);
    if (type === undefined || start === undefined || target === undefined) return null;
    if (weight === undefined || (weight !== null && weight < 0)) return null;
    let measured: number | boolean | null;
    if (typeof current === 'boolean') measured = current;
    else {
      const number = plainNumber(current);
      if (number === undefined) return null;
      measured = number;
    }
    let progress: number | null;
    try {
      progress = keyResultProgress(type, start, target, measured);
    } catch {
      return null;
    }
    const keyResult: WeightedProgress = { progress, weight };
    if (keyResults.addIfAbsent(id, keyResult) !== undefined) return null;
    let scored = objectivesAsWritten.get(objectiveId);
    if (scored === undefined) {
      const fresh: WeightedProgress[] = [];
      scored = objectives.addIfAbsent(objectiveId, fresh) ?? fresh;
      objectivesAsWritten.set(objectiveId, scored);
    }
    scored.push(keyResult);
  }
  return {
    scoreOf(id) {
      const keyResult = keyResults.get(id);
      if (keyResult) return keyResult.progress;
      const scored = objectives.get(id);
      return scored ? objectiveScore(scored) : undefined;
    },
    objectiveScores: () => objectives.values().map(objectiveScore),
  };
}
