/**
 * Key result types (SPEC §3): the Type column decides how progress is computed. Users type
 * them by hand, so names are matched case-insensitively and common spellings are accepted.
 */
import { OkrInputError } from './errors';
import type { KeyResultType } from './types';

/** Every type in the order the docs and error messages list them. */
export const KEY_RESULT_TYPES: readonly KeyResultType[] = [
  'increase',
  'decrease',
  'percentage',
  'milestone',
  'task',
  'binary',
  'at least',
  'at most',
  'baseline',
];

/** Accepted spellings, written as `typeKey` folds them (lower case, no spaces, hyphens or underscores). */
const ALIASES: Readonly<Record<string, KeyResultType>> = {
  increase: 'increase',
  kpiincrease: 'increase',
  decrease: 'decrease',
  kpidecrease: 'decrease',
  percentage: 'percentage',
  percent: 'percentage',
  milestone: 'milestone',
  milestones: 'milestone',
  task: 'task',
  tasks: 'task',
  binary: 'binary',
  atleast: 'at least',
  min: 'at least',
  atmost: 'at most',
  max: 'at most',
  baseline: 'baseline',
};

function typeKey(text: string): string {
  return text.toLowerCase().replace(/[\s_-]+/g, '');
}

/**
 * Reads a Type cell. Blank gives `null` (progress then follows the direction from start to
 * target); anything unrecognised is an error that lists the valid types.
 */
export function parseKeyResultType(text: unknown): KeyResultType | null {
  if (text === null || text === undefined) return null;
  const written = String(text).trim();
  if (written === '') return null;
  const type = ALIASES[typeKey(written)];
  if (type) return type;
  throw new OkrInputError(
    `"${written}" is not a key result type. Use one of: ${KEY_RESULT_TYPES.join(', ')} ` +
      `(or leave it blank to follow the direction from Start to Target).`,
  );
}
