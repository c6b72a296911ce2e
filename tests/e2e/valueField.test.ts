/**
 * The check-in sidebar's value field on a numeric key result: what it says for text that is not
 * a number, and for a number too large to be a measurement.
 */
import { describe, expect, it } from 'vitest';
import { openSidebar, previewInBrowser } from './harness.js';

const START = new Date(Date.UTC(2026, 10, 23, 9));

describe('the value field of a numeric key result', () => {
  const opened = previewInBrowser({ now: START, user: 'sam@example.com' });

  async function valueError(typed: string): Promise<string> {
    const { page } = opened.browser;
    const sidebar = page.frameLocator('#sidebar-frame');
    await sidebar.locator('#value').fill('');
    await sidebar.locator('#value').pressSequentially(typed);
    await sidebar.locator('#save').click();
    await expect
      .poll(async () => (await sidebar.locator('#value-error').textContent()) ?? '')
      .not.toBe('');
    return (await sidebar.locator('#value-error').textContent()) ?? '';
  }

  it('says what is wrong with 1e and --5 instead of asking for a value', async () => {
    const { page } = opened.browser;
    await openSidebar(page, 'showCheckInSidebar');
    const sidebar = page.frameLocator('#sidebar-frame');
    await sidebar
      .locator('#my-key-results button', { hasText: 'Close 30 new small-team deals' })
      .click();
    await sidebar.locator('#value').waitFor();
    for (const typed of ['1e', '--5']) {
      const message = await valueError(typed);
      expect(message, typed).toMatch(/not a number/);
      expect(message, typed).not.toBe('Enter the current value.');
    }
  });

  it('calls a huge number too large, without speaking of binary key results', async () => {
    const message = await valueError('1e20');
    expect(message).toMatch(/too large to be a measurement/);
    expect(message).not.toMatch(/binary|yes\/no/);
  });
});
