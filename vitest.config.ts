import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Every suite runs with the spreadsheet in three zones, each with the script (`Session`) in
 * another zone and the Node process, whose zone the script's local Date methods and the browser
 * tests' pages use, in a third: west of UTC with daylight saving, east by a half hour, and the
 * first day on Earth. Some files run in one project only, for their time and because no day
 * shows in them: the bare-clone quick start (CI only, `utc`); fault injection (every service call
 * of five operations failing in turn, 40 s a run), in New York, where a date put back raw on undo
 * would show as the day before; and the browser tests of the page's chrome and the accessibility
 * scans (axe: contrast, names, roles), in Kolkata, and of the Help sidebar, the keyboard, the
 * value field and the preview's script runner, in Kiritimati. The `utc` project runs the unit tests and
 * the emulator's own with every zone at the emulator's default, Etc/UTC.
 */
const QUICK_START = 'tests/integration/quickStart.test.ts';
const FAULT_INJECTION = 'tests/integration/faultInjection.test.ts';
const ONCE_IN_KOLKATA = ['tests/e2e/accessibility.test.ts', 'tests/e2e/chrome.test.ts'];
const ONCE_IN_KIRITIMATI = [
  'tests/e2e/help.test.ts',
  'tests/e2e/keyboard.test.ts',
  'tests/e2e/scriptRun.test.ts',
  'tests/e2e/valueField.test.ts',
];
const RUN_ONCE = [QUICK_START, FAULT_INJECTION, ...ONCE_IN_KOLKATA, ...ONCE_IN_KIRITIMATI];

/**
 * `npm run screenshots` (OKR_DOC_SCREENSHOTS=1) runs every browser test once, in the emulator's
 * default zones, and rewrites the pictures in docs/images from them.
 */
const DOC_SCREENSHOTS = process.env.OKR_DOC_SCREENSHOTS === '1';

const ZONES = [
  {
    name: 'new-york',
    spreadsheet: 'America/New_York',
    script: 'Asia/Kolkata',
    process: 'Pacific/Kiritimati',
    once: [FAULT_INJECTION],
  },
  {
    name: 'kolkata',
    spreadsheet: 'Asia/Kolkata',
    script: 'America/Los_Angeles',
    process: 'America/Los_Angeles',
    once: ONCE_IN_KOLKATA,
  },
  {
    name: 'kiritimati',
    spreadsheet: 'Pacific/Kiritimati',
    script: 'Etc/UTC',
    process: 'America/Los_Angeles',
    once: ONCE_IN_KIRITIMATI,
  },
];

export default defineConfig({
  test: {
    // Browser tests start Chromium and the preview server; give them room on a 2-core machine.
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Most of a browser test is spent waiting for Chromium, another process, so even a 2-core
    // machine runs two files at once (vitest's own default there is one).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // Finds (or on Debian as root installs) Chromium and starts the one every browser test uses.
    globalSetup: ['tests/e2e/globalSetup.ts'],
    projects: DOC_SCREENSHOTS
      ? [{ extends: true, test: { name: 'screenshots', include: ['tests/e2e/**/*.test.ts'] } }]
      : [
          {
            extends: true,
            test: {
              name: 'utc',
              include: [
                'tests/unit/**/*.test.ts',
                'tests/integration/emulator/*.test.ts',
                QUICK_START,
              ],
            },
          },
          ...ZONES.map((zone) => ({
            extends: true as const,
            test: {
              name: `zone:${zone.name}`,
              include: ['tests/**/*.test.ts'],
              exclude: RUN_ONCE.filter((file) => !zone.once.includes(file)),
              env: {
                OKR_SPREADSHEET_TIME_ZONE: zone.spreadsheet,
                OKR_SCRIPT_TIME_ZONE: zone.script,
                TZ: zone.process,
              },
            },
          })),
        ],
  },
});
