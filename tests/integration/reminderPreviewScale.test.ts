/**
 * The Preview reminders dialog at 10,000 key results (200 owners, all behind): what
 * google.script.run carries stays within its budget, and paging through shows everyone once; what
 * it reads does not grow with the Check-ins history.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../../preview/emulator/index';
import {
  REMINDER_EMAIL_BUDGET,
  REMINDER_PREVIEW_CHIPS,
  REMINDER_PREVIEW_BUDGET,
  REMINDER_PREVIEW_PAGE_SIZE,
  type ReminderPreview,
  type ReminderPreviewEmail,
} from '../../src/shared/reminders';
import { buildBundle } from './bundle';
import { measureCost, PAYLOAD_BUDGETS } from './operationCost';
import { setSetting } from './reminderWorkbook';
import { SCALE_NOW, SCALE_USER, scaleWorkbook, type Scale } from './scaleWorkbook';

let emulator: Emulator;

beforeAll(() => {
  buildBundle();
  emulator = scaleWorkbook({ keyResults: 10_000, checkIns: 1_000 });
});

const bytes = (value: unknown): number => JSON.stringify(value).length;

describe('Preview reminders at 10,000 key results', () => {
  it('sends one page of recipients within its budget, and each page lists the next ones', () => {
    const first = emulator.call('getReminderPreview', { page: 0 }) as ReminderPreview;
    expect(first.reminderCount).toBe(200);
    expect(first.pageCount).toBe(Math.ceil(200 / REMINDER_PREVIEW_PAGE_SIZE));
    expect(first.emails).toHaveLength(REMINDER_PREVIEW_PAGE_SIZE);
    // Each recipient carries a few key results and the count; the email lists them all.
    expect(first.emails[0]!.keyResultCount).toBeGreaterThan(REMINDER_PREVIEW_CHIPS);
    expect(first.emails[0]!.keyResults).toHaveLength(REMINDER_PREVIEW_CHIPS);
    expect(bytes(first)).toBeLessThan(REMINDER_PREVIEW_BUDGET);
    const seen = [...first.emails.map((email) => email.to)];
    for (let page = 1; page < first.pageCount; page++) {
      const next = emulator.call('getReminderPreview', { page }) as ReminderPreview;
      expect(next.page).toBe(page);
      expect(bytes(next)).toBeLessThan(REMINDER_PREVIEW_BUDGET);
      seen.push(...next.emails.map((email) => email.to));
    }
    expect(new Set(seen).size).toBe(200);
  }, 120_000);

  it('sends the selected email alone, within its budget', () => {
    const email = emulator.call('getReminderPreviewEmail', {
      kind: 'reminder',
      to: SCALE_USER,
    }) as ReminderPreviewEmail;
    expect(email.to).toBe(SCALE_USER);
    expect(email.html).toContain('KR1');
    expect(bytes(email)).toBeLessThan(REMINDER_EMAIL_BUDGET);
  }, 60_000);

  it('answers a page past the end with the last page, and refuses a malformed email request', () => {
    const last = emulator.call('getReminderPreview', { page: 999 }) as ReminderPreview;
    expect(last.page).toBe(last.pageCount - 1);
    expect(() => emulator.call('getReminderPreviewEmail', { kind: 'x', to: 1 })).toThrow(
      'Choose a recipient from the list',
    );
  }, 60_000);
});

/** A scale workbook on its next check-in day (every owner behind), with a digest recipient. */
function onNextCheckInDay(scale: Scale): Emulator {
  const workbook = scaleWorkbook(scale);
  workbook.uncounted(() => setSetting(workbook, 'Digest Recipients', 'lead@example.com'));
  workbook.clock.set(Date.parse(SCALE_NOW) + 4 * 86_400_000);
  return workbook;
}

describe('Preview reminders on the check-in day', () => {
  it('lists the digest with the reminders at 10,000 key results, within the page budget', () => {
    const preview = onNextCheckInDay({ keyResults: 10_000, checkIns: 1_000 }).call(
      'getReminderPreview',
      { page: 0 },
    ) as ReminderPreview;
    expect(preview.reminderCount).toBe(200);
    expect(preview.digestCount).toBe(1);
    expect(bytes(preview)).toBeLessThan(PAYLOAD_BUDGETS.reminderPreview);
  }, 120_000);

  it('reads no more cells with 100,000 check-ins than with 1,000', () => {
    const cellsRead = (checkIns: number) => {
      const workbook = onNextCheckInDay({ keyResults: 1_000, checkIns });
      const cost = measureCost(workbook, () => workbook.call('getReminderPreview', { page: 0 }));
      expect((cost.result as ReminderPreview).reminderCount).toBe(200);
      return cost.cellsRead;
    };
    const short = cellsRead(1_000);
    expect(cellsRead(100_000)).toBeLessThanOrEqual(short);
    // The Key Results table (1,000 rows) is most of it; the history would be 900,000 cells.
    expect(short).toBeLessThan(40_000);
  }, 120_000);
});
