// Compiles the integration suites to extension/test/dist/ (CommonJS, `vscode` provided by the host):
// suite.js for the desktop extension, web-suite.js for the web one (both run in the Node extension host).
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
await build({
  entryPoints: [join(here, 'suite.ts'), join(here, 'web-suite.ts')],
  outdir: join(here, 'dist'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode'],
  logLevel: 'warning',
});
