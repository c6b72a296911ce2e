/** Build cycle calendar in the emulator: the Calendar sheet for the cycle in Settings, and its menu item. */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBundle } from './bundle';
import { cleanWorkbook } from '../unit/core/healthFixtures';
import { workbookOf } from './healthWorkbook';

beforeAll(buildBundle);

describe('Build cycle calendar in the emulator', () => {
  it('writes the Calendar sheet for the cycle in Settings', () => {
    const emulator = workbookOf(cleanWorkbook());
    emulator.call('buildCycleCalendar');
    const rows = emulator.uncounted(
      () =>
        emulator.spreadsheet.getSheetByName('Calendar')!.getDataRange().getValues() as unknown[][],
    );
    expect(rows[0]![0]).toBe('OKR Cycle Calendar');
    expect(rows[2]!.slice(0, 5)).toEqual(['Date', 'Day', 'Week', 'Event', 'What happens']);
    const events = rows.slice(3).map((row) => row[3]);
    expect(events).toContain('Planning week begins');
    expect(events).toContain('Mid-cycle review');
    expect(events).toContain('Retrospective');
    expect(events.filter((event) => event === 'Check-in day')).toHaveLength(13);
    expect(events.filter((event) => event === 'Monday review')).toHaveLength(13);
  });

  it('adds Build cycle calendar to the add-on menu', () => {
    const emulator = workbookOf(cleanWorkbook());
    emulator.call('onOpen', { authMode: 'FULL' });
    expect(JSON.stringify(emulator.ui.menus)).toContain('buildCycleCalendar');
  });
});
