/**
 * A reminder email as Chromium renders it: made by the built bundle in the emulator (example
 * workbook, daily trigger on the check-in day), shown in headless Chromium and kept as
 * artifacts/reminder-email.png. A KR named <script>alert(1)</script> must show as text.
 */
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SentEmail } from '../../preview/emulator/mail';
import { buildBundle } from '../integration/bundle';
import {
  DAY,
  FIRST_FRIDAY,
  exampleEmulator,
  keyResultsByOwner,
  setKeyResultCell,
} from '../integration/reminderWorkbook';
import { expectAccessible } from './axe';
import { ARTIFACTS_DIR, openBrowser, type Browser } from './harness';

const OWNER = 'sam@example.com';
let browser: Browser;
let email: SentEmail;

beforeAll(async () => {
  buildBundle();
  const emulator = exampleEmulator();
  const [first] = keyResultsByOwner(emulator).get(OWNER)!;
  setKeyResultCell(emulator, first!, 'Key Result', '<script>alert(1)</script>');
  emulator.call('turnOnReminders');
  emulator.runDueTriggers(FIRST_FRIDAY + DAY / 2);
  email = emulator.outbox.find((message) => message.to === OWNER)!;
  browser = await openBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('a reminder email in Chromium', () => {
  it('renders the KR list with the script-like title as text, runs nothing, and is kept as a screenshot', async () => {
    const { page } = browser;
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.setViewportSize({ width: 720, height: 900 });
    await page.setContent(email.htmlBody, { waitUntil: 'load' });

    expect(await page.locator('script').count()).toBe(0);
    expect(await page.locator('body').innerText()).toContain('<script>alert(1)</script>');
    expect(dialogs).toEqual([]);
    await expect(page.locator('h1').textContent()).resolves.toBe('Time for your OKR check-in');
    // The Friday the trigger ran on the spreadsheet's clock, whatever the script's or the process's zone.
    expect(await page.locator('body').innerText()).toContain(
      'The check-in period started on Fri 20 Nov 2026',
    );
    const link = page.getByRole('link', { name: 'Open the OKR sheet to check in' });
    expect(await link.getAttribute('href')).toMatch(/^https:\/\//);
    // The layout stays within a 600 px column, as mail clients expect.
    const card = await page.locator('table[width="600"]').boundingBox();
    expect(card!.width).toBeLessThanOrEqual(600);

    await expectAccessible(page, 'Reminder email');

    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    const path = join(ARTIFACTS_DIR, 'reminder-email.png');
    await page.screenshot({ path, fullPage: true });
    expect(path).toMatch(/reminder-email\.png$/);
  });
});
