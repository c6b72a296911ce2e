import { defineConfig } from 'vitest/config';

/**
 * The suites where a calendar day or a typed value is at stake (cycle dates, planned progress, the
 * calendar, the archive, reminder days, the report date, dates and text crossing the sheet) run
 * again with the spreadsheet in other zones, the script in yet another (the emulator takes both
 * defaults from the environment) and the Node process, whose zone the script's local Date
 * methods use, in a third. The whole suite would take four times as long; these files are where
 * the zone shows. Left out for their time (they passed in each zone when tried), their days
 * being covered here by cheaper files: faultInjection (30-70 s), reminderPreviewScale (8-20 s;
 * reminders covers its days), tenThousandKeyResults and checkInPayload (sizes, no day).
 */
const ZONE_SENSITIVE = [
  'tests/integration/setup.test.ts',
  'tests/integration/checkInServer.test.ts',
  'tests/integration/checkInForecast.test.ts',
  'tests/integration/checkInConcurrency.test.ts',
  'tests/integration/checkInUserColumns.test.ts',
  'tests/integration/calendar.test.ts',
  'tests/integration/closeCycle*.test.ts',
  'tests/integration/reminders.test.ts',
  'tests/integration/reminderConcurrency.test.ts',
  'tests/integration/dashboard.test.ts',
  'tests/integration/reportDate.test.ts',
  'tests/integration/health.test.ts',
  'tests/integration/exampleOkrs.test.ts',
  'tests/integration/importOkrs.test.ts',
  'tests/integration/importHint.test.ts',
  'tests/integration/noSilentAdoption.test.ts',
  'tests/integration/previewImportFile.test.ts',
  'tests/integration/rollUp.test.ts',
  'tests/integration/teamCheck.test.ts',
  'tests/integration/gateway.test.ts',
  'tests/integration/gridLimits.test.ts',
  'tests/integration/textStaysText.test.ts',
  'tests/integration/daylightSaving.test.ts',
  'tests/integration/setupMenu.test.ts',
  'tests/integration/preview-formulas.test.ts',
  'tests/integration/preview-sheetView.test.ts',
  'tests/integration/bundle-vm.test.ts',
  'tests/integration/zoneMatrix.test.ts',
];

/**
 * The preview's tests where a calendar day shows: the server's clock, and in the browser the
 * sidebar's due and check-in dates, the reminder preview's check-in period, the archive and the
 * calendar after Close cycle. They run in the zone west of UTC and in Kiritimati only (a browser
 * test takes 10-20 s); the other browser tests show no date, and reminderEmail's period day is
 * checked by reminders in every zone.
 */
const ZONE_SENSITIVE_PREVIEW = [
  'tests/integration/preview-api.test.ts',
  'tests/e2e/sidebarForecast.test.ts',
  'tests/e2e/dashboardCloseCycle.test.ts',
  'tests/e2e/reminderPreview.test.ts',
];

/** West of UTC with daylight saving, east by a half hour, and the first day on Earth; `preview`: the preview's tests run there too. */
const ZONES = [
  {
    name: 'new-york',
    spreadsheet: 'America/New_York',
    script: 'Asia/Kolkata',
    process: 'Pacific/Kiritimati',
    preview: true,
  },
  {
    name: 'kolkata',
    spreadsheet: 'Asia/Kolkata',
    script: 'America/Los_Angeles',
    process: 'America/Los_Angeles',
    preview: false,
  },
  {
    name: 'kiritimati',
    spreadsheet: 'Pacific/Kiritimati',
    script: 'Etc/UTC',
    process: 'America/Los_Angeles',
    preview: true,
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
          include: zone.preview ? [...ZONE_SENSITIVE, ...ZONE_SENSITIVE_PREVIEW] : ZONE_SENSITIVE,
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
