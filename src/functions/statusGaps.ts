/**
 * The optional [at_risk_gap], [off_track_gap] arguments that OKRSTATUS and OKRBALANCE share, so
 * both read a Settings gap cell the same way and their statuses agree.
 */
import type { StatusGaps } from '../core/balance';
import { DEFAULT_AT_RISK_GAP, DEFAULT_OFF_TRACK_GAP, validateGaps } from '../core/status';
import { readPercent } from '../workbook/cells';
import { cellValue } from './cellValue';
import { singleValue } from './grid';

/** The two gaps as fractions: blank means the default; 10, 10% and 0.1 all mean 0.1. */
export function statusGapArguments(atRiskGap: unknown, offTrackGap: unknown): StatusGaps {
  const gaps = {
    atRiskGap: gapValue('at_risk_gap', atRiskGap, DEFAULT_AT_RISK_GAP),
    offTrackGap: gapValue('off_track_gap', offTrackGap, DEFAULT_OFF_TRACK_GAP),
  };
  validateGaps(gaps.atRiskGap, gaps.offTrackGap);
  return gaps;
}

function gapValue(name: string, argument: unknown, fallback: number): number {
  return cellValue(name, readPercent(singleValue({ name, value: argument }))) ?? fallback;
}
