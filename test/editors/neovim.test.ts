// Neovim as a practice manager's editor: a real headless Neovim (Debian 12's 0.7, installed by
// scripts/ensure-test-tools.sh) with the set-up in docs/cli.md (fixtures/neovim/init.lua, the same command,
// filetype, root markers and init_options) opens plans in a copy of plans/, and fixtures/neovim/probe.lua
// writes what Neovim then shows (diagnostics, hover, code actions, the buffer after a quick fix) as JSON.
// The server is started as docs/cli.md tells Neovim users, `continuity-language-server --stdio` found on
// PATH, here a shim to the built server (dist/extension/server/main.js, package.json's bin).
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { tempWorkspace } from '../helpers/cli.js';
import { cleanPlan, replaceOnce, ROOT, TODAY } from '../helpers/plans.js';

const FIXTURES = join(import.meta.dirname, 'fixtures', 'neovim');
const SERVER_BIN = 'continuity-language-server';
/** Safety nets for a loaded machine, not speed checks: each wait inside Neovim ends on its event. */
const WAIT_MS = 60_000;
const KILL_AFTER_MS = 240_000;

interface Shown {
  line: number;
  col: number;
  endLine: number;
  endCol: number;
  severity: string;
  message: string;
  source: string;
  code: string;
}

interface Report {
  error?: string;
  nvim: { major: number; minor: number; patch: number };
  serverPid: number;
  clients: number;
  plans: Record<string, Shown[]>;
  hover: { kind: string; value: string };
  actions: string[];
  afterFix?: { line: string; diagnostics: Shown[] };
}

interface NeovimRun {
  report: Report;
  /** The workspace the plans were copied into. */
  dir: string;
}

/** Workspaces of this file's runs: every server started there wrote its pid (see serverShim). */
const workspaces: string[] = [];
afterEach(() => {
  // Last resort after a failed run (Neovim killed, say): end the servers Neovim started, by pid.
  for (const dir of workspaces.splice(0))
    for (const pid of serverPids(dir)) if (alive(pid)) process.kill(pid, 'SIGKILL');
});

function serverPids(dir: string): number[] {
  const file = join(dir, 'server.pids');
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean).map(Number) : [];
}

function alive(pid: number): boolean {
  try {
    return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return false; // gone
  }
}

async function gone(pid: number, boundMs = 30_000): Promise<boolean> {
  const started = Date.now();
  while (alive(pid)) {
    if (Date.now() - started > boundMs) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
  return true;
}

/**
 * What npm's bin link does: `continuity-language-server` on PATH runs the built server with node. It
 * notes its pid first (exec keeps it), so the test can always find the server Neovim started.
 */
function serverShim(dir: string, target = join(ROOT, 'dist', 'extension', 'server', 'main.js')): string {
  const bin = join(dir, 'bin');
  mkdirSync(bin, { recursive: true });
  const pids = join(dir, 'server.pids');
  writeFileSync(
    join(bin, SERVER_BIN),
    `#!/bin/sh\necho $$ >> '${pids}'\nexec '${process.execPath}' '${target}' "$@"\n`,
  );
  chmodSync(join(bin, SERVER_BIN), 0o755);
  return bin;
}

/** A plan with two problems a rule catches: a section removed and a date not written as YYYY-MM-DD. */
function brokenPlan(): string {
  return replaceOnce(
    replaceOnce(cleanPlan(), /^## Telephony failure[\s\S]*?(?=^## )/m, ''),
    /^next_review: \S+/m,
    'next_review: 01/06/2027',
  );
}

/**
 * A clean plan due for review three days after the test's fixed today, and days before the real one:
 * clean only if the server keeps the `today` Neovim gave in init_options.
 */
function reviewSoonPlan(): string {
  return replaceOnce(cleanPlan(), /^next_review: \S+/m, 'next_review: 2026-11-25');
}

const lineOf = (text: string, start: string) => text.split('\n').findIndex((l) => l.startsWith(start));

async function runNeovim(plans: Record<string, string>, options: { shimTarget?: string } = {}): Promise<NeovimRun> {
  const dir = tempWorkspace();
  workspaces.push(dir);
  mkdirSync(join(dir, '.git')); // the root marker the documented set-up looks for
  writeFileSync(join(dir, 'notes.md'), '# Notes\n\nNot a plan.\n');
  for (const [name, text] of Object.entries(plans)) writeFileSync(join(dir, 'plans', name), text);
  const clean = join(dir, 'plans', 'clean.md');
  const broken = join(dir, 'plans', 'broken.md');
  const request = {
    waitMs: WAIT_MS,
    notes: join(dir, 'notes.md'),
    plans: Object.keys(plans).map((name) => join(dir, 'plans', name)),
    hover: { path: clean, line: lineOf(plans['clean.md'], '## Telephony failure'), col: 4 },
    fix: { path: broken, line: lineOf(plans['broken.md'], 'next_review:'), title: 'Write the date as 2027-06-01' },
  };
  const home = join(dir, 'home');
  const out = join(dir, 'neovim-report.json');
  // Nothing of the user's: a fresh HOME and XDG folders, --clean, no shada (-i NONE), no swap files (-n).
  const env = {
    PATH: `${serverShim(dir, options.shimTarget)}:${process.env.PATH}`,
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_DATA_HOME: join(home, '.local', 'share'),
    XDG_STATE_HOME: join(home, '.local', 'state'),
    XDG_CACHE_HOME: join(home, '.cache'),
    NVIM_LOG_FILE: join(home, 'nvim.log'),
    CONTINUITY_TODAY: TODAY,
    CONTINUITY_NVIM_PROBE: join(FIXTURES, 'probe.lua'),
    CONTINUITY_NVIM_OUT: out,
    CONTINUITY_NVIM_REQUEST: JSON.stringify(request),
  };
  const args = ['--headless', '--clean', '-u', join(FIXTURES, 'init.lua'), '-i', 'NONE', '-n'];
  const child = spawn('nvim', [...args, '-c', 'lua dofile(os.getenv("CONTINUITY_NVIM_PROBE"))'], {
    cwd: dir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  child.on('error', (e) => (output += `could not start nvim: ${e.message}`));
  let killed = false;
  const killer = setTimeout(() => {
    killed = true;
    child.kill('SIGKILL');
  }, KILL_AFTER_MS);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearTimeout(killer);
  const lspLog = join(home, '.cache', 'nvim', 'lsp.log');
  const why = () =>
    `Neovim ${killed ? `was killed after ${KILL_AFTER_MS} ms` : `exited with ${code}`}; its output: ${output}\n` +
    `lsp.log: ${existsSync(lspLog) ? readFileSync(lspLog, 'utf8').slice(-4000) : '(none)'}`;
  if (!existsSync(out)) throw new Error(`Neovim wrote no report. ${why()}`);
  const report = JSON.parse(readFileSync(out, 'utf8')) as Report;
  if (report.error) throw new Error(`${report.error}. ${why()}`);
  expect(code, why()).toBe(0);
  return { report, dir };
}

describe('Neovim with the documented set-up', () => {
  beforeAll(() => {
    // pretest (scripts/ensure-test-tools.sh) installs Neovim; without it this fails, it is never skipped.
    expect(existsSync(join(ROOT, 'dist', 'extension', 'server', 'main.js')), 'run `npm run build` first').toBe(true);
  });

  it('shows the server diagnostics on the right lines, hover, and a quick fix that clears its error', async () => {
    const broken = brokenPlan();
    const { report, dir } = await runNeovim({
      'broken.md': broken,
      'clean.md': cleanPlan(),
      'review-soon.md': reviewSoonPlan(),
    });
    expect(report.nvim.major === 0 && report.nvim.minor >= 7).toBe(true);
    const plan = (name: string) => report.plans[join(dir, 'plans', name)];

    // The broken plan: both problems, as Neovim shows them, on the lines at fault: the date where it is
    // written, the missing section on the plan's title (there is no line of its own to point at).
    const dateLine = lineOf(broken, 'next_review:');
    const titleLine = lineOf(broken, '# ');
    expect(plan('broken.md')).toEqual([
      {
        line: dateLine,
        col: 13,
        endLine: dateLine,
        endCol: 23,
        severity: 'ERROR',
        message: expect.stringMatching(
          /^'01\/06\/2027' in 'next_review' in the front matter is not a date written as YYYY-MM-DD\. If you meant 2027-06-01, write that\./,
        ),
        source: 'continuity',
        code: 'schema/invalid-value',
      },
      {
        line: titleLine,
        col: 0,
        endLine: titleLine,
        endCol: broken.split('\n')[titleLine].length,
        severity: 'ERROR',
        message: expect.stringMatching(/^The plan has no 'Telephony failure' section\./),
        source: 'continuity',
        code: 'schema/required-section',
      },
    ]);
    // The shipped plan: nothing to say.
    expect(plan('clean.md')).toEqual([]);
    // Neovim answers the server's settings request with null (no `settings` in the set-up); the
    // init_options' `today` still holds, so a review due after that day is not overdue.
    expect(plan('review-soon.md')).toEqual([]);

    // Hover (K) on a heading: the schema's guidance for the section.
    expect(report.hover.kind).toBe('markdown');
    expect(report.hover.value).toMatch(/^\*\*Telephony failure\*\* \(required section\)[\s\S]*Why it matters:/);

    // Code actions on the date line, chosen and applied by Neovim: the line is fixed and its error goes.
    expect(report.actions).toContain('Write the date as 2027-06-01');
    expect(report.afterFix?.line).toBe('next_review: 2027-06-01');
    expect(report.afterFix?.diagnostics.map((d) => d.code)).toEqual(['schema/required-section']);

    // One server for the folder, and it ends when Neovim quits.
    expect(report.clients).toBe(1);
    expect(serverPids(dir)).toEqual([report.serverPid]);
    expect(await gone(report.serverPid)).toBe(true);
  });

  it('says why when the server command cannot start, rather than hanging', async () => {
    await expect(
      runNeovim(
        { 'broken.md': brokenPlan(), 'clean.md': cleanPlan() },
        { shimTarget: join(ROOT, 'no-such-server.js') },
      ),
    ).rejects.toThrow(/^the language server stopped while Neovim waited for the server to ask for its settings/);
  });

  it("runs docs/cli.md's set-up: the same command, filetype, root markers and init_options", () => {
    const page = readFileSync(join(ROOT, 'docs', 'cli.md'), 'utf8');
    const snippet = /^The server also runs on its own[^\n]*Neovim[^\n]*\n\n```lua\n([\s\S]*?)^```/m.exec(page)?.[1];
    expect(snippet, "docs/cli.md's Neovim snippet").toBeDefined();
    const tested = readFileSync(join(FIXTURES, 'init.lua'), 'utf8');
    const pieces = [
      /pattern = 'markdown'/,
      /cmd = \{ 'continuity-language-server', '--stdio' \}/,
      /\{ 'continuity\.config\.json', '\.git' \}/,
      /init_options = \{ debounceMs = 200\b/,
    ];
    for (const piece of pieces) {
      expect(snippet, `docs/cli.md snippet has ${piece}`).toMatch(piece);
      expect(tested, `init.lua has ${piece}`).toMatch(piece);
    }
  });
});
