/**
 * Close cycle… in the local preview, in headless Chromium: the real dialog page shows the final
 * scores, takes lessons and the key results to carry, and closes the cycle through
 * google.script.run. The dialog is docs/images/close-cycle.png (docs/dashboard.md).
 */
import { statSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Frame } from 'playwright-core';
import { onSpreadsheetClock, spreadsheetDay } from '../integration/spreadsheetClock';
import {
  docScreenshot,
  openDialog,
  previewInBrowser,
  runMenuItem,
  sheetValues,
  showSheet,
} from './harness.js';

/** Monday 4 January 2027 on the spreadsheet's clock, in the example's cycle 2027-Q1. */
const START = onSpreadsheetClock('2027-01-04T09:00');

describe('the Close cycle dialog in the preview', () => {
  const opened = previewInBrowser({ now: START });
  let dialog: Frame;

  beforeAll(async () => {
    dialog = await openDialog(opened.browser.page, 'showCloseCycleDialog');
    await dialog.locator('#form:not([hidden])').waitFor();
  });

  it('shows every objective with its final score, a lessons box and key results to carry', async () => {
    const objectiveCount = sheetValues(opened.preview, 'Objectives').length - 1;
    expect(await dialog.locator('.objective-card').count()).toBe(objectiveCount);
    expect(await dialog.locator('#next-cycle').textContent()).toMatch(/^Opens 2027-Q2: /);
    expect(await dialog.locator('input[data-key-result]:checked').count()).toBeGreaterThan(0);
    const path = await docScreenshot(opened.browser.page, 'close-cycle');
    expect(statSync(path).size).toBeGreaterThan(10_000);
  });

  it('closes the cycle with the lessons typed and the key results ticked, after confirming', async () => {
    const firstCard = dialog.locator('.objective-card').first();
    const objectiveId = await firstCard.getAttribute('data-objective');
    await firstCard.locator('textarea').fill('<b>Start the pricing work a month earlier</b>');
    const boxes = dialog.locator('input[data-key-result]');
    const boxCount = await boxes.count();
    for (let index = 0; index < boxCount; index++) await boxes.nth(index).setChecked(index === 0);
    const carriedFrom = await dialog
      .locator('input[data-key-result]')
      .first()
      .getAttribute('data-key-result');
    await dialog.locator('#submit').click();
    await dialog.locator('#confirm:not([hidden])').waitFor();
    expect(await dialog.locator('#confirm-text').textContent()).toMatch(
      /1 key result carried into 2027-Q2\.$/,
    );
    await dialog.locator('#confirm-close').click();
    await dialog.locator('#done:not([hidden])').waitFor();
    expect(await dialog.locator('#done-text').textContent()).toMatch(
      /^2027-Q1 is closed: \d+ rows archived\. 2027-Q2 is open/,
    );
    expect(await dialog.locator('#carried li').allTextContents()).toEqual([
      `${carriedFrom} carried forward as ${carriedFrom}-2`,
    ]);

    // The live table holds the new cycle only: the carried key result.
    const ids = sheetValues(opened.preview, 'Key Results')
      .slice(1)
      .map((row) => row[0])
      .filter((id) => id !== '');
    expect(ids).toEqual([`${carriedFrom}-2`]);
    const archive = sheetValues(opened.preview, 'Archive');
    const lessons = archive.find((row) => row[2] === 'Objective' && row[3] === objectiveId)![10];
    expect(lessons).toBe('<b>Start the pricing work a month earlier</b>');
    // The day it closed and the cycle's dates are the spreadsheet's calendar days, on screen too.
    const row = archive.findIndex((cells) => cells[2] === 'Objective' && cells[3] === objectiveId);
    const dayColumns = [1, 11, 12];
    const expected = ['2027-01-04', '2027-01-01', '2027-03-31'];
    expect(dayColumns.map((column) => spreadsheetDay(archive[row]![column] as Date))).toEqual(
      expected,
    );
    const shown = opened.preview.session.state().sheets.find((sheet) => sheet.name === 'Archive')!;
    expect(dayColumns.map((column) => shown.cells[row]![column]!.text)).toEqual(expected);
  });

  it('builds the new cycle’s calendar from the menu on the spreadsheet’s days', async () => {
    const { page } = opened.browser;
    await page.locator('#modal-close').click();
    await runMenuItem(page, 'buildCycleCalendar');
    await showSheet(page, 'Calendar');
    const shown = opened.preview.session.state().sheets.find((sheet) => sheet.name === 'Calendar')!;
    const events = shown.cells
      .filter((line) => /^\d{4}-\d{2}-\d{2}$/.test(line[0]!.text))
      .map((line) => [line[0]!.text, line[1]!.text, line[3]!.text]);
    expect(events.slice(0, 3)).toEqual([
      ['2027-03-25', 'Thursday', 'Planning week begins'],
      ['2027-03-31', 'Wednesday', 'Planning week ends'],
      ['2027-04-01', 'Thursday', '2027-Q2 begins'],
    ]);
    expect(events.at(-1)![0]).toMatch(/^2027-0[67]-/);
  });
});
