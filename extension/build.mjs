// Bundles the extension with esbuild: dist/client.js (CommonJS, as VS Code loads extensions) and
// dist/server.mjs (the language server with the core engine), and copies the schema and template the
// server reads. `npm run package` (project root) then makes the .vsix, which holds only these.
import { build } from 'esbuild';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
rmSync(join(here, 'dist'), { recursive: true, force: true });
const common = { bundle: true, platform: 'node', target: 'node20', minify: true, logLevel: 'warning' };
await build({
  ...common,
  entryPoints: [join(here, 'client', 'extension.ts')],
  outfile: join(here, 'dist', 'client.js'),
  format: 'cjs',
  external: ['vscode'],
});
await build({
  ...common,
  entryPoints: [join(here, 'server', 'main.ts')],
  outfile: join(here, 'dist', 'server.mjs'),
  format: 'esm',
  // CommonJS dependencies (vscode-languageserver, ajv) call require(); give the ES module one.
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});
mkdirSync(join(here, 'schema'), { recursive: true });
for (const f of ['plan.schema.json', 'annotation-keywords.json', 'continuity.config.schema.json'])
  cpSync(join(root, 'schema', f), join(here, 'schema', f));
mkdirSync(join(here, 'plans'), { recursive: true });
cpSync(join(root, 'plans', 'template.md'), join(here, 'plans', 'template.md'));
// The rule docs: every diagnostic's link opens this copy (core/rules/docs-url.ts finds it upward from the bundle).
mkdirSync(join(here, 'docs'), { recursive: true });
cpSync(join(root, 'docs', 'rules.md'), join(here, 'docs', 'rules.md'));
console.log('built extension/dist (client.js, server.mjs) and copied the schema, template and rule docs');
