/**
 * The forecast sentence's figures in the check-in sidebar, from the built bundle in the emulator:
 * the list and the form read the Key Results sheet's Forecast column, and a save refits the line
 * with the check-in just saved from the last rows of Check-ins.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type {
  CheckInContext,
  ForecastOutlook,
  KeyResultDetailResult,
  KeyResultListItem,
  SaveCheckInResult,
} from '../../src/shared/checkIn';
import type { Emulator } from '../../preview/emulator/index';
import { checkInEmulator, checkInPayload, plain } from './checkInWorkbook';
import { buildBundle } from './bundle';
import { onSpreadsheetClock } from './spreadsheetClock';

beforeAll(buildBundle);

/** Days from the cycle start (1 October) to now (16 November, 10:00) and to the due date. */
const NOW_DAY = 46 + 10 / 24;
const DUE_DAY = 91;
/** 45 calendar days from 16 November to 31 December. */
const WEEKS_LEFT = 45 / 7;

/** Fills the Key Results column under `header` (added when missing) with cells by key result ID. */
function withColumn(
  emulator: Emulator,
  header: string,
  cellsById: Record<string, unknown>,
): Emulator {
  emulator.uncounted(() => {
    const sheet = emulator.spreadsheet.getSheetByName('Key Results')!;
    const values = sheet.getDataRange().getValues();
    const existing = values[0]!.indexOf(header);
    const column = existing >= 0 ? existing + 1 : values[0]!.length + 1;
    sheet.getRange(1, column).setValue(header);
    values.slice(1).forEach((row, index) => {
      const cell = cellsById[String(row[0])];
      if (cell !== undefined) sheet.getRange(index + 2, column).setValue(cell as string);
    });
  });
  emulator.calls.reset();
  return emulator;
}

/** A Forecast column holding what the spilled OKRFORECAST would show. */
const withForecastColumn = (emulator: Emulator, forecasts: Record<string, unknown>) =>
  withColumn(emulator, 'Forecast', forecasts);

const listed = (context: CheckInContext, id: string): KeyResultListItem =>
  [...context.mine, ...context.all.keyResults].find((item) => item.id === id)!;

const saved = (emulator: Emulator, value: number): ForecastOutlook | null => {
  const result = plain(
    emulator.call('saveCheckIn', checkInPayload({ value })) as SaveCheckInResult,
  );
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.keyResult.forecast;
};

describe('the forecast in the check-in sidebar', () => {
  it('lists each key result with its Forecast cell and the pace it needs from Current', () => {
    const emulator = withForecastColumn(checkInEmulator(), { 'KR-INC': 0.576, 'KR-DEC': '' });
    const context = plain(emulator.call('getCheckInContext') as CheckInContext);
    // KR-INC: 20 of 100 done, 80 to go in the 45 days left.
    expect(listed(context, 'KR-INC').forecast).toEqual({
      progress: 0.576,
      dueDate: '2026-12-31T00:00:00.000Z',
      neededPerWeek: 80 / WEEKS_LEFT,
      goal: 100,
      percentage: false,
      overdue: false,
      reached: false,
      beforeLatest: false,
    });
    // KR-DEC: a blank cell is a forecast without enough check-ins; the pace still shows the way.
    expect(listed(context, 'KR-DEC').forecast).toMatchObject({
      progress: null,
      neededPerWeek: (300 - 800) / WEEKS_LEFT,
    });
    expect(listed(context, 'KR-BIN').forecast).toBeNull();
  });

  it('says nothing of a forecast when the sheet has no Forecast column or a cell holds an error', () => {
    const without = plain(checkInEmulator().call('getCheckInContext') as CheckInContext);
    expect(listed(without, 'KR-INC').forecast).toBeNull();
    const erring = withForecastColumn(checkInEmulator(), { 'KR-INC': 'ERROR: Target is blank' });
    const context = plain(erring.call('getCheckInContext') as CheckInContext);
    expect(listed(context, 'KR-INC').forecast).toBeNull();
  });

  it('gives the form the same forecast as the list, from the row it reads anyway', () => {
    const emulator = withForecastColumn(checkInEmulator(), { 'KR-INC': 0.576 });
    const detail = plain(emulator.call('getKeyResultDetail', 'KR-INC') as KeyResultDetailResult);
    expect(detail.ok && detail.keyResult.forecast).toMatchObject({
      progress: 0.576,
      neededPerWeek: 80 / WEEKS_LEFT,
    });
  });

  it("gives the list and the form the key result's own due date as the spreadsheet's calendar day", () => {
    const emulator = withColumn(
      withForecastColumn(checkInEmulator(), { 'KR-INC': 0.576 }),
      'Due Date',
      { 'KR-INC': onSpreadsheetClock('2026-12-15') },
    );
    const context = plain(emulator.call('getCheckInContext') as CheckInContext);
    const detail = plain(emulator.call('getKeyResultDetail', 'KR-INC') as KeyResultDetailResult);
    // 29 calendar days from 16 November to 15 December, whatever the zones.
    const dueDay = { dueDate: '2026-12-15T00:00:00.000Z', neededPerWeek: 80 / (29 / 7) };
    expect(listed(context, 'KR-INC').forecast).toMatchObject(dueDay);
    expect(detail.ok && detail.keyResult.forecast).toMatchObject(dueDay);
  });

  it('returns the forecast refitted with the check-in just saved', () => {
    // No earlier check-ins: the line runs from (day 0, Start 0) through (now, 20).
    const forecast = saved(withForecastColumn(checkInEmulator({ checkIns: 0 }), {}), 20)!;
    expect(forecast.progress).toBeCloseTo(((20 / NOW_DAY) * DUE_DAY) / 100, 10);
    expect(forecast.neededPerWeek).toBeCloseTo(80 / WEEKS_LEFT, 10);
    expect(forecast.beforeLatest).toBe(false);
  });

  it('counts the earlier check-ins of the cycle found in the last rows of Check-ins', () => {
    // Three past check-ins on 1 October: KR-INC 0 at 09:00 and 2 at 09:02, then 20 now.
    const forecast = saved(checkInEmulator({ checkIns: 3 }), 20)!;
    const xs = [0, 9 / 24, (9 + 2 / 60) / 24, NOW_DAY];
    const ys = [0, 0, 2, 20];
    const meanX = xs.reduce((a, b) => a + b) / 4;
    const meanY = ys.reduce((a, b) => a + b) / 4;
    const slope =
      xs.reduce((sum, x, i) => sum + (x - meanX) * (ys[i]! - meanY), 0) /
      xs.reduce((sum, x) => sum + (x - meanX) ** 2, 0);
    expect(forecast.progress).toBeCloseTo((meanY + slope * (DUE_DAY - meanX)) / 100, 10);
  });

  it("shows the sheet's forecast, marked as not counting the new check-in, when the cycle's check-ins reach above the rows read", () => {
    // 1,500 check-ins since the start date: the 1,000 rows read back do not reach its start.
    const emulator = withForecastColumn(checkInEmulator({ checkIns: 1_500 }), {
      'KR-INC': 0.45,
    });
    expect(saved(emulator, 30)).toMatchObject({
      progress: 0.45,
      neededPerWeek: 70 / WEEKS_LEFT,
      beforeLatest: true,
    });
  });

  it('reads the same cells for a save whatever the size of the history', () => {
    const cells = (checkIns: number) => {
      const emulator = checkInEmulator({ checkIns });
      saved(emulator, 30);
      return emulator.calls.cells().read;
    };
    expect(cells(20_000)).toBe(cells(5_000));
  });
});
