// Runs the extension's integration suites in a real VS Code: code-server 4.100.3 (VS Code 1.100)
// driven by headless Chromium, because desktop VS Code cannot be downloaded on the project's machines.
// code-server is installed once into .tools/ (see ../shared/notes/real-vscode-here.md for why each
// step is needed). Two runs, each in a fresh code-server:
//   desktop  extension/test/suite.ts against the extension in the Node extension host;
//   web      extension/test/web-suite.ts against a copy of the extension whose manifest has only its
//            `browser` entry, forced into the web worker extension host (extensionDevelopmentKind
//            web), as vscode.dev and github.dev run it: it cannot fall back to Node.
// `--desktop` or `--web` runs one. Exit code: 0 when every suite run passed.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch } from 'puppeteer-core';

const ROOT = new URL('..', import.meta.url).pathname.replace(/\/$/, '');
const VERSION = '4.100.3';
const toolsDir = join(ROOT, '.tools', `code-server-${VERSION}`);
const codeServer = join(toolsDir, 'node_modules', 'code-server');
const say = (s) => console.log(`[vscode-it] ${s}`);

function sh(cmd, args, cwd, extraEnv = {}) {
  execFileSync(cmd, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...extraEnv } });
}

function ensureDebianPackages() {
  const need = [];
  const has = (cmd) => {
    try {
      execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  };
  if (!has('rg')) need.push('ripgrep');
  if (!has('pkg-config')) need.push('pkg-config');
  if (!existsSync('/usr/include/gssapi/gssapi.h')) need.push('libkrb5-dev');
  if (!existsSync('/usr/bin/chromium')) need.push('chromium');
  if (need.length === 0) return;
  if (process.getuid?.() !== 0) throw new Error(`install these Debian packages first: ${need.join(' ')}`);
  say(`installing ${need.join(' ')}`);
  sh('apt-get', ['update', '-qq'], ROOT);
  sh('apt-get', ['install', '-y', '-qq', ...need], ROOT, { DEBIAN_FRONTEND: 'noninteractive' });
}

function ensureCodeServer() {
  if (existsSync(join(toolsDir, '.complete'))) return;
  rmSync(toolsDir, { recursive: true, force: true });
  mkdirSync(toolsDir, { recursive: true });
  say(`installing code-server ${VERSION} into ${toolsDir} (a few minutes, once)`);
  writeFileSync(join(toolsDir, 'package.json'), '{"private":true}');
  sh('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', `code-server@${VERSION}`], toolsDir);
  const vscodeDir = join(codeServer, 'lib', 'vscode');
  sh('npm', ['install', '--unsafe-perm', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], vscodeDir);
  mkdirSync(join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin'), { recursive: true });
  rmSync(join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg'), { force: true });
  symlinkSync('/usr/bin/rg', join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg'));
  sh('npm', ['rebuild', '--unsafe-perm'], vscodeDir, { npm_config_yes: 'true' });
  rmSync(join(vscodeDir, 'node_modules.asar'), { force: true, recursive: true });
  symlinkSync('node_modules', join(vscodeDir, 'node_modules.asar'));
  sh('npm', ['install', '--unsafe-perm', '--omit=dev', '--no-audit', '--no-fund'], join(vscodeDir, 'extensions'));
  // argon2 is hoisted next to code-server; its native binding is built by its install script.
  sh('npm', ['rebuild', 'argon2'], toolsDir);
  writeFileSync(join(toolsDir, '.complete'), new Date().toISOString());
}

function freePort() {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitForHttp(url, timeoutMs) {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    try {
      const r = await fetch(url);
      if (r.status < 500) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`code-server did not answer at ${url}`);
}

function makeWorkspace() {
  const ws = mkdtempSync(join(tmpdir(), 'continuity-vscode-ws-'));
  cpSync(join(ROOT, 'plans'), join(ws, 'plans'), { recursive: true });
  const clean = readFileSync(join(ROOT, 'plans', 'example-moorland-surgery.md'), 'utf8');
  const bad = clean
    .replace(/^## Telephony failure[\s\S]*?(?=^## )/m, '')
    .replace(/^next_review: \S+/m, 'next_review: 01/06/2027');
  if (bad === clean) throw new Error('could not make the bad plan');
  writeFileSync(join(ws, 'plans', 'bad-plan.md'), bad);
  // for the details form: a UK-style next review date, fixed by typing into the form
  const form = clean.replace(/^next_review: \S+/m, 'next_review: 06/10/2027');
  writeFileSync(join(ws, 'plans', 'form-plan.md'), form);
  return ws;
}

/** The web run's workspace: the plans, a bad plan, and a plan whose shared content and config come through the editor. */
function makeWebWorkspace() {
  const ws = makeWorkspace();
  writeFileSync(join(ws, 'continuity.config.json'), JSON.stringify({ rules: { placeholder: 'error' } }));
  mkdirSync(join(ws, 'shared'));
  writeFileSync(
    join(ws, 'shared', 'messages.md'),
    '---\nshared_content: Patient messages\n---\n## Text messages {#sms}\n\n- "Our systems are down: please call only if urgent." {{sign-off}}\n',
  );
  const clean = readFileSync(join(ROOT, 'plans', 'example-moorland-surgery.md'), 'utf8');
  const shared = clean.replace(
    /^## Telephony failure\n/m,
    '## Telephony failure\n\n<!-- include: ../shared/messages.md#sms -->\n',
  );
  if (shared === clean) throw new Error('could not make the shared-content plan');
  writeFileSync(join(ws, 'plans', 'shared-plan.md'), shared);
  return ws;
}

/** A copy of the built extension whose manifest has no `main`: only the web entry can run. */
function webOnlyExtension() {
  const copy = mkdtempSync(join(tmpdir(), 'continuity-web-extension-'));
  cpSync(join(ROOT, 'extension'), copy, { recursive: true, filter: (src) => !/[\\/](test|node_modules)$/.test(src) });
  const manifest = JSON.parse(readFileSync(join(copy, 'package.json'), 'utf8'));
  delete manifest.main;
  writeFileSync(join(copy, 'package.json'), JSON.stringify(manifest, null, 2));
  return copy;
}

/**
 * Types a value into a field of the details form, as a person would: the form is a webview, an
 * iframe inside an iframe of the workbench, so it is found among the page's frames by its field id.
 */
async function typeIntoDetailsForm(page, field, value) {
  const started = Date.now();
  while (Date.now() - started < 20_000) {
    for (const frame of page.frames()) {
      const done = await frame
        .evaluate(
          (id, v) => {
            const el = document.getElementById(id);
            if (!el) return false;
            el.value = v;
            el.dispatchEvent(new Event('change', { bubbles: true }));
            return true;
          },
          `f-${field}`,
          value,
        )
        .catch(() => false);
      if (done) return say(`typed ${value} into the details form's ${field}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  say(`the details form's ${field} field was not found`);
}

ensureDebianPackages();
ensureCodeServer();
say('building the extension and the suite');
sh(process.execPath, [join(ROOT, 'extension', 'build.mjs')], ROOT);
sh(process.execPath, [join(ROOT, 'extension', 'test', 'build-suite.mjs')], ROOT);

/** One suite in a fresh code-server and browser page; resolves to its exit code. */
async function runSuite({ name, extensionPath, tests, workspace, kind }) {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'continuity-vscode-data-'));
  const server = spawn(
    process.execPath,
    [
      join(codeServer, 'out', 'node', 'entry.js'),
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--user-data-dir',
      join(dataDir, 'user'),
      '--extensions-dir',
      join(dataDir, 'ext'),
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--config',
      join(dataDir, 'config.yaml'),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, HOME: dataDir } },
  );
  let serverLog = '';
  server.stdout.on('data', (d) => (serverLog += d));
  server.stderr.on('data', (d) => (serverLog += d));
  let browser;
  let code = 1;
  try {
    await waitForHttp(`http://127.0.0.1:${port}/healthz`, 60_000);
    const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
    const payload = [
      ['extensionDevelopmentPath', remote(extensionPath)],
      ['extensionTestsPath', remote(tests)],
      ...(kind ? [['extensionDevelopmentKind', kind]] : []),
    ];
    const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    browser = await launch({
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--window-size=1400,900',
      ],
    });
    const page = await browser.newPage();
    await page.setViewport({ width: 1400, height: 900 });
    let resolveExit;
    const exited = new Promise((r) => (resolveExit = r));
    await page.exposeFunction('codeAutomationExit', (c) => resolveExit(c));
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const text = Array.isArray(args)
        ? args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ')
        : String(args);
      if (text.includes('[continuity-it]') || type === 'error') console.log(text.trim());
      const shot = /screenshot now (\w[\w-]*)/.exec(text);
      if (shot && process.env.SCREENSHOT_DIR)
        setTimeout(
          () =>
            void page.screenshot({ path: join(process.env.SCREENSHOT_DIR, `${shot[1]}.png`) }).catch(() => undefined),
          1000,
        );
      const ui = /ui: details (\w+) (\S+)/.exec(text);
      if (ui) void typeIntoDetailsForm(page, ui[1], ui[2]);
    });
    say(`${name}: opening ${url.slice(0, 80)}...`);
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    const timeout = new Promise((r) => setTimeout(() => r('timeout'), 420_000));
    const result = await Promise.race([exited, timeout]);
    if (result === 'timeout') {
      say(`${name}: the suite did not finish within 420 s`);
      await page.screenshot({ path: join(ROOT, '.tools', `vscode-${name}-timeout.png`) }).catch(() => undefined);
    } else code = Number(result);
  } catch (e) {
    say(`${name}: failed: ${e.stack ?? e}`);
    console.log(serverLog.slice(-4000));
  } finally {
    await browser?.close().catch(() => undefined);
    server.kill();
  }
  say(code === 0 ? `${name}: integration suite passed` : `${name}: integration suite failed (exit ${code})`);
  return code;
}

const only = process.argv.includes('--web') ? 'web' : process.argv.includes('--desktop') ? 'desktop' : undefined;
const codes = [];
if (only !== 'web')
  codes.push(
    await runSuite({
      name: 'desktop',
      extensionPath: join(ROOT, 'extension'),
      tests: join(ROOT, 'extension', 'test', 'dist', 'suite.js'),
      workspace: makeWorkspace(),
    }),
  );
if (only !== 'desktop')
  codes.push(
    await runSuite({
      name: 'web',
      extensionPath: webOnlyExtension(),
      tests: join(ROOT, 'extension', 'test', 'dist', 'web-suite.js'),
      workspace: makeWebWorkspace(),
      kind: 'web',
    }),
  );
const code = codes.every((c) => c === 0) ? 0 : 1;
process.exit(code);
