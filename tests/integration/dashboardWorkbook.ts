/**
 * The Build dashboard workbook: set up, then `count` objectives with one key result each, for
 * the dashboard service-call test and `npm run bench:calls`.
 */
import { createEmulator, type Emulator } from '../../preview/emulator/index.js';

/** A workbook of `count` objectives with one KR each, written straight into the emulated sheets. */
export function workbookWithObjectives(count: number, now: Date | string): Emulator {
  const emulator = createEmulator({ now });
  emulator.loadBundle();
  emulator.call('setUpWorkbook');
  emulator.uncounted(() => {
    const objectives = emulator.spreadsheet.getSheetByName('Objectives')!;
    const keyResults = emulator.spreadsheet.getSheetByName('Key Results')!;
    const objectiveHeader = objectives
      .getRange(1, 1, 1, objectives.getLastColumn())
      .getValues()[0]!;
    const keyResultHeader = keyResults
      .getRange(1, 1, 1, keyResults.getLastColumn())
      .getValues()[0]!;
    for (const sheet of [objectives, keyResults]) sheet.insertRowsAfter(sheet.getMaxRows(), count);
    const row = (header: unknown[], fields: Record<string, unknown>) =>
      header.map((name) => fields[String(name)] ?? '');
    objectives.getRange(2, 1, count, objectiveHeader.length).setValues(
      Array.from({ length: count }, (_, i) =>
        row(objectiveHeader, {
          ID: `O${i + 1}`,
          Objective: `Objective ${i + 1}`,
          Team: `Team ${i % 7}`,
          Parent: i > 0 ? `O${Math.floor(i / 3) + 1}` : '',
        }),
      ),
    );
    keyResults.getRange(2, 1, count, keyResultHeader.length).setValues(
      Array.from({ length: count }, (_, i) =>
        row(keyResultHeader, {
          ID: `KR${i + 1}`,
          'Objective ID': `O${i + 1}`,
          'Key Result': `Key result ${i + 1}`,
          Start: 0,
          Target: 10,
          Current: i % 10,
        }),
      ),
    );
  });
  return emulator;
}
