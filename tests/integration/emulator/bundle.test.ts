/**
 * The built dist/Code.js in the emulator: it loads as Apps Script would load it, and onOpen builds
 * the add-on menu in AuthMode.NONE touching nothing else.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBundle } from '../bundle';
import { createEmulator } from '../../../preview/emulator/index.js';

beforeAll(buildBundle);

describe('dist/Code.js in the emulator', () => {
  it('defines onOpen and onInstall as top-level functions', () => {
    const emulator = createEmulator();
    emulator.loadBundle();
    expect(emulator.functionNames()).toEqual(expect.arrayContaining(['onOpen', 'onInstall']));
  });

  it('builds the add-on menu in AuthMode.NONE with only menu calls', () => {
    const emulator = createEmulator();
    emulator.loadBundle();
    emulator.callWith({ authMode: 'NONE' }, 'onOpen', { authMode: 'NONE' });
    const services = Object.keys(emulator.calls.snapshot()).map((call) => call.split('.')[0]);
    expect(new Set(services)).toEqual(new Set(['SpreadsheetApp', 'Ui', 'Menu']));
    expect(emulator.calls.count('Ui.createAddonMenu')).toBe(1);
    expect(emulator.ui.menus.map((menu) => menu.kind)).toEqual(['addon']);
  });

  it('lists every example key result in the check-in sidebar early, midway and late in the cycle', () => {
    const counts = ['2026-10-05', '2026-11-02', '2026-11-23', '2026-12-30'].map((day) => {
      const emulator = createEmulator({ now: `${day}T10:00:00Z` });
      emulator.loadBundle();
      emulator.call('setUpWorkbook');
      emulator.call('loadExampleOkrs');
      const keyResults = emulator.uncounted(() =>
        emulator.spreadsheet.getSheetByName('Key Results')!.getLastRow(),
      );
      const context = emulator.call('getCheckInContext') as { all: { total: number } };
      return [context.all.total, keyResults - 1];
    });
    for (const [listed, written] of counts) expect(listed).toBe(written);
    expect(counts[0]![0]).toBeGreaterThan(0);
  });
});
