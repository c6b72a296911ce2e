/**
 * Empty states that lead somewhere: on a workbook whose OKRs live in the team's own sheets and
 * not in ours, the sidebar, the dashboard and the health check say so and offer Import OKRs….
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { CheckInContext } from '../../src/shared/checkIn';
import { buildBundle } from './bundle';
import { plain } from './checkInWorkbook';
import { emulatorWith } from './setupHelpers';
import { OKRS_CHECKINS_DASHBOARD } from '../fixtures/importLayouts';

beforeAll(buildBundle);

const theirWorkbook = () =>
  emulatorWith(
    Object.fromEntries(OKRS_CHECKINS_DASHBOARD.sheets.map((sheet) => [sheet.name, sheet.values])),
  );

const sheetNames = (emulator: ReturnType<typeof theirWorkbook>): string[] =>
  emulator.uncounted(() => emulator.spreadsheet.getSheets().map((sheet) => sheet.getName()));

describe('On a workbook of the team’s own OKR sheets', () => {
  it('the check-in sidebar names the sheets that look like OKRs instead of failing', () => {
    const context = plain(theirWorkbook().call('getCheckInContext') as CheckInContext);
    expect(context.all.keyResults).toEqual([]);
    expect(context.importableSheets).toEqual(['OKRs', 'Check-ins', 'Dashboard']);
  });

  it('Build dashboard says where the OKRs are and opens Import OKRs… when asked', () => {
    const emulator = theirWorkbook();
    emulator.ui.responses.push({ button: 'YES' });
    emulator.call('buildDashboard');
    expect(emulator.ui.alerts[0]!.prompt).toContain(
      'The OKR tables are empty, but "OKRs", "Check-ins", "Dashboard" look like OKRs of yours',
    );
    expect(emulator.ui.pages.map((page) => page.title)).toEqual(['Import OKRs']);
    expect(sheetNames(emulator)).toEqual(['OKRs', 'Check-ins', 'Dashboard']);
  });

  it('Check OKR health does the same', () => {
    const emulator = theirWorkbook();
    emulator.ui.responses.push({ button: 'YES' });
    emulator.call('checkOkrHealth');
    expect(emulator.ui.alerts[0]!.title).toBe('Check OKR health');
    expect(emulator.ui.pages.map((page) => page.title)).toEqual(['Import OKRs']);
  });

  it('says nothing once the OKRs are imported', () => {
    const emulator = theirWorkbook();
    emulator.call('runImport', {
      sheets: ['OKRs', 'Check-ins'],
      overrides: {},
      ownerEmails: OKRS_CHECKINS_DASHBOARD.ownerEmails,
      cycle: null,
    });
    const context = plain(emulator.call('getCheckInContext') as CheckInContext);
    expect(context.all.keyResults).toHaveLength(3);
    expect(context.importableSheets).toEqual([]);
  });
});
