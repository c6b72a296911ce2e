/**
 * The forecast sentence in the check-in sidebar, in headless Chromium on the example workbook:
 * each key result says where it lands at the pace of its check-ins (the Key Results sheet's
 * Forecast column, computed by the preview's formulas) and, after a save, the new forecast.
 */
import type { Frame } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PreviewServer } from '../../preview/server/server';
import {
  appendByHeader,
  docScreenshot,
  openSidebar,
  previewInBrowser,
  screenshot,
  sheetValues,
  showSheet,
} from './harness';
import { onSpreadsheetClock } from '../integration/spreadsheetClock';

/** "At this pace: 60% by Jan 11 · needs +10.6 a week to reach 100 teams" in the browser's en-US. */
const SENTENCE =
  /^At this pace: (\d+)% by [A-Z][a-z]{2} \d{1,2} · needs \+[\d,.]+ a week to reach 100 teams$/;
const USER = 'pace@example.com';
const DAY = 86_400_000;
/** `days` after Monday 16 November 2026, at `time` on the spreadsheet's clock. */
const at = (days: number, time = '09:00') =>
  onSpreadsheetClock(
    `${new Date(Date.UTC(2026, 10, 16) + days * DAY).toISOString().slice(0, 10)}T${time}`,
  );

const opened = previewInBrowser({ now: at(0), user: USER });
let sidebar: Frame;

/**
 * A key result of the user's, 0 → 100 teams over twelve weeks from four weeks ago, checked in at
 * 5 a week: the line through (0, 0), (7, 5), (14, 10), (21, 15) reaches 60 on day 84.
 */
function addSlowKeyResult(preview: PreviewServer): void {
  const objectiveId = String(sheetValues(preview, 'Objectives')[1]![0]);
  appendByHeader(preview, 'Key Results', {
    ID: 'KR-PACE',
    'Objective ID': objectiveId,
    'Key Result': 'Onboard teams at a steady pace',
    Owner: USER,
    Type: 'increase',
    Unit: 'teams',
    Start: 0,
    Target: 100,
    Current: 15,
    'Start Date': at(-28, '00:00'),
    'Due Date': at(56, '00:00'),
  });
  for (const week of [1, 2, 3]) {
    appendByHeader(preview, 'Check-ins', {
      Timestamp: at(-28 + week * 7),
      'Key Result ID': 'KR-PACE',
      Value: week * 5,
    });
  }
}

beforeAll(async () => {
  addSlowKeyResult(opened.preview);
  await showSheet(opened.browser.page, 'Key Results');
  sidebar = await openSidebar(opened.browser.page, 'showCheckInSidebar');
  await sidebar.locator('#picker').waitFor({ state: 'visible' });
});

/** KR-PACE's value in the Key Results sheet's Forecast column, as the preview's formulas compute it. */
function forecastCell(): number {
  const [header, ...rows] = sheetValues(opened.preview, 'Key Results');
  const column = header!.map(String).indexOf('Forecast');
  return Number(rows.find((row) => row[0] === 'KR-PACE')![column]);
}

const forecastOf = (container: string) =>
  sidebar.locator(`${container} [data-key-result-id="KR-PACE"] .forecast`).textContent();

describe('the forecast in the check-in sidebar', () => {
  it('says under the key result where it lands at this pace and the pace it needs', async () => {
    // The sheet's Forecast cell (about 60%: check-ins land at 09:00, not midnight); 85 teams to go in 8 weeks.
    const sheetForecast = Math.round(forecastCell() * 100);
    expect(sheetForecast).toBeGreaterThanOrEqual(58);
    expect(sheetForecast).toBeLessThanOrEqual(60);
    await expect(forecastOf('#my-key-results')).resolves.toBe(
      `At this pace: ${sheetForecast}% by Jan 11 · needs +10.6 a week to reach 100 teams`,
    );
    await screenshot(opened.browser.page, 'sidebar-forecast-list');
  });

  it('says the same in the form, and the new forecast after a save', async () => {
    const before = await forecastOf('#my-key-results');
    await sidebar.locator('#my-key-results [data-key-result-id="KR-PACE"]').click();
    await sidebar.locator('#check-in-form').waitFor({ state: 'visible' });
    await expect(sidebar.locator('#kr-progress .forecast').textContent()).resolves.toBe(before);
    // The last check-in (Monday 9 November, 09:00 on the spreadsheet's clock) on its calendar day.
    const lastCheckIn = sidebar.locator('.kr-card__last-date time');
    await expect(lastCheckIn.getAttribute('datetime')).resolves.toMatch(/^2026-11-09T09:00/);
    // A week before the spreadsheet's today (the preview's clock, not the machine's).
    await expect(lastCheckIn.textContent()).resolves.toBe('Nov 9, 2026 (7 days ago)');
    await docScreenshot(opened.browser.page, 'check-in-forecast');
    await sidebar.locator('#value').fill('40');
    await sidebar.locator('#save').click();
    await sidebar.locator('#saved-banner').waitFor({ state: 'visible' });
    const after = (await forecastOf('#my-key-results'))!;
    expect(after).toMatch(SENTENCE);
    // A jump to 40 steepens the line: more than 60% by the due date, and 7.5 a week to go.
    expect(Number(SENTENCE.exec(after)![1])).toBeGreaterThan(60);
    expect(after).toContain('needs +7.5 a week');
    await screenshot(opened.browser.page, 'sidebar-forecast-after-save');
  });
});
