/**
 * The dashboard and the health check in the local preview, in headless Chromium: built from the
 * menu on the example OKRs, shown with their colours, and captured for docs/dashboard.md and
 * docs/health.md (docs/images/dashboard.png, health.png, health-dialog.png by npm run screenshots).
 */
import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  type Browser,
  cellText,
  docScreenshot,
  previewInBrowser,
  runMenuItem,
  sheetValues,
  showSheet,
} from './harness.js';

const START = new Date(Date.UTC(2026, 10, 23, 9));

/** Clears the toasts so the docs screenshots show the sheet. */
async function clearToasts(page: Browser['page']): Promise<void> {
  await page.locator('#toasts').evaluate((toasts) => toasts.replaceChildren());
}

describe('the dashboard and health check in the preview', () => {
  const opened = previewInBrowser({ now: START });

  it('builds the dashboard from the menu and shows scores with two decimals', async () => {
    const { page } = opened.browser;
    await runMenuItem(page, 'buildDashboard');
    await showSheet(page, 'Dashboard');
    expect(await cellText(page, 'A1')).toBe('OKR Dashboard');
    const values = sheetValues(opened.preview, 'Dashboard');
    const header = values.findIndex((row) => row[0] === 'ID' && row[5] === 'Score');
    const score = values[header + 1]![5] as number;
    expect(typeof score).toBe('number');
    expect(await cellText(page, `F${header + 2}`)).toBe(score.toFixed(2));
    await clearToasts(page);
    const path = await docScreenshot(page, 'dashboard');
    expect(statSync(path).size).toBeGreaterThan(10_000);
  });

  it('colours every score by the band of the number it shows, and counts the bands the same way', async () => {
    const dashboard = opened.preview.session
      .state()
      .sheets.find((sheet) => sheet.name === 'Dashboard')!;
    const bandOf = (shown: number) =>
      shown >= 0.7 ? '#b7e1cd' : shown >= 0.4 ? '#fce8b2' : '#f4c7c3';
    const header = dashboard.cells.findIndex((line) => line[5]?.text === 'Score');
    const scoreCells = [
      dashboard.cells[3]![1]!,
      ...dashboard.cells.slice(header + 1).map((line) => line[5]!),
    ].filter((cell) => /^\d\.\d\d$/.test(cell.text));
    expect(scoreCells.length).toBeGreaterThanOrEqual(6);
    const counts = { '#b7e1cd': 0, '#fce8b2': 0, '#f4c7c3': 0 };
    for (const cell of scoreCells) {
      expect(cell.background, `colour of ${cell.text}`).toBe(bandOf(Number(cell.text)));
      if (cell !== dashboard.cells[3]![1]) counts[bandOf(Number(cell.text))] += 1;
    }
    const legend = dashboard.cells.slice(2, 5).map((line) => [line[3]!.text, line[4]!.text]);
    expect(legend).toEqual([
      ['Green (0.70–1.00)', String(counts['#b7e1cd'])],
      ['Yellow (0.40–0.69)', String(counts['#fce8b2'])],
      ['Red (0.00–0.39)', String(counts['#f4c7c3'])],
    ]);
  });

  it('draws planned vs actual and the score distribution next to the tables', async () => {
    const { page } = opened.browser;
    const charts = page.locator('#charts .chart');
    expect(await charts.count()).toBe(2);
    expect(await charts.first().locator('figcaption').textContent()).toBe(
      'Planned vs actual per objective',
    );
    await charts.first().scrollIntoViewIfNeeded();
    await clearToasts(page);
    const path = await docScreenshot(page, 'dashboard-charts');
    expect(statSync(path).size).toBeGreaterThan(10_000);
  });

  it('checks OKR health from the menu: a summary dialog and the Health sheet', async () => {
    const { page } = opened.browser;
    await runMenuItem(page, 'checkOkrHealth');
    await page.locator('#overlay:not([hidden]) iframe.dialog-frame').waitFor();
    const frame = await (await page.locator('iframe.dialog-frame').elementHandle())!.contentFrame();
    expect(await frame!.locator('body').textContent()).toMatch(/red flag|No red flags/);
    await clearToasts(page);
    const dialogPath = await docScreenshot(page, 'health-dialog');
    expect(statSync(dialogPath).size).toBeGreaterThan(10_000);
    await page.locator('#modal-close').click();
    await showSheet(page, 'Health');
    await page.locator('#grid-scroll').evaluate((grid) => grid.scrollTo(0, 0));
    expect(await cellText(page, 'A1')).toBe('OKR Health Check');
    expect(await cellText(page, 'A5')).toBe('Red flag');
    await clearToasts(page);
    const path = await docScreenshot(page, 'health');
    expect(statSync(path).size).toBeGreaterThan(10_000);
  });
});
