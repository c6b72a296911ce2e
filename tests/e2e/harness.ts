/**
 * Helpers for browser tests of the preview: start a preview server on a free port, open the page
 * in headless Chromium, run menu items, open sidebars and take screenshots. See README.md here.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Frame, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import {
  startPreviewServer,
  type PreviewServer,
  type PreviewServerOptions,
} from '../../preview/server/server.js';
import { CHROMIUM_ARGS, ensureChromium } from './chromium.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const ARTIFACTS_DIR = join(root, 'artifacts');
/** The README's and docs' screenshots, rewritten by `npm run screenshots`. */
export const DOC_IMAGES_DIR = join(root, 'docs', 'images');

/** A preview server of its own on a free port; `stop()` when done. */
export function startPreview(options: Partial<PreviewServerOptions> = {}): Promise<PreviewServer> {
  return startPreviewServer({ port: 0, workbook: null, quiet: true, ...options });
}

/**
 * For the tests of one describe block: a preview server and a browser showing it, started
 * before the first test and closed after the last. The fields are set once `beforeAll` has run.
 */
export function previewInBrowser(options: Partial<PreviewServerOptions> = {}): {
  preview: PreviewServer;
  browser: Browser;
} {
  const opened = {} as { preview: PreviewServer; browser: Browser };
  beforeAll(async () => {
    opened.preview = await startPreview(options);
    opened.browser = await openBrowser();
    await openPreview(opened.browser.page, opened.preview);
  });
  afterAll(async () => {
    await opened.browser?.close();
    await opened.preview?.stop();
  });
  return opened;
}

/** Writes `fields` (by header) into the first empty row of a preview sheet; returns that row. */
export function appendByHeader(
  preview: PreviewServer,
  sheetName: string,
  fields: Record<string, unknown>,
): number {
  const emulator = preview.session.emulator;
  return emulator.uncounted(() => {
    const sheet = emulator.spreadsheet.getSheetByName(sheetName)!;
    const values = sheet.getDataRange().getValues();
    const header = values[0]!.map((cell) => String(cell));
    const target =
      values.filter((cells) => cells.some((cell) => cell !== '' && cell !== null)).length + 1;
    for (const [name, value] of Object.entries(fields)) {
      const column = header.indexOf(name);
      if (column === -1) throw new Error(`The preview's ${sheetName} sheet has no ${name} column.`);
      sheet.getRange(target, column + 1).setValue(value);
    }
    return target;
  });
}

/** A sheet's values read straight from the preview's workbook, without counting service calls. */
export function sheetValues(preview: PreviewServer, sheetName: string): unknown[][] {
  const { emulator } = preview.session;
  return emulator.uncounted(() => {
    const sheet = emulator.spreadsheet.getSheetByName(sheetName);
    if (!sheet) throw new Error(`The preview workbook has no sheet named "${sheetName}".`);
    return sheet.getDataRange().getValues();
  });
}

export interface Browser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/**
 * A new browser context (an empty profile) in the run's shared Chromium (globalSetup.ts), or in
 * a Chromium of its own when the run started none; `close()` leaves the shared one running. The
 * page's clock is in the Node process's zone (TZ), as a browser launched from it would be.
 */
export async function openBrowser(): Promise<Browser> {
  const endpoint = inject('chromiumEndpoint');
  const browser = endpoint
    ? await chromium.connect(endpoint)
    : await chromium.launch({
        executablePath: ensureChromium(),
        args: CHROMIUM_ARGS,
        headless: true,
      });
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    ...(process.env.TZ ? { timezoneId: process.env.TZ } : {}),
  });
  const page = await context.newPage();
  return {
    context,
    page,
    close: async () => {
      await context.close();
      await browser.close();
    },
  };
}

/** Opens the preview page and waits until the grid shows its first sheet. */
export async function openPreview(
  page: Page,
  preview: PreviewServer,
  sheetName?: string,
): Promise<void> {
  await page.goto(preview.url);
  await page.locator('#grid td[data-cell="A1"]').waitFor();
  if (sheetName) await showSheet(page, sheetName);
}

export async function showSheet(page: Page, sheetName: string): Promise<void> {
  await page.locator(`#tabs .tab[data-sheet="${sheetName}"]`).click();
  await page.locator(`#grid[data-sheet="${sheetName}"]`).waitFor();
}

/** The displayed text of one cell (A1 notation) of the sheet on screen. */
export async function cellText(page: Page, a1: string): Promise<string> {
  return (await page.locator(`#grid td[data-cell="${a1}"]`).textContent()) ?? '';
}

/** Clicks Extensions → OKR Cadence → the item that runs `functionName` (in submenus too). */
export async function runMenuItem(page: Page, functionName: string): Promise<void> {
  await page.locator('#menu-extensions').click();
  await page.locator('#menu-addon').hover();
  const item = page.locator(`.dropdown-item[data-function="${functionName}"]`);
  const parents = item.locator('xpath=ancestor::div[contains(@class,"has-submenu")]');
  const count = await parents.count();
  for (let index = 0; index < count; index++) await parents.nth(index).hover();
  const response = page.waitForResponse((answer) => answer.url().endsWith('/api/menu'));
  await item.click();
  await response;
  await settled(page);
}

/** Waits until the page has shown the answers of every API call it made (no `body[data-busy]`). */
export async function settled(page: Page): Promise<void> {
  await page.locator('body:not([data-busy])').waitFor({ state: 'attached' });
}

/** Runs the menu item that opens a sidebar and returns the sidebar's frame once its page loaded. */
export async function openSidebar(page: Page, functionName: string): Promise<Frame> {
  await runMenuItem(page, functionName);
  const handle = await page.locator('#sidebar-frame').elementHandle();
  const frame = await handle!.contentFrame();
  if (!frame) throw new Error(`The menu item ${functionName} opened no sidebar.`);
  await frame.waitForLoadState('load');
  return frame;
}

/** Runs the menu item that opens a dialog and returns the dialog's frame once its page loaded. */
export async function openDialog(page: Page, functionName: string): Promise<Frame> {
  await runMenuItem(page, functionName);
  const handle = await page.locator('iframe.dialog-frame').elementHandle();
  const frame = await handle?.contentFrame();
  if (!frame) throw new Error(`The menu item ${functionName} opened no dialog.`);
  await frame.waitForLoadState('load');
  return frame;
}

/** Saves a full-page PNG under artifacts/ (gitignored) and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const path = join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}

/**
 * A screenshot the docs show: saved under artifacts/ like any other, and also as
 * docs/images/NAME.png when the run is `npm run screenshots` (OKR_DOC_SCREENSHOTS=1).
 */
export async function docScreenshot(page: Page, name: string): Promise<string> {
  const path = await screenshot(page, name);
  if (process.env.OKR_DOC_SCREENSHOTS === '1')
    copyFileSync(path, join(DOC_IMAGES_DIR, `${name}.png`));
  return path;
}
