/**
 * The preview's company example in headless Chromium (`npm start -- --example company`): a
 * company spreadsheet rolling up three team spreadsheets, a spreadsheet switcher, and a check-in
 * in a team spreadsheet that moves the company's roll-up. Captures docs/images/rollup*.png.
 */
import { describe, expect, it } from 'vitest';
import { COMPANY_LEAD } from '../../preview/server/companyExample.js';
import { expectAccessible } from './axe.js';
import {
  cellText,
  docScreenshot,
  openDialog,
  openSidebar,
  previewInBrowser,
  settled,
  showSheet,
} from './harness.js';

const START = new Date(Date.UTC(2026, 1, 16, 9));

describe('the company example in the preview', () => {
  const opened = previewInBrowser({ example: 'company', now: START });
  const before: Record<string, number> = {};

  it('opens the company spreadsheet on its Roll-up, with every team spreadsheet to switch to', async () => {
    const { page } = opened.browser;
    await expect(page.locator('#doc-name').textContent()).resolves.toBe('Company OKRs');
    const names = await page.locator('#workbook-select option').allTextContents();
    expect(names).toEqual(['Company OKRs', 'Sales OKRs', 'Support OKRs', 'Platform OKRs']);
    await showSheet(page, 'Roll-up');
    expect(await cellText(page, 'A1')).toBe('OKR Company Roll-up');
    expect(await cellText(page, 'A5')).toBe('Sales');
    expect(await cellText(page, 'H5')).toBe('Connected');
    // No team has checked in yet: too few points for a forecast.
    expect(await cellText(page, 'G5')).toBe('');
    before.sales = Number(await cellText(page, 'C5'));
    before.c1 = Number(await cellText(page, 'D10'));
    expect(before.sales).toBeGreaterThan(0);
    expect(await cellText(page, 'A10')).toBe('C1');
    expect(opened.preview.session.emulator.activeUser).toBe(COMPANY_LEAD);
    await docScreenshot(page, 'rollup');
  });

  it('checks in on a Sales key result in the Sales spreadsheet, as its owner', async () => {
    const { page } = opened.browser;
    await page.locator('#workbook-select').selectOption({ label: 'Sales OKRs' });
    await settled(page);
    await expect(page.locator('#doc-name').textContent()).resolves.toBe('Sales OKRs');
    await page.locator('#user-select').selectOption('sam@example.com');
    await settled(page);
    const sidebar = await openSidebar(page, 'showCheckInSidebar');
    await sidebar.locator('[data-key-result-id="KR1"]').first().click();
    await sidebar.locator('#value').fill('40');
    await sidebar.locator('#confidence').fill('9');
    await sidebar.locator('#progress').fill('Closed the last big deals');
    await sidebar.locator('#save').click();
    await sidebar.locator('#saved-banner').waitFor({ state: 'visible' });
  });

  it("shows the check-in in the company's roll-up: the team's score and the aligned company objective", async () => {
    const { page } = opened.browser;
    await page.locator('#workbook-select').selectOption({ label: 'Company OKRs' });
    await settled(page);
    await showSheet(page, 'Roll-up');
    expect(Number(await cellText(page, 'C5'))).toBeGreaterThan(before.sales!);
    // Sales' forecast, from the Forecast column its own sheet spills, now that KR1 has a check-in.
    expect(await cellText(page, 'G5')).toMatch(/^(0|1)(\.\d+)?$/);
    expect(Number(await cellText(page, 'D10'))).toBeGreaterThan(before.c1!);
    await docScreenshot(page, 'rollup-after-check-in');
  });

  it('reports on the team spreadsheets in a dialog with no WCAG 2.1 AA violation', async () => {
    const { page } = opened.browser;
    const report = await openDialog(page, 'checkTeamSpreadsheets');
    await expect(report.locator('h3').allTextContents()).resolves.toEqual(
      expect.arrayContaining(['Sales']),
    );
    await expectAccessible(report, 'Team spreadsheets dialog');
    await page.keyboard.press('Escape');
    await page.locator('#overlay').waitFor({ state: 'hidden' });
  });
});
