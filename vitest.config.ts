import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/vscode/**', 'node_modules/**'],
    // A safety net against a hang, not a speed check: tests wait on events, and on a loaded 2-core
    // machine a CLI run over an estate can take minutes.
    testTimeout: 300_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
