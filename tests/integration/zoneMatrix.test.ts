/**
 * The zone projects of vitest.config.ts take effect: the emulator's spreadsheet and script zones
 * and the Node process zone are the ones the project names (or the defaults without one).
 */
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../preview/emulator/index.js';
import { SPREADSHEET_TIME_ZONE } from './spreadsheetClock';

describe('the zone a suite runs in', () => {
  it('gives a new spreadsheet, the script and the process the zones the project names', () => {
    const emulator = createEmulator();
    expect(emulator.spreadsheet.getSpreadsheetTimeZone()).toBe(SPREADSHEET_TIME_ZONE);
    expect(emulator.globals.Session.getScriptTimeZone()).toBe(
      process.env.OKR_SCRIPT_TIME_ZONE ?? 'Etc/UTC',
    );
    if (process.env.TZ)
      expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(process.env.TZ);
  });
});
