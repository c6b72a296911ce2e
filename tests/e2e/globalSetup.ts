/**
 * vitest globalSetup: makes sure Chromium is there before browser tests start (installing it on
 * Debian as root), and starts one Chromium that every browser test file connects to, each in a
 * new context of its own (a fresh profile: no cookies, storage or cache shared), instead of
 * launching a browser per file (a second and a half each, in every zone project). Runs limited to
 * other folders (e.g. `vitest run tests/unit`) skip it.
 */
import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { CHROMIUM_ARGS, ensureChromium } from './chromium.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The shared Chromium's WebSocket endpoint; "" when this run started none. */
    chromiumEndpoint: string;
  }
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | void> {
  const filters = process.argv
    .slice(2)
    .filter((arg) => !arg.startsWith('-') && arg !== 'run' && !/vitest(\.m?js)?$/.test(arg));
  const runsBrowserTests = filters.length === 0 || filters.some((filter) => filter.includes('e2e'));
  project.provide('chromiumEndpoint', '');
  if (!runsBrowserTests) return;
  const executablePath = ensureChromium();
  process.env.CHROME_PATH = executablePath;
  const server = await chromium.launchServer({
    executablePath,
    args: CHROMIUM_ARGS,
    headless: true,
  });
  project.provide('chromiumEndpoint', server.wsEndpoint());
  return () => server.close();
}
