import { availableParallelism } from 'node:os';
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
    // One test file per core. Most files spend their time waiting on a child process (the CLI,
    // Chromium, the language server, npm), so vitest's default of one fewer worker than cores ran the
    // files one after another on a 2-core machine with a core idle. Each file still has a process of
    // its own; the tests that look for leftover browser processes mark theirs with a folder of their own.
    maxWorkers: Math.max(2, availableParallelism()),
    minWorkers: 1,
    // Tests marked concurrent (independent CLI runs) run at most this many at once in a file.
    maxConcurrency: 4,
  },
});
