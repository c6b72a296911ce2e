import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  cellText,
  openSidebar,
  previewInBrowser,
  runMenuItem,
  screenshot,
  settled,
  sheetValues,
  showSheet,
} from './harness.js';

const START = new Date(Date.UTC(2026, 10, 23, 9));

function letters(column: number): string {
  return String.fromCharCode(64 + column);
}

describe('the preview in a browser', () => {
  const opened = previewInBrowser({ now: START });

  it('shows the example key results with progress computed by the bundle', async () => {
    const { page } = opened.browser;
    await showSheet(page, 'Key Results');
    const table = sheetValues(opened.preview, 'Key Results');
    const header = table[0]!.map(String);
    const column = (name: string) => header.indexOf(name);
    const row = table[1]!;
    const progress = opened.preview.session.emulator.call(
      'OKRPROGRESS',
      row[column('Type')],
      row[column('Start')],
      row[column('Target')],
      row[column('Current')],
    ) as number;
    expect(await cellText(page, `${letters(column('Progress') + 1)}2`)).toBe(
      `${Math.round(progress * 100)}%`,
    );
    expect(await cellText(page, 'A2')).toBe(String(row[column('ID')]));
  });

  it('builds the dashboard from the menu and shows the scores OKRSCORE computes from the table', async () => {
    const { page } = opened.browser;
    await runMenuItem(page, 'buildDashboard');
    await showSheet(page, 'Dashboard');
    const dashboard = opened.preview.session
      .state()
      .sheets.find((sheet) => sheet.name === 'Dashboard')!;
    const headerRow = dashboard.cells.findIndex(
      (line) => line[0]?.text === 'ID' && line.some((cell) => cell.text === 'Score'),
    );
    expect(headerRow).toBeGreaterThan(0);
    const scoreColumn = dashboard.cells[headerRow]!.findIndex((cell) => cell.text === 'Score') + 1;
    const table = sheetValues(opened.preview, 'Key Results');
    let compared = 0;
    for (let row = headerRow + 2; dashboard.cells[row - 1]?.[0]?.text; row++) {
      const objectiveId = dashboard.cells[row - 1]![0]!.text;
      const score = opened.preview.session.emulator.call('OKRSCORE', table, objectiveId) as number;
      expect(await cellText(page, `${letters(scoreColumn)}${row}`), `score of ${objectiveId}`).toBe(
        score.toFixed(2),
      );
      compared++;
    }
    expect(compared).toBeGreaterThanOrEqual(3);
    const overallRow = dashboard.cells.findIndex((line) => line[0]?.text === 'Overall score') + 1;
    const overall = opened.preview.session.emulator.call('OKRSCORE', table) as number;
    expect(await cellText(page, `B${overallRow}`)).toBe(overall.toFixed(2));
  });

  it('takes a screenshot of the dashboard as a test artifact', async () => {
    const path = await screenshot(opened.browser.page, 'preview-dashboard');
    expect(statSync(path).size).toBeGreaterThan(10_000);
  });

  it('writes what is typed into a cell through the emulator and evaluates it', async () => {
    const { page } = opened.browser;
    await showSheet(page, 'KPIs');
    await page.locator('#grid td[data-cell="J2"]').click();
    const written = page.waitForResponse((response) => response.url().endsWith('/api/cell'));
    await page.keyboard.type('=OKRSTATUS(0.2, 0.5)');
    await page.keyboard.press('Enter');
    await written;
    await expect.poll(() => cellText(page, 'J2')).toBe('Off track');
    await page.locator('#grid td[data-cell="J2"]').click();
    expect(await page.locator('#formula-input').inputValue()).toBe('=OKRSTATUS(0.2, 0.5)');
  });

  it('opens the check-in sidebar 300 px wide beside the grid, with google.script.run available', async () => {
    const { page } = opened.browser;
    const sidebar = await openSidebar(page, 'showCheckInSidebar');
    const box = await page.locator('#sidebar').boundingBox();
    expect(box?.width).toBe(300);
    expect(
      await sidebar.evaluate(
        () =>
          typeof (globalThis as unknown as { google?: { script?: { run?: unknown } } }).google
            ?.script?.run,
      ),
    ).toBe('object');
    await screenshot(page, 'preview-sidebar');
  });

  it('plays out the reminder trigger by moving the clock, and shows the emails in the outbox', async () => {
    const { page } = opened.browser;
    await runMenuItem(page, 'turnOnReminders');
    await page.locator('#modal button.primary').click();
    await page.locator('#open-triggers').click();
    await expect
      .poll(() => page.locator('#modal .trigger-name').allTextContents())
      .toEqual(['runDailyReminders']);
    await page.locator('#clock-input').fill('2026-11-27T10:30');
    const moved = page.waitForResponse((response) => response.url().endsWith('/api/clock'));
    await page.locator('.clock-form button').click();
    await moved;
    await settled(page);
    const sent = opened.preview.session.emulator.outbox;
    expect(sent.length).toBeGreaterThan(0);
    expect(await page.locator('#outbox-count').textContent()).toBe(String(sent.length));
    await page.locator('#open-outbox').click();
    await expect
      .poll(() => page.locator('#modal .email-row .email-to').allTextContents())
      .toEqual(sent.map((email) => email.to));
    expect(await page.locator('#modal .email-frame').getAttribute('sandbox')).toBe('');
    await screenshot(page, 'preview-outbox');
    await page.locator('#modal-close').click();
  });
});
