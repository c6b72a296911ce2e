/** OKRSTATUS(progress, expected, [at_risk_gap], [off_track_gap]): status words per row (SPEC §3). */
import { OkrInputError } from '../core/errors';
import { statusFor } from '../core/status';
import { isBlankCell, readNumber } from '../workbook/cells';
import { cellValue, isErrorText } from './cellValue';
import { mapCells, withUserErrors, type CellOutput, type RangeOutput } from './grid';
import { statusGapArguments } from './statusGaps';

export function okrStatus(
  progress: unknown,
  expected: unknown,
  atRiskGap?: unknown,
  offTrackGap?: unknown,
): RangeOutput {
  const gaps = withUserErrors(() => statusGapArguments(atRiskGap, offTrackGap));
  return mapCells(
    [
      { name: 'progress', value: progress },
      { name: 'expected', value: expected },
    ],
    ([progressCell, expectedCell]) =>
      statusCell(progressCell, expectedCell, gaps.atRiskGap, gaps.offTrackGap),
  );
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
