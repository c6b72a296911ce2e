/**
 * OKRPLANNED(key_results, id, as_of, [cycle_start], [cycle_end]): an objective's planned progress,
 * the weighted mean of its key results' OKREXPECTED, exactly the Planned of its OKRBALANCE row.
 * It gives the Objectives sheet a Planned column beside OKRSCORE's Score with one call.
 */
import { OkrInputError } from '../core/errors';
import { readId } from '../workbook/cells';
import { IdIndex } from '../workbook/idIndex';
import { cellValue, isErrorText } from './cellValue';
import { mapCells, type CellOutput, type RangeOutput } from './grid';
import { okrBalance } from './okrBalance';

export function okrPlanned(
  keyResults: unknown,
  id: unknown,
  asOf: unknown,
  cycleStart?: unknown,
  cycleEnd?: unknown,
): RangeOutput {
  const balance = okrBalance(keyResults, asOf, cycleStart, cycleEnd);
  const plannedById = new IdIndex<CellOutput>();
  // Between the header and the Balance row: one row per objective, an ERROR: text in Actual when its rows are wrong.
  for (const [objective, actual, planned] of balance.slice(1, -1)) {
    plannedById.addIfAbsent(String(objective), isErrorText(actual) ? actual! : (planned ?? ''));
  }
  return mapCells([{ name: 'id', value: id }], ([cell]) => {
    const objectiveId = cellValue('id', readId(cell));
    if (objectiveId === null) return '';
    const planned = plannedById.get(objectiveId);
    if (planned === undefined)
      throw new OkrInputError(
        `No objective in key_results has the ID "${objectiveId}". Check the spelling, or give the objective key results on the Key Results sheet.`,
      );
    if (isErrorText(planned)) throw new OkrInputError(String(planned).replace(/^ERROR:\s*/, ''));
    return planned;
  });
}
