/**
 * The Preview reminders dialog at 10,000 key results (200 owners, all behind): what
 * google.script.run carries stays within its budget, and paging through shows everyone once.
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
import { SCALE_USER, scaleWorkbook } from './scaleWorkbook';

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
