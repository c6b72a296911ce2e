/**
 * Import OKRs… in the local preview, in headless Chromium, driven with the keyboard: a workbook
 * laid out as an OKRs + Check-ins + Dashboard template is imported through the real dialog page
 * (sheets, mapping, owner emails, preview, import), then the import is undone. The dialog is kept
 * as artifacts/import-okrs.png for docs/import.md.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame } from 'playwright-core';
import { createEmulator } from '../../preview/emulator/index.js';
import { saveWorkbookFile } from '../../preview/server/workbookFile.js';
import { OKRS_CHECKINS_DASHBOARD } from '../fixtures/importLayouts.js';
import { addSheetWith } from '../integration/emulatorSheets.js';
import { expectAccessible } from './axe.js';
import { openDialog, previewInBrowser, screenshot, sheetValues } from './harness.js';

const NOW = new Date('2026-04-20T09:00:00Z');
const directory = mkdtempSync(join(tmpdir(), 'okr-import-'));
const workbookFile = join(directory, 'their-okrs.json');

/** The team's workbook as the preview loads it: their three tabs, nothing of ours. */
function saveTheirWorkbook(): void {
  const emulator = createEmulator({ now: NOW, sheetNames: [] });
  for (const sheet of OKRS_CHECKINS_DASHBOARD.sheets)
    addSheetWith(emulator, sheet.name, sheet.values);
  saveWorkbookFile(workbookFile, emulator.toJSON());
}
saveTheirWorkbook();
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('the Import OKRs dialog in the preview', () => {
  const opened = previewInBrowser({ now: NOW, workbook: workbookFile });
  let dialog: Frame;

  beforeAll(async () => {
    dialog = await openDialog(opened.browser.page, 'showImportDialog');
    await dialog.locator('#choose:not([hidden])').waitFor();
  });

  it('offers the sheets that look like OKRs, ticked', async () => {
    const ticked = await dialog
      .locator('input[data-sheet]:checked')
      .evaluateAll((boxes) => boxes.map((box) => box.getAttribute('data-sheet')));
    expect(ticked).toEqual(['OKRs', 'Check-ins', 'Dashboard']);
    await expectAccessible(dialog, 'Import dialog, choosing sheets');
  });

  it('previews the mapping, the owners and the rows, and says which sheet of theirs is renamed', async () => {
    await dialog.locator('#preview').focus();
    await dialog.locator('#preview').press('Enter');
    await dialog.locator('#review:not([hidden])').waitFor();
    expect(await dialog.locator('#summary').textContent()).toBe(
      '2 objectives, 3 key results and 3 check-ins will be imported into 2026 Q2.',
    );
    expect(await dialog.locator('#renames li').allTextContents()).toEqual([
      expect.stringContaining('Your sheet "Check-ins" will be renamed "Check-ins (original)"'),
    ]);
    expect(await dialog.locator('#owners label').allTextContents()).toEqual(['Sarah', 'Tom']);
    const ownerColumn = dialog.locator('select[data-sheet="OKRs"][data-column="2"]');
    expect(await ownerColumn.inputValue()).toBe('owner');
    await expectAccessible(dialog, 'Import dialog, reviewing the mapping');
  });

  it('imports with the owner emails typed in, leaving their sheets as they were', async () => {
    const okrsBefore = sheetValues(opened.preview, 'OKRs');
    await dialog.locator('#owner-0').focus();
    await opened.browser.page.keyboard.type('sarah@example.com');
    await opened.browser.page.keyboard.press('Tab');
    await opened.browser.page.keyboard.type('tom@example.com');
    await opened.browser.page.keyboard.press('Tab');
    await dialog.locator('#refresh').press('Enter');
    await dialog.locator('#import').press('Enter');
    await dialog.locator('#done:not([hidden])').waitFor();
    expect(await dialog.locator('#done-text').textContent()).toBe(
      'Imported 2 objectives, 3 key results and 3 check-ins into 2026 Q2.',
    );
    await screenshot(opened.browser.page, 'import-okrs');
    await expectAccessible(dialog, 'Import dialog, imported');
    const keyResults = sheetValues(opened.preview, 'Key Results');
    const owner = keyResults[0]!.indexOf('Owner');
    expect(keyResults.slice(1).map((row) => row[owner])).toEqual([
      'sarah@example.com',
      'sarah@example.com',
      'tom@example.com',
    ]);
    expect(sheetValues(opened.preview, 'OKRs')).toEqual(okrsBefore);
    expect(sheetValues(opened.preview, 'Check-ins (original)')).toHaveLength(4);
  });

  it('undoes the import from the same dialog', async () => {
    await dialog.locator('#undo-done').press('Enter');
    await dialog.locator('#done-text', { hasText: 'was undone' }).waitFor();
    await expectAccessible(dialog, 'Import dialog, undone');
    const names = opened.preview.session.emulator.uncounted(() =>
      opened.preview.session.emulator.spreadsheet.getSheets().map((sheet) => sheet.getName()),
    );
    expect(names).toEqual(['OKRs', 'Check-ins', 'Dashboard']);
  });
});
