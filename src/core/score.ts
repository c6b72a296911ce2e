/**
 * Scores (SPEC §3 OKRSCORE): an objective scores the weighted mean of its key results' progress;
 * the overall score is the plain mean of objective scores, so each objective counts once.
 */
import { OkrInputError } from './errors';

/** One key result as scoring sees it: progress null means not scored (baseline). */
export interface WeightedProgress {
  progress: number | null;
  weight: number | null;
}

/** Blank weight counts as 1; negative weights have no meaning in a mean. */
export function scoringWeight(weight: number | null): number {
  if (weight === null) return 1;
  if (!Number.isFinite(weight) || weight < 0) {
    throw new OkrInputError(
      `Weight is ${weight}, but it must be 0 or more. Type 0 to leave the key result out of its ` +
        `objective's score, or a positive number such as 1 or 2.`,
    );
  }
  return weight;
}

/** Weighted mean of values, leaving out null values and weight 0; null when nothing is left. */
export function weightedMean(
  items: readonly { value: number | null; weight: number | null }[],
): number | null {
  const counted: { value: number; weight: number }[] = [];
  let largestWeight = 0;
  for (const { value, weight } of items) {
    const w = scoringWeight(weight);
    if (value === null || w === 0) continue;
    counted.push({ value, weight: w });
    largestWeight = Math.max(largestWeight, w);
  }
  if (counted.length === 0) return null;
  // Weights relative to the largest, so tiny weights (1e-320) do not underflow value × weight to 0.
  let total = 0;
  let weights = 0;
  for (const { value, weight } of counted) {
    total += value * (weight / largestWeight);
    weights += weight / largestWeight;
  }
  return total / weights;
}

/** Weighted mean of progress; weight 0 and baseline KRs are left out; null when nothing is scored. */
export function objectiveScore(keyResults: readonly WeightedProgress[]): number | null {
  return weightedMean(keyResults.map(({ progress, weight }) => ({ value: progress, weight })));
}

/** Mean of the objective scores that are not blank; null when none is. */
export function overallScore(objectiveScores: readonly (number | null)[]): number | null {
  const scored = objectiveScores.filter((score): score is number => score !== null);
  return scored.length === 0 ? null : scored.reduce((sum, score) => sum + score, 0) / scored.length;
}
