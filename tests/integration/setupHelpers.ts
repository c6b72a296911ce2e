/**
 * Workbooks in the emulator for the setup, example and gateway tests: sheets filled without
 * counting, the built bundle loaded, and helpers that read back every cell.
 */
import { createEmulator, type Emulator } from '../../preview/emulator/index';
import { attachFormulaEvaluator } from '../../preview/emulator/formulas/index';
import { addSheetWith } from './emulatorSheets';
import { onSpreadsheetClock } from './spreadsheetClock';

/** Monday 23 November 2026, 10:00 on the spreadsheet's clock. */
export const NOW = onSpreadsheetClock('2026-11-23T10:00').toISOString();

export type SheetContents = Record<string, readonly (readonly unknown[])[]>;

/** An emulator whose spreadsheet has exactly `sheets` (default: one empty Sheet1), bundle loaded. */
export function emulatorWith(
  sheets: SheetContents = { Sheet1: [] },
  options: { formulas?: boolean; maxRows?: number } = {},
): Emulator {
  const emulator = createEmulator({ now: NOW, sheetNames: [] });
  emulator.uncounted(() => {
    for (const [name, values] of Object.entries(sheets))
      addSheetWith(emulator, name, values, Math.max(options.maxRows ?? 1000, values.length + 100));
  });
  emulator.loadBundle();
  if (options.formulas) attachFormulaEvaluator(emulator);
  emulator.calls.reset();
  return emulator;
}

function plain(cell: unknown): unknown {
  return Object.prototype.toString.call(cell) === '[object Date]'
    ? (cell as Date).toISOString()
    : cell;
}

/** A sheet's data range values (Dates as ISO text). */
export function sheetValues(emulator: Emulator, name: string): unknown[][] {
  return emulator.uncounted(() => {
    const sheet = emulator.spreadsheet.getSheetByName(name);
    if (!sheet) throw new Error(`No sheet ${name}`);
    return sheet
      .getDataRange()
      .getValues()
      .map((row) => row.map(plain));
  });
}

/** A sheet's data range formulas. */
export function sheetFormulas(emulator: Emulator, name: string): string[][] {
  return emulator.uncounted(() =>
    emulator.spreadsheet.getSheetByName(name)!.getDataRange().getFormulas(),
  );
}

/** The whole workbook as saved (cells, formats, validations, rules, named ranges), toasts left out. */
export function workbookJson(emulator: Emulator): unknown {
  const workbook: Partial<ReturnType<Emulator['toJSON']>['workbook']> = structuredClone(
    emulator.toJSON().workbook,
  );
  delete workbook.toasts;
  return workbook;
}

export function lastToast(emulator: Emulator): string | undefined {
  return emulator.workbook.toasts.at(-1)?.message;
}

/** Header row → { header: column index }. */
export function headerIndex(emulator: Emulator, name: string): Record<string, number> {
  const [header = []] = sheetValues(emulator, name);
  return Object.fromEntries(header.map((text, index) => [String(text), index]));
}
