import { defineConfig } from 'vitest/config';

/**
 * The suites where a calendar day is at stake (cycle dates, planned progress, the calendar, the
 * archive, reminder days, the report date) run again with the spreadsheet in other zones, the
 * script in yet another (the emulator takes both defaults from the environment) and the Node
 * process, whose zone the script's local Date methods use, in a third. The whole suite would
 * take four times as long; these files are where the zone shows.
 */
const ZONE_SENSITIVE = [
  'tests/integration/setup.test.ts',
  'tests/integration/checkInServer.test.ts',
  'tests/integration/calendar.test.ts',
  'tests/integration/closeCycle*.test.ts',
  'tests/integration/reminders.test.ts',
  'tests/integration/dashboard.test.ts',
  'tests/integration/reportDate.test.ts',
  'tests/integration/health.test.ts',
  'tests/integration/exampleOkrs.test.ts',
  'tests/integration/importOkrs.test.ts',
  'tests/integration/bundle-vm.test.ts',
  'tests/integration/zoneMatrix.test.ts',
];

/** West of UTC with daylight saving, east by a half hour, and the first day on Earth. */
const ZONES = [
  {
    name: 'new-york',
    spreadsheet: 'America/New_York',
    script: 'Asia/Kolkata',
    process: 'Pacific/Kiritimati',
  },
  {
    name: 'kolkata',
    spreadsheet: 'Asia/Kolkata',
    script: 'America/Los_Angeles',
    process: 'America/Los_Angeles',
  },
  {
    name: 'kiritimati',
    spreadsheet: 'Pacific/Kiritimati',
    script: 'Etc/UTC',
    process: 'America/Los_Angeles',
  },
];

export default defineConfig({
  test: {
    // Browser tests start Chromium and the preview server; give them room on a 2-core machine.
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Finds (or on Debian as root installs) Chromium once before the browser tests.
    globalSetup: ['tests/e2e/globalSetup.ts'],
    projects: [
      { extends: true, test: { name: 'default', include: ['tests/**/*.test.ts'] } },
      ...ZONES.map((zone) => ({
        extends: true as const,
        test: {
          name: `zone:${zone.name}`,
          include: ZONE_SENSITIVE,
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
