/** OKREXPECTED(start_date, due_date, as_of): planned progress per row (SPEC §3). */
import { OkrInputError } from '../core/errors';
import { plannedProgress } from '../core/plan';
import { isBlankCell, readDate } from '../workbook/cells';
import { cellValue } from './cellValue';
import { mapCells, withUserErrors, type CellOutput, type RangeOutput } from './grid';

export function okrExpected(startDate: unknown, dueDate: unknown, asOf: unknown): RangeOutput {
  // A blank or unreadable single as-of date would fail every row alike, so it fails the call.
  if (!Array.isArray(asOf)) withUserErrors(() => readAsOf(asOf));
  return mapCells(
    [
      { name: 'start_date', value: startDate },
      { name: 'due_date', value: dueDate },
      { name: 'as_of', value: asOf },
    ],
    ([startCell, dueCell, asOfCell]) => expectedCell(startCell, dueCell, asOfCell),
  );
}

function expectedCell(startCell: unknown, dueCell: unknown, asOfCell: unknown): CellOutput {
  if (isBlankCell(startCell) && isBlankCell(dueCell)) return '';
  const start = cellValue('start_date', readDate(startCell));
  const due = cellValue('due_date', readDate(dueCell));
  if (start === null) {
    throw new OkrInputError('start_date is blank. Type the date work starts, such as 2026-10-01.');
  }
  if (due === null) {
    throw new OkrInputError(
      'due_date is blank. Type the date the key result is due, such as 2026-12-31.',
    );
  }
  return plannedProgress(start, due, readAsOf(asOfCell));
}

function readAsOf(cell: unknown): Date {
  const asOf = cellValue('as_of', readDate(cell));
  if (asOf === null) {
    throw new OkrInputError(
      'as_of is blank. Pass the report date, such as OKR_REPORT_DATE (custom functions cannot use TODAY()).',
    );
  }
  return asOf;
}
