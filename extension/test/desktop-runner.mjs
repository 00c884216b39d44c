// Users' CI on a desktop (where VS Code can be downloaded): the same suite through @vscode/test-electron.
//   node extension/build.mjs && node extension/test/build-suite.mjs && node extension/test/desktop-runner.mjs WORKSPACE
import { runTests } from '@vscode/test-electron';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
await runTests({
  version: '1.100.0',
  extensionDevelopmentPath: join(here, '..'),
  extensionTestsPath: join(here, 'dist', 'suite.js'),
  launchArgs: [resolve(process.argv[2] ?? '.'), '--disable-extensions', '--disable-workspace-trust'],
});
