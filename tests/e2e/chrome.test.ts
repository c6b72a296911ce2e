/**
 * The preview's own chrome: a sign of work while a menu action runs, Escape for menus and
 * dialogs, scroll kept per tab, one date style, and columns that leave room for the rest.
 */
import { describe, expect, it } from 'vitest';
import { cellText, previewInBrowser, runMenuItem, settled, showSheet } from './harness.js';

const START = new Date(Date.UTC(2026, 10, 23, 9));
/** "Mon, 23 Nov 2026, 09:00": the one date style of the page. */
const DATE_STYLE = /^[A-Z][a-z]{2}, \d{1,2} [A-Z][a-z]{2} \d{4}, \d\d:\d\d$/;

describe('the preview chrome', () => {
  const opened = previewInBrowser({ now: START });

  it('says what is running in the top bar until a slow menu action is done', async () => {
    const { page } = opened.browser;
    let release: () => void = () => undefined;
    const held = new Promise<void>((done) => (release = done));
    await page.route('**/api/menu', async (route) => {
      await held;
      await route.continue();
    });
    await page.locator('#menu-extensions').click();
    await page.locator('#menu-addon').hover();
    await page.locator('.dropdown-item[data-function="buildDashboard"]').click();
    await expect.poll(() => page.locator('#busy').isVisible()).toBe(true);
    expect(await page.locator('#busy-text').textContent()).toBe('Running Build dashboard');
    expect(await page.locator('#busy').getAttribute('role')).toBe('status');
    release();
    await settled(page);
    await page.unroute('**/api/menu');
    expect(await page.locator('#busy').isHidden()).toBe(true);
    await page.locator('#grid[data-sheet="Dashboard"]').waitFor();
  });

  it('closes the open menu with Escape and gives focus back to Extensions', async () => {
    const { page } = opened.browser;
    await page.locator('#menu-extensions').click();
    expect(await page.locator('.menu.open').count()).toBe(1);
    await page.keyboard.press('Escape');
    expect(await page.locator('.menu.open').count()).toBe(0);
    expect(await page.locator('#menu-extensions').evaluate((node) => node.matches(':focus'))).toBe(
      true,
    );
  });

  it('closes a dialog with Escape, pressed inside the dialog or on the page', async () => {
    const { page } = opened.browser;
    await runMenuItem(page, 'checkOkrHealth');
    const frame = page.frameLocator('iframe.dialog-frame');
    await frame.locator('body').click();
    await frame.locator('body').press('Escape');
    await expect.poll(() => page.locator('#overlay').isHidden()).toBe(true);
    await settled(page);
    expect(opened.preview.session.state().dialog).toBeNull();
    await page.locator('#open-triggers').click();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('#overlay').isHidden()).toBe(true);
  });

  it('keeps each tab’s scroll position, so a tab opens where it was left', async () => {
    const { page } = opened.browser;
    const scroller = page.locator('#grid-scroll');
    await showSheet(page, 'Key Results');
    await scroller.evaluate((node) => node.scrollTo(700, 0));
    await showSheet(page, 'Objectives');
    expect(await scroller.evaluate((node) => node.scrollLeft)).toBe(0);
    await showSheet(page, 'Key Results');
    expect(await scroller.evaluate((node) => node.scrollLeft)).toBe(700);
    await scroller.evaluate((node) => node.scrollTo(0, 0));
  });

  it('writes every date of the chrome in one style', async () => {
    const { page } = opened.browser;
    await runMenuItem(page, 'turnOnReminders');
    await page.locator('#modal button.primary').click();
    await page.locator('#open-triggers').click();
    const dates = [(await page.locator('#clock').textContent()) ?? ''];
    for (const next of await page.locator('#modal .trigger-next').allTextContents())
      dates.push(next.replace(/^next: /, ''));
    // Thursday's trigger run sends the reminders.
    await page.locator('#clock-input').fill('2026-11-27T10:30');
    await page.locator('.clock-form button').click();
    await settled(page);
    await page.locator('#open-outbox').click();
    await page.locator('#modal .email-row').first().waitFor();
    dates.push(...(await page.locator('#modal .email-at').allTextContents()));
    expect(dates.length).toBeGreaterThanOrEqual(3);
    for (const date of dates) expect(date).toMatch(DATE_STYLE);
  });

  it('gives the outbox room: a wide panel and a tall message', async () => {
    const { page } = opened.browser;
    const modal = await page.locator('#modal').boundingBox();
    const message = await page.locator('#modal .email-frame').boundingBox();
    expect(modal!.width).toBeGreaterThanOrEqual(1000);
    expect(message!.height).toBeGreaterThanOrEqual(420);
    await page.keyboard.press('Escape');
  });

  it('keeps the Health sheet’s Details and What to do columns on screen beside Concerns', async () => {
    const { page } = opened.browser;
    await showSheet(page, 'Health');
    expect(await cellText(page, 'A5')).toBe('Red flag');
    const viewport = page.viewportSize()!;
    for (const a1 of ['C5', 'E5', 'F5']) {
      const box = await page.locator(`#grid td[data-cell="${a1}"]`).boundingBox();
      expect(box!.x + 40, `${a1} starts on screen`).toBeLessThan(viewport.width);
      expect(box!.width, `${a1} is at most 260 px wide`).toBeLessThanOrEqual(261);
    }
  });
});
