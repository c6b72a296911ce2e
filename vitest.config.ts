import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Browser tests start Chromium and the preview server; give them room on a 2-core machine.
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Finds (or on Debian as root installs) Chromium once before the browser tests.
    globalSetup: ['tests/e2e/globalSetup.ts'],
  },
});
