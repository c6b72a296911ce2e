/**
 * The owner's confidence on the 0–10 scale of a check-in (SPEC §1): 10 = sure to reach the
 * target, 5 = a coin toss, 0 = no chance. Bands turn it into words for sidebars and emails.
 */
import { OkrInputError } from './errors';

export type ConfidenceBand = 'low' | 'medium' | 'high';

export const MIN_CONFIDENCE = 0;
export const MAX_CONFIDENCE = 10;
/** Below 4 is low (worse than a coin toss), from 7 high: the bands docs/functions.md describes. */
export const MEDIUM_CONFIDENCE_FROM = 4;
export const HIGH_CONFIDENCE_FROM = 7;

/** What is wrong with a confidence value and how to fix it, or null when it is valid. */
export function confidenceProblem(confidence: number): string | null {
  if (!Number.isFinite(confidence) || confidence < MIN_CONFIDENCE || confidence > MAX_CONFIDENCE) {
    return `Confidence is ${confidence}, but it must be between ${MIN_CONFIDENCE} and ${MAX_CONFIDENCE}. Type a number such as 7 (10 = sure to reach the target).`;
  }
  return null;
}

/** low (0 to under 4), medium (4 to under 7) or high (7 to 10); null when blank. */
export function confidenceBand(confidence: number | null): ConfidenceBand | null {
  if (confidence === null) return null;
  const problem = confidenceProblem(confidence);
  if (problem !== null) throw new OkrInputError(problem);
  if (confidence >= HIGH_CONFIDENCE_FROM) return 'high';
  if (confidence >= MEDIUM_CONFIDENCE_FROM) return 'medium';
  return 'low';
}
