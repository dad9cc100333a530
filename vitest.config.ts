import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/support/global-setup.ts'],
    // PostgreSQL suites create their own databases; SQLite suites use temp files. Files run in parallel.
    testTimeout: 20_000,
    hookTimeout: 60_000,
    reporters: ['default'],
  },
});
