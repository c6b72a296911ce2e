/**
 * Planned vs actual across objectives (SPEC §3 OKRBALANCE). Each objective compares its score
 * with the weighted mean of its key results' planned progress; the balance index says how evenly
 * objectives sit against plan (1 = all equally ahead or behind).
 */
import { OkrInputError } from './errors';
import { plannedProgress } from './plan';
import { objectiveScore, weightedMean } from './score';
import { DEFAULT_AT_RISK_GAP, DEFAULT_OFF_TRACK_GAP, statusFor } from './status';
import type { KeyResult, KeyResultStatus } from './types';

export interface CycleDates {
  start: Date | null;
  end: Date | null;
}

export interface StatusGaps {
  atRiskGap: number;
  offTrackGap: number;
}

export interface ObjectiveBalance {
  actual: number | null;
  planned: number | null;
  gap: number | null;
  status: KeyResultStatus;
}

type PlannedKeyResult = Pick<KeyResult, 'startDate' | 'dueDate'>;

/** One key result's progress (null = not scored), planned progress and weight. */
export interface KeyResultAgainstPlan {
  progress: number | null;
  planned: number;
  weight: number | null;
}

/** A KR's Start Date and Due Date, or the cycle's where its own are blank; an error names a date missing from both. */
export function keyResultPlanDates(
  keyResult: PlannedKeyResult,
  cycle: CycleDates,
): { startDate: Date; dueDate: Date } {
  const startDate = keyResult.startDate ?? cycle.start;
  const dueDate = keyResult.dueDate ?? cycle.end;
  if (startDate === null) {
    throw new OkrInputError(
      'Start Date is blank and no cycle start was given. Type the date work on the key result starts, or give the cycle start.',
    );
  }
  if (dueDate === null) {
    throw new OkrInputError(
      'Due Date is blank and no cycle end was given. Type the date the key result is due, or give the cycle end.',
    );
  }
  return { startDate, dueDate };
}

/** A KR's planned progress, using the cycle's dates where its own Start Date or Due Date is blank. */
export function keyResultPlannedProgress(
  keyResult: PlannedKeyResult,
  asOf: Date,
  cycle: CycleDates,
): number {
  const { startDate, dueDate } = keyResultPlanDates(keyResult, cycle);
  return plannedProgress(startDate, dueDate, asOf);
}

/**
 * Actual (the objective score), planned (weighted mean of the same KRs' planned progress, so
 * weight 0 and baseline KRs are left out of both), gap and status of one objective.
 */
export function objectiveBalance(
  keyResults: readonly KeyResultAgainstPlan[],
  gaps: StatusGaps = { atRiskGap: DEFAULT_AT_RISK_GAP, offTrackGap: DEFAULT_OFF_TRACK_GAP },
): ObjectiveBalance {
  const actual = objectiveScore(keyResults);
  const planned = weightedMean(
    keyResults.map(({ progress, planned, weight }) => ({
      value: progress === null ? null : planned,
      weight,
    })),
  );
  if (actual === null || planned === null) {
    return { actual: null, planned: null, gap: null, status: '' };
  }
  const status = statusFor(actual, planned, gaps.atRiskGap, gaps.offTrackGap);
  return { actual, planned, gap: actual - planned, status };
}

/** 1 − population standard deviation of the gaps, clamped to [0, 1]; null with no gaps. */
export function balanceIndex(gaps: readonly number[]): number | null {
  if (gaps.length === 0) return null;
  const mean = gaps.reduce((sum, gap) => sum + gap, 0) / gaps.length;
  const variance = gaps.reduce((sum, gap) => sum + (gap - mean) ** 2, 0) / gaps.length;
  return Math.min(1, Math.max(0, 1 - Math.sqrt(variance)));
}
