/**
 * The example workbook in the emulator for the reminder tests: Load example OKRs, then helpers to
 * change a setting or a KR cell, add check-ins and read the Reminder Log back, all uncounted.
 */
import { createEmulator, type Emulator } from '../../preview/emulator/index';
import { onSpreadsheetClock, spreadsheetDay } from './spreadsheetClock';

/** Wednesday 18 November 2026 on the spreadsheet's clock; the example checks in on Fridays at 9. */
export const START = onSpreadsheetClock('2026-11-18T10:00').toISOString();
/** Midnight starting Friday 20 November in the spreadsheet's zone (no daylight-saving change follows in the weeks tested). */
export const FIRST_FRIDAY = onSpreadsheetClock('2026-11-20').getTime();
export const DAY = 86_400_000;

export function exampleEmulator(options: { now?: string; mailQuota?: number } = {}): Emulator {
  const emulator = createEmulator({
    now: options.now ?? START,
    sheetNames: [],
    mailQuota: options.mailQuota ?? 100,
  });
  emulator.loadBundle();
  emulator.call('loadExampleOkrs');
  alignCycleName(emulator);
  emulator.ui.alerts.length = 0;
  emulator.calls.reset();
  return emulator;
}

/** The example names its cycle on the Objectives sheet; Settings must name the same cycle. */
export function alignCycleName(emulator: Emulator): void {
  const cycle = String(
    sheetValues(emulator, 'Objectives')[1]![column(emulator, 'Objectives', 'Cycle')],
  );
  setSetting(emulator, 'Cycle Name', cycle);
}

export function sheetValues(emulator: Emulator, sheetName: string): unknown[][] {
  return emulator.uncounted(() => {
    const sheet = emulator.spreadsheet.getSheetByName(sheetName);
    return sheet ? sheet.getDataRange().getValues() : [];
  });
}

export function column(emulator: Emulator, sheetName: string, header: string): number {
  const index = sheetValues(emulator, sheetName)[0]!.indexOf(header);
  if (index < 0) throw new Error(`${sheetName} has no ${header} column`);
  return index;
}

export function setSetting(emulator: Emulator, label: string, value: unknown): void {
  const row = sheetValues(emulator, 'Settings').findIndex((cells) => cells[0] === label);
  if (row < 0) throw new Error(`Settings has no ${label} row`);
  emulator.uncounted(() =>
    emulator.spreadsheet
      .getSheetByName('Settings')!
      .getRange(row + 1, 2)
      .setValue(value as string),
  );
}

/** Sets one cell of the KR row with `id`. */
export function setKeyResultCell(
  emulator: Emulator,
  id: string,
  header: string,
  value: unknown,
): void {
  const row = sheetValues(emulator, 'Key Results').findIndex((cells) => cells[0] === id);
  if (row < 0) throw new Error(`no key result ${id}`);
  emulator.uncounted(() =>
    emulator.spreadsheet
      .getSheetByName('Key Results')!
      .getRange(row + 1, column(emulator, 'Key Results', header) + 1)
      .setValue(value as string),
  );
}

/** Key result IDs by owner email, as the Key Results sheet has them. */
export function keyResultsByOwner(emulator: Emulator): Map<string, string[]> {
  const values = sheetValues(emulator, 'Key Results');
  const owner = values[0]!.indexOf('Owner');
  const byOwner = new Map<string, string[]>();
  for (const cells of values.slice(1)) {
    if (cells[0] === '') continue;
    const email = String(cells[owner]);
    byOwner.set(email, [...(byOwner.get(email) ?? []), String(cells[0])]);
  }
  return byOwner;
}

/** Appends check-ins (one per KR) at the given time below the Check-ins table. */
export function addCheckIns(emulator: Emulator, keyResultIds: readonly string[], at: number): void {
  if (keyResultIds.length === 0) return;
  const values = sheetValues(emulator, 'Check-ins');
  const header = values[0]!;
  const lastRow = values.reduce(
    (last, cells, index) => (cells.some((cell) => cell !== '') ? index + 1 : last),
    0,
  );
  const rows = keyResultIds.map((id) =>
    header.map((name) =>
      name === 'Timestamp'
        ? new Date(at)
        : name === 'Key Result ID'
          ? id
          : name === 'Value'
            ? 1
            : '',
    ),
  );
  emulator.uncounted(() => {
    const sheet = emulator.spreadsheet.getSheetByName('Check-ins')!;
    growTo(sheet, lastRow + rows.length);
    sheet.getRange(lastRow + 1, 1, rows.length, header.length).setValues(rows as never);
  });
}

/** Adds grid rows so that `rows` rows fit (new sheets have 1000). */
export function growTo(
  sheet: { getMaxRows(): number; insertRowsAfter(after: number, count: number): unknown },
  rows: number,
): void {
  const missing = rows - sheet.getMaxRows();
  if (missing > 0) sheet.insertRowsAfter(sheet.getMaxRows(), missing);
}

export interface LogRow {
  time: number;
  period: string;
  kind: string;
  recipient: string;
  keyResults: string;
  outcome: string;
}

export function reminderLog(emulator: Emulator): LogRow[] {
  const [header, ...rows] = sheetValues(emulator, 'Reminder Log');
  if (!header) return [];
  const at = (name: string): number => header.indexOf(name);
  return rows.map((cells) => ({
    time: (cells[at('Time')] as Date).getTime(),
    period: spreadsheetDay(cells[at('Period')] as Date),
    kind: String(cells[at('Email')]),
    recipient: String(cells[at('Recipient')]),
    keyResults: String(cells[at('Key Results')]),
    outcome: String(cells[at('Outcome')]),
  }));
}

/** The period (yyyy-mm-dd of its Friday) an email sent at `at` belongs to. */
export function weekOf(at: number): string {
  const friday = FIRST_FRIDAY + Math.floor((at - FIRST_FRIDAY) / (7 * DAY)) * 7 * DAY;
  return spreadsheetDay(friday);
}
