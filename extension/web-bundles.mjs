// The web bundles of the extension (vscode.dev, github.dev), built by build.mjs into extension/dist/web,
// and by the tests and the benchmark into a folder of their own:
//   client.js  the web client (CommonJS for the web worker extension host; `browser` in package.json)
//   server.js  the language server as a classic Worker script, with the shipped schema and template
//              inside it; files come through the client (server/main-browser.ts)
// The build fails if a web bundle would pull in a Node module (naming who imports it), or is over budget.
import { build } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');

/** Each web bundle, minified, at most this (1.5 MB): vscode.dev downloads it on every visit. */
export const WEB_BUDGET_BYTES = 1.5 * 1024 * 1024;

/** Node's built-in modules, with or without node:, are refused in a web bundle, naming who imports them. */
const NODE_BUILTIN = new RegExp(
  `^(node:.*|(${builtinModules.map((m) => m.replace(/[/]/g, '\\/')).join('|')})(\\/.*)?)$`,
);
const noNodeModules = {
  name: 'no-node-modules',
  setup(b) {
    b.onResolve({ filter: NODE_BUILTIN }, (args) => ({
      errors: [
        {
          text: `the web bundle would use Node's '${args.path}' (imported by ${relative(root, args.importer)}): core reaches the machine through core/host/host.ts; Node-only code stays out of the web entry points`,
        },
      ],
    }));
  },
};

/**
 * In the web server, core's default host (core/host/default-host.ts, Node's) is a memory host that
 * holds the shipped schema, annotation keywords and template; the server adds the workspace's files.
 */
const webDefaultHost = {
  name: 'web-default-host',
  setup(b) {
    b.onResolve({ filter: /^\.\/default-host\.js$/ }, (args) =>
      args.importer.endsWith(join('core', 'host', 'host.ts'))
        ? { path: 'web-default-host', namespace: 'continuity' }
        : undefined,
    );
    b.onLoad({ filter: /^web-default-host$/, namespace: 'continuity' }, () => {
      const json = (f) => JSON.stringify(JSON.parse(readFileSync(join(root, 'schema', f), 'utf8')));
      const resources = {
        'plan.schema.json': json('plan.schema.json'),
        'annotation-keywords.json': json('annotation-keywords.json'),
        'template.md': readFileSync(join(root, 'plans', 'template.md'), 'utf8'),
      };
      return {
        resolveDir: join(root, 'core', 'host'),
        loader: 'ts',
        contents: `import { MemoryHost } from './memory-host.js';
const resources = ${JSON.stringify(resources)};
export function defaultHost() { return new MemoryHost({ roots: [], files: {}, resources }); }`,
      };
    });
  },
};

/** Fails when a web bundle is over budget; returns its size and what makes it up (by package), for the bench. */
function checkWebBundle(result, name, outDir) {
  const [file, output] = Object.entries(result.metafile.outputs).find(([f]) => f.endsWith('.js'));
  if (output.bytes > WEB_BUDGET_BYTES)
    throw new Error(
      `${name} is ${(output.bytes / 1024 / 1024).toFixed(2)} MB, over the web budget of ${WEB_BUDGET_BYTES / 1024 / 1024} MB: see what it pulls in with esbuild's metafile`,
    );
  return { file: relative(outDir, file), bytes: output.bytes, inputs: byPackage(output.inputs) };
}

/** What a bundle is made of, in bytes of output by package (or by folder of this project). */
function byPackage(inputs) {
  const sizes = {};
  for (const [file, { bytesInOutput }] of Object.entries(inputs)) {
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
    const key = pkg ? pkg[1] : file.split('/').slice(0, 2).join('/');
    sizes[key] = (sizes[key] ?? 0) + bytesInOutput;
  }
  return Object.fromEntries(Object.entries(sizes).sort((a, b) => b[1] - a[1]));
}

const web = {
  bundle: true,
  minify: true,
  logLevel: 'warning',
  metafile: true,
  platform: 'browser',
  target: 'es2022',
  define: { 'process.env.NODE_ENV': '"production"' },
};

/** Builds client.js and server.js into `outDir`; returns each one's size and make-up (also written to sizes.json). */
export async function buildWebBundles(outDir) {
  const client = await build({
    ...web,
    entryPoints: [join(here, 'client', 'extension-web.ts')],
    outfile: join(outDir, 'client.js'),
    format: 'cjs',
    external: ['vscode'],
    plugins: [noNodeModules],
  });
  const server = await build({
    ...web,
    entryPoints: [join(here, 'server', 'main-browser.ts')],
    outfile: join(outDir, 'server.js'),
    // A classic script: VS Code starts extension Workers through importScripts.
    format: 'iife',
    // A Worker has no DOM: packages' Worker builds (decode-named-character-reference's DOM build
    // decodes entities with document.createElement).
    conditions: ['worker'],
    plugins: [webDefaultHost, noNodeModules],
  });
  const sizes = [
    checkWebBundle(client, 'the web client', outDir),
    checkWebBundle(server, 'the web language server', outDir),
  ];
  writeFileSync(join(outDir, 'sizes.json'), JSON.stringify(sizes, null, 2));
  return sizes;
}
