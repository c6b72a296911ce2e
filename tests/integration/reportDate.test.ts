/**
 * The report date stays today's without reminders: opening the workbook (once the add-on is
 * authorised there) and every add-on action move OKR_REPORT_DATE, so Planned and Status follow the
 * calendar; and the Settings status gaps reach every formula the add-on writes.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBundle } from './bundle';
import { workbookWithObjectives } from './dashboardWorkbook';
import { createEmulator, type Emulator } from '../../preview/emulator/index.js';
import { attachFormulaEvaluator } from '../../preview/emulator/formulas/index.js';
import { keyResultPlannedProgress } from '../../src/core/balance';
import { keyResultProgress } from '../../src/core/progress';
import { statusFor } from '../../src/core/status';
import { parseSettings } from '../../src/workbook/settings';
import { parseKeyResults } from '../../src/workbook/tables';
import { cellsToWallClock } from '../../src/core/wallClock';
import { onSpreadsheetClock } from './spreadsheetClock';

const NOW = onSpreadsheetClock('2026-11-16T09:00');
const WEEK_MS = 7 * 86_400_000;

beforeAll(buildBundle);

/** A sheet's values with dates as the add-on reads them: the spreadsheet's wall clock. */
function values(emulator: Emulator, name: string): unknown[][] {
  return emulator.uncounted(() =>
    cellsToWallClock(
      emulator.spreadsheet.getSheetByName(name)!.getDataRange().getValues(),
      emulator.spreadsheet.getSpreadsheetTimeZone(),
    ),
  );
}

function reportDate(emulator: Emulator): number {
  return emulator.uncounted(() =>
    (emulator.spreadsheet.getRangeByName('OKR_REPORT_DATE')!.getValue() as Date).getTime(),
  );
}

/** Planned and Status of every KR as the sheet shows them, and as the engine computes them today. */
function plannedAndStatus(emulator: Emulator) {
  const sheet = values(emulator, 'Key Results');
  const settings = parseSettings(values(emulator, 'Settings'), new Date(NOW)).settings;
  const header = sheet[0]!.map(String);
  const planned = header.indexOf('Planned');
  const status = header.indexOf('Status');
  const cycle = { start: settings.cycleStart, end: settings.cycleEnd };
  return parseKeyResults(sheet).rows.map((keyResult) => {
    const row = sheet[keyResult.row - 1]!;
    const progress = keyResultProgress(
      keyResult.type,
      keyResult.start,
      keyResult.target,
      keyResult.current,
    );
    const plan = keyResultPlannedProgress(keyResult, settings.reportDate!, cycle);
    return {
      id: keyResult.id,
      shown: { planned: row[planned], status: row[status] },
      engine: {
        progress,
        planned: plan,
        status: statusFor(progress, plan, settings.atRiskGap, settings.offTrackGap),
      },
    };
  });
}

function exampleWorkbook(): Emulator {
  const emulator = createEmulator({ now: NOW });
  emulator.loadBundle();
  attachFormulaEvaluator(emulator);
  emulator.call('loadExampleOkrs');
  return emulator;
}

describe('The report date without reminders', () => {
  it('moves to the day the workbook is opened, and Planned and Status follow it', () => {
    const emulator = exampleWorkbook();
    expect(emulator.triggers.triggers).toHaveLength(0);
    const before = plannedAndStatus(emulator);
    emulator.clock.advance(WEEK_MS);
    emulator.callWith({ authMode: 'LIMITED' }, 'onOpen', { authMode: 'LIMITED' });

    expect(reportDate(emulator)).toBe(onSpreadsheetClock('2026-11-23').getTime());
    const after = plannedAndStatus(emulator);
    for (const { id, shown, engine } of after) {
      if (typeof shown.planned === 'number')
        expect(shown.planned, `planned of ${id}`).toBeCloseTo(engine.planned, 10);
      expect(shown.status, `status of ${id}`).toBe(engine.status);
    }
    const moved = after.filter(
      ({ shown }, index) => shown.planned !== before[index]!.shown.planned,
    );
    expect(moved.length).toBeGreaterThan(0);
  });

  it('says on the Planned header which day the plan is for', () => {
    const emulator = exampleWorkbook();
    const note = () =>
      emulator.uncounted(() => {
        const sheet = emulator.spreadsheet.getSheetByName('Key Results')!;
        const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!;
        return sheet.getRange(1, header.indexOf('Planned') + 1).getNote();
      });
    expect(note()).toContain('Planned progress as of Mon 16 Nov 2026');
    emulator.clock.advance(WEEK_MS);
    emulator.callWith({ authMode: 'LIMITED' }, 'onOpen', { authMode: 'LIMITED' });
    expect(note()).toContain('Planned progress as of Mon 23 Nov 2026');
  });

  it('is left alone by onOpen before the add-on is authorised in the document', () => {
    const emulator = exampleWorkbook();
    const setUpDay = reportDate(emulator);
    emulator.clock.advance(WEEK_MS);
    emulator.callWith({ authMode: 'NONE' }, 'onOpen', { authMode: 'NONE' });
    expect(emulator.ui.menus.length).toBeGreaterThan(0);
    expect(reportDate(emulator)).toBe(setUpDay);
  });

  it('moves with every add-on action, such as opening the check-in sidebar', () => {
    const emulator = exampleWorkbook();
    emulator.clock.advance(2 * WEEK_MS);
    emulator.call('getCheckInContext');
    expect(reportDate(emulator)).toBe(onSpreadsheetClock('2026-11-30').getTime());
  });

  it('is not rewritten when it already holds today', () => {
    const emulator = exampleWorkbook();
    emulator.calls.reset();
    emulator.callWith({ authMode: 'LIMITED' }, 'onOpen', { authMode: 'LIMITED' });
    expect(emulator.calls.count('Range.setValue')).toBe(0);
  });
});

describe('Settings status gaps', () => {
  it('give the Key Results Status column and the dashboard the same status for every KR', () => {
    // One KR per objective, so each objective's status is its KR's.
    const emulator = workbookWithObjectives(10, NOW);
    attachFormulaEvaluator(emulator);
    emulator.uncounted(() => {
      emulator.spreadsheet.getRangeByName('OKR_AT_RISK_GAP')!.setValue(0.2);
      emulator.spreadsheet.getRangeByName('OKR_OFF_TRACK_GAP')!.setValue(0.35);
    });
    emulator.call('buildDashboard');

    const keyResults = plannedAndStatus(emulator);
    const dashboard = values(emulator, 'Dashboard');
    const headerRow = dashboard.findIndex((row) => row[0] === 'ID' && row[8] === 'Status');
    const dashboardStatus = new Map(
      dashboard.slice(headerRow + 1, headerRow + 11).map((row) => [row[0], row[8]]),
    );
    const statuses = new Set<unknown>();
    let unlikeDefaults = 0;
    for (const { id, shown, engine } of keyResults) {
      const objective = id.replace('KR', 'O');
      expect(shown.status, `Key Results status of ${id}`).toBe(engine.status);
      expect(dashboardStatus.get(objective), `dashboard status of ${objective}`).toBe(shown.status);
      statuses.add(shown.status);
      if (shown.status !== statusFor(engine.progress, engine.planned)) unlikeDefaults++;
    }
    expect(statuses).toEqual(new Set(['On track', 'At risk', 'Off track']));
    // The gaps matter: with the default gaps some of these would read differently.
    expect(unlikeDefaults).toBeGreaterThan(0);
  });
});
