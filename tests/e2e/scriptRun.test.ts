import { rmSync } from 'node:fs';
import type { Frame } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PreviewServer } from '../../preview/server/server.js';
import { writeFixtureDist } from './fixtureBundle.js';
import {
  cellText,
  openBrowser,
  openPreview,
  openSidebar,
  runMenuItem,
  startPreview,
  type Browser,
} from './harness.js';

type Outcome = { ok: boolean; result?: unknown; message?: string; userObject?: unknown };

describe('google.script.run and questions in the browser', () => {
  let distDir: string;
  let preview: PreviewServer;
  let browser: Browser;
  let sidebar: Frame;

  beforeAll(async () => {
    distDir = writeFixtureDist();
    preview = await startPreview({ distDir });
    browser = await openBrowser();
    await openPreview(browser.page, preview);
    sidebar = await openSidebar(browser.page, 'showEcho');
    await sidebar.locator('#out').getByText('ready').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await preview?.stop();
    rmSync(distDir, { recursive: true, force: true });
  });

  const callEcho = (value: string, user: unknown) =>
    sidebar.evaluate(
      ([code, userObject]) =>
        (
          globalThis as unknown as { callEcho: (value: unknown, user: unknown) => Promise<Outcome> }
        ).callEcho(new Function(`return ${code}`)(), userObject),
      [value, user] as const,
    );

  it('passes plain values to the server function and its result to the success handler with the user object', async () => {
    const outcome = await callEcho(
      '({ id: "KR-1", values: [1, undefined, "x"], done: true })',
      'row 7',
    );
    expect(outcome).toEqual({
      ok: true,
      result: {
        received: { id: 'KR-1', values: [1, null, 'x'], done: true },
        type: '[object Object]',
      },
      userObject: 'row 7',
    });
  });

  it.each([
    ['a Date', 'new Date(2026, 0, 1)', /illegal value in property: 0\. A Date/],
    ['a Date inside an object', '({ when: new Date() })', /illegal value in property: 0\.when/],
    ['a function', '(function () {})', /illegal value in property: 0\. A Function/],
    [
      'an undefined field of an object',
      '({ note: undefined })',
      /illegal value in property: 0\.note/,
    ],
    ['a DOM element', 'document.body', /A DOM element/],
  ])('calls the failure handler for %s and runs nothing', async (_what, code, message) => {
    const outcome = await callEcho(code, 'kept');
    expect(outcome).toEqual({
      ok: false,
      message: expect.stringMatching(message),
      userObject: 'kept',
    });
  });

  it('gives the failure handler the message of an exception, and refuses private and unknown functions', async () => {
    const call = (name: string) =>
      sidebar.evaluate(
        ([fn]) =>
          (
            globalThis as unknown as {
              callNamed: (name: string, value: unknown) => Promise<Outcome>;
            }
          ).callNamed(fn, 'no'),
        [name] as const,
      );
    expect(await call('fail')).toEqual({ ok: false, message: 'Refused: no' });
    expect(await call('secret_')).toEqual({
      ok: false,
      message: expect.stringMatching(/secret_ is private/),
    });
    expect(await call('nothingHere')).toEqual({
      ok: false,
      message: expect.stringMatching(/not found: nothingHere/),
    });
  });

  it('asks the questions of a menu item in dialogs and finishes the run with the answers', async () => {
    const { page } = browser;
    await runMenuItem(page, 'renameFirstSheet');
    await page.locator('#modal .prompt-input').fill('Goals');
    await page.locator('#modal button[data-button="OK"]').click();
    await page.locator('#modal button[data-button="YES"]').click();
    await page.locator('#tabs .tab[data-sheet="Goals"]').waitFor();
    await expect.poll(() => page.locator('#modal .question-text').textContent()).toBe('Renamed.');
    await page.locator('#modal button.primary').click();
    expect(await cellText(page, 'A1')).toBe('started');
  });
});
