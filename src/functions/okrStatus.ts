/** OKRSTATUS(progress, expected, [at_risk_gap], [off_track_gap]): status words per row (SPEC §3). */
import { OkrInputError } from '../core/errors';
import {
  DEFAULT_AT_RISK_GAP,
  DEFAULT_OFF_TRACK_GAP,
  statusFor,
  validateGaps,
} from '../core/status';
import { isBlankCell, readNumber, readPercent } from '../workbook/cells';
import { cellValue, isErrorText } from './cellValue';
import { mapCells, singleValue, withUserErrors, type CellOutput, type RangeOutput } from './grid';

export function okrStatus(
  progress: unknown,
  expected: unknown,
  atRiskGap?: unknown,
  offTrackGap?: unknown,
): RangeOutput {
  const gaps = withUserErrors(() => {
    const atRisk = gapValue('at_risk_gap', atRiskGap, DEFAULT_AT_RISK_GAP);
    const offTrack = gapValue('off_track_gap', offTrackGap, DEFAULT_OFF_TRACK_GAP);
    validateGaps(atRisk, offTrack);
    return { atRisk, offTrack };
  });
  return mapCells(
    [
      { name: 'progress', value: progress },
      { name: 'expected', value: expected },
    ],
    ([progressCell, expectedCell]) =>
      statusCell(progressCell, expectedCell, gaps.atRisk, gaps.offTrack),
  );
}

/** A gap setting: blank means the default; 10 and 10% both mean 0.1. */
function gapValue(name: string, argument: unknown, fallback: number): number {
  return cellValue(name, readPercent(singleValue({ name, value: argument }))) ?? fallback;
}

function statusCell(
  progressCell: unknown,
  expectedCell: unknown,
  atRiskGap: number,
  offTrackGap: number,
): CellOutput {
  for (const [name, cell] of [
    ['progress', progressCell],
    ['expected', expectedCell],
  ] as const) {
    if (isErrorText(cell)) {
      throw new OkrInputError(`the ${name} cell of this row shows an error. Fix that cell first.`);
    }
  }
  // Progress and plan are fractions as Sheets passes percent cells: 120% arrives as 1.2.
  const progress = cellValue('progress', readNumber(progressCell));
  if (progress === null) return '';
  if (isBlankCell(expectedCell)) {
    throw new OkrInputError(
      'expected is blank. Pass the planned progress, such as OKREXPECTED(start_date, due_date, OKR_REPORT_DATE).',
    );
  }
  const expected = cellValue('expected', readNumber(expectedCell));
  return statusFor(progress, expected ?? 0, atRiskGap, offTrackGap);
}
