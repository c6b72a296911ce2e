/**
 * The check-in sidebar in the local preview, in headless Chromium: the real page, its
 * google.script.run calls reaching the built bundle, and the grid showing what was saved.
 */
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { columnLetters } from '../../preview/emulator/index';
import type { PreviewServer } from '../../preview/server/server';
import {
  appendByHeader as appendToSheet,
  ARTIFACTS_DIR,
  cellText,
  openBrowser,
  openPreview,
  openSidebar,
  screenshot,
  showSheet,
  startPreview,
  type Browser,
} from './harness';

const USER = 'owner@example.com';
const XSS_TITLE = '<img src=x onerror=alert(1)>';

let preview: PreviewServer;
let browser: Browser;
let page: Page;
let sidebar: Frame;
const dialogs: string[] = [];
/** Requests to anything but the preview server (fonts, CDNs): there must be none. */
const outsideRequests: string[] = [];
/** Where the added key result sits in the Key Results sheet. */
let row = 0;
let currentColumn = '';
let typeColumn = '';
let milestoneKeyResultRow = 0;
let milestoneRow = 0;

/** Writes `fields` (by header) into the first empty row of a sheet; returns that row. */
const appendByHeader = (sheetName: string, fields: Record<string, unknown>): number =>
  appendToSheet(preview, sheetName, fields);

/** Adds two key results owned by the preview's user: one titled like markup, one with milestones. */
function addKeyResults(): void {
  const emulator = preview.session.emulator;
  const objectiveId = emulator.uncounted(() =>
    String(emulator.spreadsheet.getSheetByName('Objectives')!.getRange(2, 1).getValue()),
  );
  const header = emulator.uncounted(() =>
    emulator.spreadsheet.getSheetByName('Key Results')!.getDataRange().getValues()[0]!.map(String),
  );
  currentColumn = columnLetters(header.indexOf('Current') + 1);
  typeColumn = columnLetters(header.indexOf('Type') + 1);
  row = appendByHeader('Key Results', {
    ID: 'KR-XSS',
    'Objective ID': objectiveId,
    'Key Result': XSS_TITLE,
    Owner: USER,
    Type: 'increase',
    Unit: 'teams',
    Start: 0,
    Target: 10,
    Current: 1,
  });
  milestoneKeyResultRow = appendByHeader('Key Results', {
    ID: 'KR-CHECKLIST',
    'Objective ID': objectiveId,
    'Key Result': 'Ship the team admin console',
    Owner: USER,
    Type: 'milestone',
    Target: 3,
    Current: 1,
  });
  appendByHeader('Milestones', {
    'Key Result ID': 'KR-CHECKLIST',
    Milestone: 'Design review',
    Weight: 1,
    Done: true,
  });
  milestoneRow = appendByHeader('Milestones', {
    'Key Result ID': 'KR-CHECKLIST',
    Milestone: 'Beta',
    Weight: 2,
    Done: false,
  });
}

beforeAll(async () => {
  preview = await startPreview({ user: USER });
  addKeyResults();
  browser = await openBrowser();
  page = browser.page;
  page.on('request', (request) => {
    if (!request.url().startsWith(preview.url.replace(/\/$/, '')))
      outsideRequests.push(request.url());
  });
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await openPreview(page, preview, 'Key Results');
  sidebar = await openSidebar(page, 'showCheckInSidebar');
  await sidebar.locator('#picker').waitFor({ state: 'visible' });
});

afterAll(async () => {
  await browser?.close();
  await preview?.stop();
});

describe('check-in sidebar in the preview', () => {
  it('renders a key result named like markup as text', async () => {
    const title = sidebar.locator('#my-key-results .kr-item__title', { hasText: XSS_TITLE });
    await expect(title.textContent()).resolves.toBe(XSS_TITLE);
    expect(await sidebar.locator('img').count()).toBe(0);
    expect(dialogs).toEqual([]);
    await screenshot(page, 'sidebar-list');
  });

  it('answers a search from the server with the matching key results and their count', async () => {
    const search = sidebar.locator('#search');
    await search.fill('admin console');
    await sidebar.locator('#search-status', { hasText: '1 key result found' }).waitFor();
    const found = await sidebar
      .locator('#all-key-results [data-key-result-id]')
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-key-result-id')));
    expect(found).toEqual(['KR-CHECKLIST']);
    await search.fill('');
    await sidebar.locator('#all-key-results [data-key-result-id="KR-XSS"]').waitFor();
  });

  it('picks a key result, saves a value with PPP text, and the grid shows the new current value', async () => {
    await sidebar.locator('[data-key-result-id="KR-XSS"]').first().click();
    await expect(sidebar.locator('#kr-title').textContent()).resolves.toBe(XSS_TITLE);
    await expect(sidebar.locator('#kr-range').textContent()).resolves.toBe('0 → 10 teams');
    await sidebar.locator('#value').fill('6');
    await sidebar.locator('#confidence').fill('8');
    await sidebar.locator('#progress').fill('Five pilot teams live');
    await sidebar.locator('#plans').fill('Onboard the next five');
    await sidebar.locator('#problems').fill('=SUM(1,2) looks like a formula');
    await sidebar.locator('#learnings').fill('Templates help');
    await screenshot(page, 'sidebar-check-in-form');
    await sidebar.locator('#save').click();
    await sidebar.locator('#saved-banner').waitFor({ state: 'visible' });
    await expect(sidebar.locator('#saved-banner').textContent()).resolves.toMatch(
      /Check-in saved for “<img src=x onerror=alert\(1\)>”/,
    );
    await expect.poll(() => cellText(page, `${currentColumn}${row}`)).toBe('6');
    await showSheet(page, 'Check-ins');
    const log = await page.locator('#grid').textContent();
    expect(log).toContain('Five pilot teams live');
    expect(log).toContain('=SUM(1,2) looks like a formula');
    await showSheet(page, 'Key Results');
    await screenshot(page, 'sidebar-after-save');
    expect(dialogs).toEqual([]);
  });

  it('shows errors next to the field and keeps the form usable from the keyboard', async () => {
    await sidebar.locator('[data-key-result-id="KR-XSS"]').first().focus();
    await page.keyboard.press('Enter');
    await sidebar.locator('#value').fill('');
    await sidebar.locator('#progress').focus();
    await page.keyboard.press('Control+Enter');
    await expect(sidebar.locator('#value-error').textContent()).resolves.toBe(
      'Enter the current value.',
    );
    await expect(sidebar.locator('#value').getAttribute('aria-invalid')).resolves.toBe('true');
    await page.keyboard.press('Escape');
    await sidebar.locator('#picker').waitFor({ state: 'visible' });
  });

  it('puts a server-side refusal next to the field it names and writes nothing', async () => {
    await sidebar.locator('[data-key-result-id="KR-XSS"]').first().click();
    const emulator = preview.session.emulator;
    const checkInsBefore = emulator.uncounted(() =>
      emulator.spreadsheet.getSheetByName('Check-ins')!.getLastRow(),
    );
    // Someone changes the KR to yes/no while the sidebar still offers a number.
    emulator.uncounted(() =>
      emulator.spreadsheet
        .getSheetByName('Key Results')!
        .getRange(`${typeColumn}${row}`)
        .setValue('binary'),
    );
    await sidebar.locator('#value').fill('7');
    await sidebar.locator('#save').click();
    await expect
      .poll(() => sidebar.locator('#value-error').textContent())
      .toMatch(/yes\/no key result\. Choose Yes or No/);
    await expect(sidebar.locator('#save').isEnabled()).resolves.toBe(true);
    expect(
      emulator.uncounted(() => emulator.spreadsheet.getSheetByName('Check-ins')!.getLastRow()),
    ).toBe(checkInsBefore);
    emulator.uncounted(() =>
      emulator.spreadsheet
        .getSheetByName('Key Results')!
        .getRange(`${typeColumn}${row}`)
        .setValue('increase'),
    );
    await page.keyboard.press('Escape');
  });

  it('disables Save and shows a spinner while a save is in flight', async () => {
    await sidebar.locator('[data-key-result-id="KR-XSS"]').first().click();
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/run', async (route) => {
      await held;
      await route.continue();
    });
    const emulator = preview.session.emulator;
    const lastRow = () =>
      emulator.uncounted(() => emulator.spreadsheet.getSheetByName('Check-ins')!.getLastRow());
    const before = lastRow();
    await sidebar.locator('#value').fill('7');
    await sidebar.locator('#save').click();
    await expect(sidebar.locator('#save').isDisabled()).resolves.toBe(true);
    await expect(sidebar.locator('#save-spinner').isVisible()).resolves.toBe(true);
    await expect(sidebar.locator('#save-label').textContent()).resolves.toBe('Saving…');
    // A second Ctrl+Enter while saving sends nothing more.
    await sidebar.locator('#progress').press('Control+Enter');
    release();
    await sidebar.locator('#saved-banner').waitFor({ state: 'visible' });
    await page.unroute('**/api/run');
    await expect.poll(() => cellText(page, `${currentColumn}${row}`)).toBe('7');
    expect(lastRow()).toBe(before + 1);
  });

  it('checks in on a milestone key result by ticking its checklist', async () => {
    await sidebar.locator('[data-key-result-id="KR-CHECKLIST"]').first().click();
    // The form shows once the key result's last check-ins have loaded.
    await sidebar.locator('#check-in-form').waitFor({ state: 'visible' });
    const checklist = sidebar.locator('#value-field input[type="checkbox"]');
    await expect(checklist.count()).resolves.toBe(2);
    await expect(checklist.nth(0).isChecked()).resolves.toBe(true);
    await checklist.nth(1).check();
    await sidebar.locator('#progress').fill('Beta is out');
    await sidebar.locator('#save').click();
    await sidebar.locator('#saved-banner').waitFor({ state: 'visible' });
    // Done weight 3 of 3: Current is the Target.
    await expect.poll(() => cellText(page, `${currentColumn}${milestoneKeyResultRow}`)).toBe('3');
    const emulator = preview.session.emulator;
    const milestone = emulator.uncounted(
      () =>
        emulator.spreadsheet
          .getSheetByName('Milestones')!
          .getRange(milestoneRow, 1, 1, 5)
          .getValues()[0],
    );
    expect(milestone!.slice(0, 4)).toEqual(['KR-CHECKLIST', 'Beta', 2, true]);
    expect(Object.prototype.toString.call(milestone![4])).toBe('[object Date]');
  });

  it('sits next to the grid at 300 px in system fonts, loading nothing from outside', async () => {
    const frame = page.locator('#sidebar-frame');
    await sidebar
      .locator('#all-key-results .kr-item:not([data-key-result-id="KR-XSS"])')
      .first()
      .click();
    await screenshot(page, 'sidebar');
    await frame.screenshot({ path: `${ARTIFACTS_DIR}/sidebar-panel.png` });
    expect((await frame.boundingBox())!.width).toBe(300);
    // A string, so the Node typecheck needs no DOM types.
    const fontFamily = await sidebar.evaluate<string>('getComputedStyle(document.body).fontFamily');
    expect(fontFamily).toMatch(/^"Google Sans Text", "Google Sans", Roboto/);
    expect(await sidebar.locator('link[href], script[src], img[src]').count()).toBe(0);
    expect(outsideRequests).toEqual([]);
  });

  it('explains how to add key results to someone who owns none', async () => {
    preview.session.emulator.setActiveUser('newcomer@example.com');
    const fresh = await openSidebar(page, 'showCheckInSidebar');
    await fresh.locator('#picker').waitFor({ state: 'visible' });
    await expect(fresh.locator('#empty-state').isVisible()).resolves.toBe(true);
    await expect(fresh.locator('#empty-state-email').textContent()).resolves.toBe(
      'newcomer@example.com',
    );
    expect(await fresh.locator('#all-key-results .kr-item').count()).toBeGreaterThan(0);
    await page
      .locator('#sidebar-frame')
      .screenshot({ path: `${ARTIFACTS_DIR}/sidebar-empty-state.png` });
  });
});
