/**
 * What a newcomer sees after `npm start`: the example's key results, signed in as someone who
 * owns some of them, with a visible way to become someone else.
 */
import { describe, expect, it } from 'vitest';
import {
  cellText,
  docScreenshot,
  openSidebar,
  previewInBrowser,
  settled,
  sheetValues,
  showSheet,
} from './harness.js';

const START = new Date(Date.UTC(2026, 10, 23, 9));

describe('the first view of the preview', () => {
  const opened = previewInBrowser({ now: START });

  it('opens on the Key Results sheet without an empty Sheet1 tab', async () => {
    const { page } = opened.browser;
    await page.locator('#grid[data-sheet="Key Results"]').waitFor();
    const tabs = await page.locator('#tabs .tab').allTextContents();
    expect(tabs).toContain('Key Results');
    expect(tabs).not.toContain('Sheet1');
    expect(await page.locator('#tabs .tab.active').textContent()).toBe('Key Results');
  });

  it('signs in as the owner of the most example key results and says so in the top bar', async () => {
    const { page } = opened.browser;
    const owners = opened.preview.session.keyResultOwners();
    expect(owners.length).toBeGreaterThan(1);
    expect(opened.preview.session.emulator.activeUser).toBe(owners[0]);
    expect(await page.locator('#user-select').inputValue()).toBe(owners[0]);
    expect(await page.getByLabel('Signed in as').inputValue()).toBe(owners[0]);
  });

  it('lists the signed-in owner’s key results first in the check-in sidebar', async () => {
    const { page } = opened.browser;
    const sidebar = await openSidebar(page, 'showCheckInSidebar');
    await sidebar.locator('#my-key-results li').first().waitFor();
    expect(await sidebar.locator('#empty-state').isHidden()).toBe(true);
    await docScreenshot(page, 'preview');
  });

  it('opens one of their key results in the check-in form, with its value ready to update', async () => {
    const { page } = opened.browser;
    const sidebar = page.frameLocator('#sidebar-frame');
    await sidebar.locator('#my-key-results .kr-item').first().click();
    await sidebar.locator('#check-in-form').waitFor({ state: 'visible' });
    expect(await sidebar.locator('#value').inputValue()).not.toBe('');
    await expect(
      sidebar.locator('#value').evaluate((input) => input.matches(':focus')),
    ).resolves.toBe(true);
    await docScreenshot(page, 'check-in-sidebar');
    await sidebar.locator('#value').press('Escape');
    await sidebar.locator('#picker').waitFor({ state: 'visible' });
  });

  it('shows each objective’s live Score, Planned and Status on the Objectives sheet', async () => {
    const { page } = opened.browser;
    const { emulator } = opened.preview.session;
    await showSheet(page, 'Objectives');
    const header = sheetValues(opened.preview, 'Objectives')[0]!.map(String);
    const letter = (name: string) => String.fromCharCode(65 + header.indexOf(name));
    expect(header).toEqual(expect.arrayContaining(['Score', 'Planned', 'Status']));
    const keyResults = sheetValues(opened.preview, 'Key Results');
    const setting = (name: string) =>
      emulator.uncounted(() => emulator.spreadsheet.getRangeByName(name)!.getValue());
    const [asOf, start, end, atRisk, offTrack] = [
      'OKR_REPORT_DATE',
      'OKR_CYCLE_START',
      'OKR_CYCLE_END',
      'OKR_AT_RISK_GAP',
      'OKR_OFF_TRACK_GAP',
    ].map(setting);
    const ids = sheetValues(opened.preview, 'Objectives')
      .slice(1)
      .map((row) => String(row[0]));
    expect(ids.length).toBeGreaterThanOrEqual(6);
    for (const [index, id] of ids.entries()) {
      const row = index + 2;
      const score = emulator.call('OKRSCORE', keyResults, id) as number;
      const planned = emulator.call('OKRPLANNED', keyResults, id, asOf, start, end) as number;
      const status = emulator.call('OKRSTATUS', score, planned, atRisk, offTrack) as string;
      expect(await cellText(page, `${letter('Score')}${row}`), `score of ${id}`).toBe(
        score.toFixed(2),
      );
      expect(await cellText(page, `${letter('Planned')}${row}`), `planned of ${id}`).toBe(
        planned.toFixed(2),
      );
      expect(await cellText(page, `${letter('Status')}${row}`), `status of ${id}`).toBe(status);
    }
    await showSheet(page, 'Key Results');
  });

  it('switches who you are from the top bar, and the open sidebar follows', async () => {
    const { page } = opened.browser;
    const [, other] = opened.preview.session.keyResultOwners();
    const before = await page
      .frameLocator('#sidebar-frame')
      .locator('#my-key-results')
      .textContent();
    await page.locator('#user-select').selectOption(other!);
    await settled(page);
    expect(opened.preview.session.emulator.activeUser).toBe(other);
    const list = page.frameLocator('#sidebar-frame').locator('#my-key-results');
    await expect.poll(async () => (await list.textContent()) ?? '').not.toBe(before ?? '');
    await expect.poll(() => list.locator('li').count()).toBeGreaterThan(0);
  });

  it('signs in as any address typed under Someone else…', async () => {
    const { page } = opened.browser;
    await page.locator('#user-select').selectOption('');
    await page.getByLabel('Email address').fill('newcomer@example.com');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await settled(page);
    expect(opened.preview.session.emulator.activeUser).toBe('newcomer@example.com');
    expect(await page.locator('#user-select').inputValue()).toBe('newcomer@example.com');
    await page.frameLocator('#sidebar-frame').locator('#empty-state').waitFor({ state: 'visible' });
  });
});
