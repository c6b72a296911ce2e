/** OKRPROGRESS(type, start, target, current): key result progress per row (SPEC §3). */
import { parseKeyResultType } from '../core/keyResultType';
import { keyResultProgress } from '../core/progress';
import { isBlankCell, readMeasured, readNumber, readText } from '../workbook/cells';
import { cellValue } from './cellValue';
import { mapCells, type CellOutput, type RangeOutput } from './grid';

export function okrProgress(
  type: unknown,
  start: unknown,
  target: unknown,
  current: unknown,
): RangeOutput {
  return mapCells(
    [
      { name: 'type', value: type },
      { name: 'start', value: start },
      { name: 'target', value: target },
      { name: 'current', value: current },
    ],
    ([typeCell, startCell, targetCell, currentCell]) =>
      progressCell(typeCell, startCell, targetCell, currentCell),
  );
}

function progressCell(
  typeCell: unknown,
  startCell: unknown,
  targetCell: unknown,
  currentCell: unknown,
): CellOutput {
  // Rows below the last key result are blank in every column: they stay blank, not errors.
  if ([typeCell, startCell, targetCell, currentCell].every(isBlankCell)) return '';
  const progress = keyResultProgress(
    parseKeyResultType(cellValue('Type', readText(typeCell))),
    cellValue('Start', readNumber(startCell)),
    cellValue('Target', readNumber(targetCell)),
    cellValue('Current', readMeasured(currentCell)),
  );
  return progress ?? '';
}
