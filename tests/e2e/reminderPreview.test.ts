/**
 * Reminders ▸ Preview reminders in the local preview, in headless Chromium: the real dialog page,
 * its google.script.run call reaching the built bundle, the email shown in a sandboxed frame,
 * and nothing sent. The dialog is kept as artifacts/reminder-preview.png.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PreviewServer } from '../../preview/server/server';
import {
  alignCycleName,
  keyResultsByOwner,
  setKeyResultCell,
} from '../integration/reminderWorkbook';
import { onSpreadsheetClock } from '../integration/spreadsheetClock';
import {
  openBrowser,
  openDialog,
  openPreview,
  screenshot,
  startPreview,
  type Browser,
} from './harness';

const OWNER = 'sam@example.com';
const XSS_TITLE = '<script>alert(1)</script>';

let preview: PreviewServer;
let browser: Browser;
let page: Page;
const dialogs: string[] = [];

beforeAll(async () => {
  // A Friday on the spreadsheet's clock, the example's check-in day, after the 9:00 reminder hour.
  preview = await startPreview({ now: onSpreadsheetClock('2026-11-20T10:00') });
  const emulator = preview.session.emulator;
  alignCycleName(emulator);
  setKeyResultCell(emulator, keyResultsByOwner(emulator).get(OWNER)![0]!, 'Key Result', XSS_TITLE);
  browser = await openBrowser();
  page = browser.page;
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await openPreview(page, preview);
});

afterAll(async () => {
  await browser?.close();
  await preview?.stop();
});

describe('Preview reminders', () => {
  it('lists who would get what, shows the selected email escaped, and sends nothing', async () => {
    const dialog = await openDialog(page, 'previewReminders');
    await dialog.locator('#content').waitFor();
    const recipients = dialog.locator('.recipient');
    expect(await recipients.count()).toBeGreaterThan(2);
    await expect(dialog.locator('#summary').textContent()).resolves.toMatch(
      /^Check-in period from Fri 20 Nov 2026: \d+ reminders\./,
    );

    await recipients.filter({ hasText: OWNER }).click();
    await expect(dialog.locator('#email-to').textContent()).resolves.toBe(`To: ${OWNER}`);
    const chips = await recipients
      .filter({ hasText: OWNER })
      .locator('.okr-chip')
      .allTextContents();
    expect(chips.length).toBeGreaterThan(0);

    const emailHandle = await dialog.locator('#email-frame').elementHandle();
    const email = (await emailHandle!.contentFrame())!;
    await email.locator('h1').waitFor();
    expect(await email.locator('body').innerText()).toContain(XSS_TITLE);
    expect(await email.locator('script').count()).toBe(0);
    expect(await dialog.locator('#email-frame').getAttribute('sandbox')).toBe('');
    expect(dialogs).toEqual([]);

    await screenshot(page, 'reminder-preview');
    expect(preview.session.emulator.outbox).toHaveLength(0);
  });
});
