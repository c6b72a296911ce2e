/**
 * Close cycle… in the local preview, in headless Chromium: the real dialog page shows the final
 * scores, takes lessons and the key results to carry, and closes the cycle through
 * google.script.run. The dialog is docs/images/close-cycle.png (docs/dashboard.md).
 */
import { statSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Frame } from 'playwright-core';
import { docScreenshot, openDialog, previewInBrowser, sheetValues } from './harness.js';

const START = new Date(Date.UTC(2027, 0, 4, 9));

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
  });
});
