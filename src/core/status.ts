/**
 * Status bands (SPEC §3 OKRSTATUS): how far progress is behind plan, in words.
 */
import { OkrInputError } from './errors';
import type { KeyResultStatus } from './types';

export const DEFAULT_AT_RISK_GAP = 0.1;
export const DEFAULT_OFF_TRACK_GAP = 0.25;

/**
 * Typed percentages are not exact in binary (0.45 − 0.55 = −0.10000000000000003), so values
 * this close to a band edge count as sitting on it and fall on the better side.
 */
const EDGE_TOLERANCE = 1e-9;

/**
 * "Done" when progress ≥ 1; otherwise "On track" while progress − planned ≥ −atRiskGap,
 * "At risk" while it is ≥ −offTrackGap, else "Off track". Blank progress gives "".
 */
export function statusFor(
  progress: number | null,
  planned: number,
  atRiskGap: number = DEFAULT_AT_RISK_GAP,
  offTrackGap: number = DEFAULT_OFF_TRACK_GAP,
): KeyResultStatus {
  validateGaps(atRiskGap, offTrackGap);
  if (progress === null) return '';
  if (!Number.isFinite(progress) || !Number.isFinite(planned)) {
    throw new OkrInputError('Progress and planned progress must be numbers, such as 45% and 55%.');
  }
  if (progress >= 1 - EDGE_TOLERANCE) return 'Done';
  const gap = progress - planned;
  if (gap >= -atRiskGap - EDGE_TOLERANCE) return 'On track';
  if (gap >= -offTrackGap - EDGE_TOLERANCE) return 'At risk';
  return 'Off track';
}

/** The at-risk gap must be a fraction no larger than the off-track gap, or the bands overlap. */
export function validateGaps(atRiskGap: number, offTrackGap: number): void {
  for (const [name, gap] of [
    ['At-risk gap', atRiskGap],
    ['Off-track gap', offTrackGap],
  ] as const) {
    if (!Number.isFinite(gap) || gap < 0 || gap > 1) {
      throw new OkrInputError(
        `${name} is ${gap}, but it must be a fraction between 0 and 1. Type a percentage such as 10% (or 0.1).`,
      );
    }
  }
  if (offTrackGap < atRiskGap) {
    throw new OkrInputError(
      `Off-track gap (${offTrackGap}) is smaller than the at-risk gap (${atRiskGap}). ` +
        `Make the off-track gap the larger one, such as 10% at risk and 25% off track.`,
    );
  }
}
