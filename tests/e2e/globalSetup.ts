/**
 * vitest globalSetup: makes sure Chromium is there before browser tests start (installing it on
 * Debian as root), once per run instead of once per test file. Runs limited to other folders
 * (e.g. `vitest run tests/unit`) skip it.
 */
import { ensureChromium } from './chromium.js';

export default function setup(): void {
  const filters = process.argv
    .slice(2)
    .filter((arg) => !arg.startsWith('-') && arg !== 'run' && !/vitest(\.m?js)?$/.test(arg));
  const runsBrowserTests = filters.length === 0 || filters.some((filter) => filter.includes('e2e'));
  if (!runsBrowserTests) return;
  process.env.CHROME_PATH = ensureChromium();
}
