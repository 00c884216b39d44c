// Bundles the extension with esbuild, for the desktop and for the web (vscode.dev, github.dev):
//   dist/client.js       the desktop client (CommonJS, as VS Code loads extensions; `main`)
//   dist/server.mjs      the desktop language server, with the core engine and printing
//   dist/web/client.js   the web client (CommonJS for the web worker extension host; `browser`)
//   dist/web/server.js   the web language server: a classic Worker script, the shipped schema and
//                        template inside it, files through the client (server/main-browser.ts)
// and copies the schema, template and rule docs the desktop server reads. The web build (web-bundles.mjs)
// fails if a web bundle would pull in a Node module, or grows past its budget. `npm run package`
// (project root) then makes the .vsix, which holds only these.
import { build } from 'esbuild';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildWebBundles } from './web-bundles.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const desktop = { bundle: true, minify: true, logLevel: 'warning', platform: 'node', target: 'node20' };

rmSync(join(here, 'dist'), { recursive: true, force: true });
await build({
  ...desktop,
  entryPoints: [join(here, 'client', 'extension-node.ts')],
  outfile: join(here, 'dist', 'client.js'),
  format: 'cjs',
  external: ['vscode'],
});
await build({
  ...desktop,
  entryPoints: [join(here, 'server', 'main.ts')],
  outfile: join(here, 'dist', 'server.mjs'),
  format: 'esm',
  // CommonJS dependencies (vscode-languageserver, ajv) call require(); give the ES module one.
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});
const sizes = await buildWebBundles(join(here, 'dist', 'web'));

mkdirSync(join(here, 'schema'), { recursive: true });
for (const f of ['plan.schema.json', 'annotation-keywords.json', 'continuity.config.schema.json'])
  cpSync(join(root, 'schema', f), join(here, 'schema', f));
mkdirSync(join(here, 'plans'), { recursive: true });
cpSync(join(root, 'plans', 'template.md'), join(here, 'plans', 'template.md'));
// The rule docs: every diagnostic's link opens this copy (on the desktop found upward from the bundle;
// on the web the client gives the server its address).
mkdirSync(join(here, 'docs'), { recursive: true });
cpSync(join(root, 'docs', 'rules.md'), join(here, 'docs', 'rules.md'));
console.log(
  `built extension/dist (client.js, server.mjs; web/client.js ${(sizes[0].bytes / 1024).toFixed(0)} KB, web/server.js ${(sizes[1].bytes / 1024).toFixed(0)} KB) and copied the schema, template and rule docs`,
);
