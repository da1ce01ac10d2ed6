import { defineConfig } from 'vitest/config';

// Browser journeys: the real server and Debian's Chromium (npm run build first).
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 120_000,
  },
});
