import { describe, expect, it } from 'vitest';
import { docScreenshot, openSidebar, previewInBrowser } from './harness';

describe('the Help sidebar in the preview', () => {
  const opened = previewInBrowser();

  it('shows the guide and the reference of every custom function', async () => {
    const help = await openSidebar(opened.browser.page, 'showHelp');
    await help.locator('h1', { hasText: 'OKR Cadence' }).waitFor();
    expect(await help.locator('.help__function').count()).toBeGreaterThanOrEqual(10);
    expect(await help.locator('#help-OKRSCORE h3').textContent()).toBe(
      '=OKRSCORE(key_results, id)',
    );
    await docScreenshot(opened.browser.page, 'help-sidebar');
  });
});
