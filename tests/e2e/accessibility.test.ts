/**
 * axe-core (WCAG 2.1 A and AA) on every page of the add-on in each of its states, and on the
 * preview page around them, in headless Chromium; plus what axe cannot see: focus after an
 * error, the saved message announced, boxes told apart, a list scrolled by keyboard.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './axe';
import {
  openDialog,
  openSidebar,
  previewInBrowser,
  runMenuItem,
  settled,
  showSheet,
} from './harness';
import { onSpreadsheetClock } from '../integration/spreadsheetClock';

/** Escape closes the dialog on top; waits until the page has taken it away. */
async function closeWithEscape(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await page.locator('#overlay').waitFor({ state: 'hidden' });
  await settled(page);
}

// A Friday on the spreadsheet's clock, the example's check-in day, after the reminder hour:
// reminders have recipients.
const NOW = onSpreadsheetClock('2026-11-20T10:00');

// Each test runs axe several times: room for a loaded 2-core machine.
describe(
  'accessibility of the add-on pages and the preview (WCAG 2.1 AA, axe-core)',
  { timeout: 90_000 },
  () => {
    const opened = previewInBrowser({ now: NOW });

    it('finds no violation on the preview page: a sheet, the dashboard and the open Extensions menu', async () => {
      const { page } = opened.browser;
      await expectAccessible(page, 'Preview page on Key Results');
      await runMenuItem(page, 'buildDashboard');
      await page.locator('#grid[data-sheet="Dashboard"]').waitFor();
      await expectAccessible(page, 'Preview page on the Dashboard sheet');
      await page.locator('#menu-extensions').click();
      await page.locator('#menu-addon').hover();
      await page.locator('#menu-addon .has-submenu').first().hover();
      await expectAccessible(page, 'Preview page with the Extensions menu open');
      await page.keyboard.press('Escape');
      await showSheet(page, 'Key Results');
    });

    it('finds no violation in the check-in sidebar: list, form, errors and saved message', async () => {
      const { page } = opened.browser;
      const sidebar = await openSidebar(page, 'showCheckInSidebar');
      await sidebar.locator('#picker').waitFor({ state: 'visible' });
      await expectAccessible(sidebar, 'Check-in sidebar, list');
      await expectAccessible(page, 'Preview page with the check-in sidebar');
      await sidebar.locator('#my-key-results .kr-item').first().click();
      await sidebar.locator('#check-in-form').waitFor({ state: 'visible' });
      await expectAccessible(sidebar, 'Check-in sidebar, form');

      await sidebar.locator('#value').fill('');
      await sidebar.locator('#save').click();
      await sidebar.locator('#value-error:not(:empty)').waitFor();
      await expectAccessible(sidebar, 'Check-in sidebar, form with an error');

      await sidebar.locator('#value').fill('3');
      await sidebar.locator('#progress').fill('Three done');
      await sidebar.locator('#save').click();
      await sidebar.locator('#saved-banner').waitFor({ state: 'visible' });
      await expectAccessible(sidebar, 'Check-in sidebar, saved');
    });

    it('keeps a visible focus ring on a field with an error', async () => {
      const sidebar = await openSidebar(opened.browser.page, 'showCheckInSidebar');
      await sidebar.locator('#my-key-results .kr-item').first().click();
      await sidebar.locator('#check-in-form').waitFor({ state: 'visible' });
      const value = sidebar.locator('#value');
      await value.fill('');
      await sidebar.locator('#save').click();
      await expect(value.getAttribute('aria-invalid')).resolves.toBe('true');
      // Focus moved to the field in error; its ring is the page's focus blue around the red border.
      expect(await sidebar.evaluate<string>('document.activeElement.id')).toBe('value');
      const ring = "getComputedStyle(document.getElementById('value')).boxShadow";
      const focused = await sidebar.evaluate<string>(ring);
      await sidebar.locator('#progress').focus();
      const blurred = await sidebar.evaluate<string>(ring);
      expect(focused).toContain('rgb(26, 115, 232)');
      expect(blurred).not.toContain('rgb(26, 115, 232)');
    });

    it('moves the focus to the message when a save fails for the whole check-in', async () => {
      const { page } = opened.browser;
      const sidebar = await openSidebar(page, 'showCheckInSidebar');
      await sidebar.locator('#my-key-results .kr-item').first().click();
      await sidebar.locator('#check-in-form').waitFor({ state: 'visible' });
      await sidebar.locator('#value').fill('4');
      await page.route('**/api/run', (route) =>
        route.fulfill({
          contentType: 'application/json',
          body: JSON.stringify({ ok: false, error: 'The spreadsheet is busy. Try again.' }),
        }),
      );
      await sidebar.locator('#save').click();
      await sidebar.locator('#form-error', { hasText: 'The spreadsheet is busy' }).waitFor();
      await page.unroute('**/api/run');
      expect(await sidebar.evaluate<string>('document.activeElement.id')).toBe('form-error');
      await expectAccessible(sidebar, 'Check-in sidebar, save failed');
    });

    it('sets the saved message only while its live region is on screen', async () => {
      const sidebar = await openSidebar(opened.browser.page, 'showCheckInSidebar');
      await sidebar.locator('#my-key-results .kr-item').first().click();
      await sidebar.locator('#check-in-form').waitFor({ state: 'visible' });
      // Records, as the page sets the region's text, whether the region is rendered at that moment.
      await sidebar.evaluate(`{
      const region = document.getElementById('saved-banner');
      const text = Object.getOwnPropertyDescriptor(Node.prototype, 'textContent');
      window.seen = [];
      Object.defineProperty(region, 'textContent', {
        configurable: true,
        get: () => text.get.call(region),
        set: (value) => {
          window.seen.push({ text: value, rendered: region.checkVisibility() });
          text.set.call(region, value);
        },
      });
    }`);
      await sidebar.locator('#value').fill('5');
      await sidebar.locator('#save').click();
      await sidebar.locator('#saved-banner').waitFor({ state: 'visible' });
      const seen = await sidebar.evaluate<{ text: string; rendered: boolean }[]>('window.seen');
      const announced = seen.filter((change) => change.text.startsWith('Check-in saved'));
      expect(announced).toHaveLength(1);
      expect(announced[0]!.rendered).toBe(true);
      expect(await sidebar.locator('#saved-banner').getAttribute('role')).toBe('status');
    });

    it('finds no violation in the Help sidebar', async () => {
      const help = await openSidebar(opened.browser.page, 'showHelp');
      await help.locator('h1').first().waitFor();
      await expectAccessible(help, 'Help sidebar');
    });

    it('finds no violation in Close cycle, whose lessons boxes each name their objective', async () => {
      const { page } = opened.browser;
      const dialog = await openDialog(page, 'showCloseCycleDialog');
      await dialog.locator('#form:not([hidden])').waitFor();
      await expectAccessible(dialog, 'Close cycle dialog');
      await expectAccessible(page, 'Preview page with the Close cycle dialog');
      // The names as assistive technology gets them (Chromium's accessibility tree).
      const boxes = dialog.locator('textarea[data-lessons]');
      const names: string[] = [];
      for (let index = 0; index < (await boxes.count()); index++)
        names.push(await boxes.nth(index).ariaSnapshot());
      expect(names.length).toBeGreaterThan(1);
      expect(new Set(names).size).toBe(names.length);
      expect(names[0]).toMatch(/^- textbox "Lessons learned for \S+ · /);
      await dialog.locator('#submit').click();
      await dialog.locator('#confirm:not([hidden])').waitFor();
      await expectAccessible(dialog, 'Close cycle dialog, confirmation');
      await closeWithEscape(page);
    });

    it('finds no violation in Preview reminders, whose recipient list scrolls by keyboard', async () => {
      const { page } = opened.browser;
      const dialog = await openDialog(page, 'previewReminders');
      await dialog.locator('#content').waitFor();
      await expectAccessible(dialog, 'Preview reminders dialog');
      const list = dialog.getByRole('navigation', { name: 'Recipients' });
      const sizes = await list.evaluate((node) => [node.scrollHeight, node.clientHeight]);
      expect(sizes[0]).toBeGreaterThan(sizes[1]!);
      await list.focus();
      await page.keyboard.press('End');
      await expect.poll(() => list.evaluate((node) => node.scrollTop)).toBeGreaterThan(0);
      await closeWithEscape(page);
    });

    it('finds no violation in the health dialog, an alert, the outbox and the triggers panel', async () => {
      const { page } = opened.browser;
      const health = await openDialog(page, 'checkOkrHealth');
      await expectAccessible(health, 'Health dialog');
      await closeWithEscape(page);
      await runMenuItem(page, 'sendRemindersNow');
      await page.locator('#modal[data-kind="alert"]').waitFor();
      await expectAccessible(page, 'Preview page with an alert');
      await page.keyboard.press('Escape');
      await page.locator('#open-outbox').click();
      await page.locator('.email-row').first().waitFor();
      await expectAccessible(page, 'Outbox panel');
      await page.keyboard.press('Escape');
      await page.locator('#open-triggers').click();
      await expectAccessible(page, 'Triggers panel');
      await page.keyboard.press('Escape');
    });
  },
);
