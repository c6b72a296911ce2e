/**
 * The preview and the check-in sidebar with the keyboard alone: no click, no hover. From the
 * page, Tab to Extensions, open the menu and the check-in sidebar, check in on a key result
 * through a validation error, then open a dialog and close it with Escape.
 */
import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { previewInBrowser, settled } from './harness';

const NOW = new Date(Date.UTC(2026, 10, 23, 9));

/** The id (or, without one, the text) of what has the keyboard focus in `where`. */
function focused(where: Page | Frame): Promise<string> {
  return where.evaluate<string>(
    "document.activeElement.id || document.activeElement.textContent.trim().split('\\n')[0]",
  );
}

/** Presses `key` until `where`'s focus is on `id`; fails after `limit` presses. */
async function pressUntil(page: Page, key: string, where: Page | Frame, id: string, limit = 40) {
  for (let press = 0; press < limit; press++) {
    if ((await focused(where)) === id) return;
    await page.keyboard.press(key);
  }
  throw new Error(`${limit} presses of ${key} never reached #${id}.`);
}

/** Opens Extensions → OKR Cadence → the item captioned `caption`, by keyboard. */
async function runFromMenu(page: Page, caption: string): Promise<void> {
  await pressUntil(page, 'Shift+Tab', page, 'menu-extensions', 80);
  await page.keyboard.press('Enter');
  expect(await focused(page)).toBe('menu-addon');
  await page.keyboard.press('ArrowRight');
  const response = page.waitForResponse((answer) => answer.url().endsWith('/api/menu'));
  for (let press = 0; press < 30; press++) {
    if ((await focused(page)) === caption) break;
    await page.keyboard.press('ArrowDown');
  }
  expect(await focused(page)).toBe(caption);
  await page.keyboard.press('Enter');
  await response;
  await settled(page);
}

// Many single key presses, each a round trip to the browser: room for a loaded machine.
describe('the preview by keyboard alone', { timeout: 60_000 }, () => {
  const opened = previewInBrowser({ now: NOW });

  it('moves on with Tab from the grid instead of keeping it', async () => {
    const { page } = opened.browser;
    await pressUntil(page, 'Tab', page, 'grid-scroll');
    await page.keyboard.press('Tab');
    expect(await focused(page)).not.toBe('grid-scroll');
    // Arrows still move the selected cell while the grid has the focus.
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toBe('grid-scroll');
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('#name-box').textContent()).toBe('A2');
  });

  it('opens the Extensions menu, walks it with the arrows and closes it with Escape', async () => {
    const { page } = opened.browser;
    await pressUntil(page, 'Shift+Tab', page, 'menu-extensions');
    await page.keyboard.press('Enter');
    expect(await page.locator('#menu-extensions').getAttribute('aria-expanded')).toBe('true');
    expect(await focused(page)).toBe('menu-addon');
    await page.keyboard.press('ArrowRight');
    expect(await page.locator('#menu-addon').getAttribute('aria-expanded')).toBe('true');
    expect(await focused(page)).toBe('Set up OKR workbook');
    await page.keyboard.press('ArrowUp');
    expect(await focused(page)).toBe('Help');
    await page.keyboard.press('ArrowLeft');
    expect(await focused(page)).toBe('menu-addon');
    await page.keyboard.press('Escape');
    expect(await page.locator('.menu.open').count()).toBe(0);
    expect(await focused(page)).toBe('menu-extensions');
    await page.keyboard.press('Space');
    expect(await focused(page)).toBe('menu-addon');
    await page.keyboard.press('Escape');
  });

  it('checks in from the sidebar, fixing a validation error on the way', async () => {
    const { page } = opened.browser;
    await runFromMenu(page, 'Check in…');
    const handle = await page.locator('#sidebar-frame').elementHandle();
    const sidebar = (await handle!.contentFrame())!;
    await sidebar.locator('#picker').waitFor({ state: 'visible' });

    // Into the sidebar's page with Tab, on to its first key result.
    await pressUntil(page, 'Tab', page, 'sidebar-frame');
    const keyResultOf = () =>
      sidebar.evaluate<string>("document.activeElement.dataset.keyResultId ?? ''");
    for (let press = 0; press < 10 && (await keyResultOf()) === ''; press++)
      await page.keyboard.press('Tab');
    const keyResultId = await keyResultOf();
    expect(keyResultId).not.toBe('');
    await page.keyboard.press('Enter');
    await sidebar.locator('#check-in-form').waitFor({ state: 'visible' });
    expect(await focused(sidebar)).toBe('value');

    // An empty value is refused; the error is shown and the field keeps the focus.
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Control+Enter');
    await expect(sidebar.locator('#value-error').textContent()).resolves.toBe(
      'Enter the current value.',
    );
    expect(await focused(sidebar)).toBe('value');

    await page.keyboard.type('42');
    await pressUntil(page, 'Tab', sidebar, 'progress');
    await page.keyboard.type('Typed with the keyboard only');
    await pressUntil(page, 'Tab', sidebar, 'save');
    await page.keyboard.press('Enter');
    await sidebar.locator('#saved-banner').waitFor({ state: 'visible' });
    expect(await sidebar.locator('#value-error').textContent()).toBe('');
    // Back on the list, the focus is on the key result just checked in.
    await expect
      .poll(() => sidebar.evaluate<string>("document.activeElement.dataset.keyResultId ?? ''"))
      .toBe(keyResultId);
    const checkIns = opened.preview.session.emulator.uncounted(() =>
      opened.preview.session.emulator.spreadsheet
        .getSheetByName('Check-ins')!
        .getDataRange()
        .getValues(),
    );
    expect(checkIns.at(-1)).toContain('Typed with the keyboard only');
  });

  it('opens a dialog that takes the focus, and closes it with Escape', async () => {
    const { page } = opened.browser;
    await runFromMenu(page, 'Check OKR health');
    await page.locator('iframe.dialog-frame').waitFor();
    await expect
      .poll(() => page.evaluate<boolean>("document.activeElement.matches('iframe.dialog-frame')"))
      .toBe(true);
    await page.keyboard.press('Escape');
    await page.locator('#overlay').waitFor({ state: 'hidden' });
    await settled(page);
    expect(opened.preview.session.state().dialog).toBeNull();
    expect(await focused(page)).toBe('grid-scroll');
  });
});
