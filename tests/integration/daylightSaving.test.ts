/**
 * A cycle across the start of daylight saving in New York (Sunday 8 March 2026, when a day has
 * 23 hours): planned progress and the days left are counted in calendar days, as Sheets' own
 * DAYS() would, not in elapsed hours.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from '../../preview/emulator/index.js';
import type { CloseCycleData } from '../../src/shared/closeCycle';
import { buildBundle } from './bundle';
import { onSpreadsheetClock } from './spreadsheetClock';

const NEW_YORK = 'America/New_York';
const day = (iso: string): Date => onSpreadsheetClock(iso, NEW_YORK);

beforeAll(buildBundle);

function newYorkWorkbook(clock: string): Emulator {
  const emulator = createEmulator({
    spreadsheetTimeZone: NEW_YORK,
    timeZone: 'Etc/UTC',
    now: onSpreadsheetClock(clock, NEW_YORK),
  });
  emulator.loadBundle();
  emulator.call('setUpWorkbook');
  emulator.uncounted(() => {
    const settings = emulator.spreadsheet.getSheetByName('Settings')!;
    const rows = settings.getDataRange().getValues();
    for (const [label, value] of [
      ['Cycle Start', day('2026-03-01')],
      ['Cycle End', day('2026-03-31')],
    ] as const)
      settings.getRange(rows.findIndex((row) => row[0] === label) + 1, 2).setValue(value);
  });
  return emulator;
}

describe('A cycle across a daylight-saving change in New York', () => {
  it('plans half the cycle done on day 15 of 30, though the clocks moved an hour', () => {
    const emulator = newYorkWorkbook('2026-03-16T09:00');
    const planned = emulator.callCustomFunction('OKREXPECTED', [
      day('2026-03-01'),
      day('2026-03-31'),
      day('2026-03-16'),
    ]);
    expect(planned).toBe(0.5);
  });

  it('counts the days left until the cycle ends in calendar days', () => {
    const emulator = newYorkWorkbook('2026-03-16T09:00');
    const data = JSON.parse(JSON.stringify(emulator.call('getCloseCycleData'))) as CloseCycleData;
    expect(data.warnings[0]).toMatch(/runs until 2026-03-31 \(16 days left, today included\)/);
  });
});
