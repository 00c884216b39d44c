// Printing under faults, with real Chromium: the browser killed mid-batch, a browser that stops
// answering, a page that never finishes, a browser that cannot start, and Ctrl-C. Every time: the
// plans that failed are named, the rest are printed, every PDF under its real name is complete, no
// temporary file, no browser process and no browser profile folder is left behind.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { checkPlan } from '../../core/check-plan.js';
import { findBrowser } from '../../core/print/find-browser.js';
import { launchBrowser } from '../../core/print/launch.js';
import { renderBatch, type RenderJob, type RenderOutcome } from '../../core/print/render-batch.js';
import { buildPrintDocument } from '../../core/render/print-document.js';
import { killProcessesMatching, mainBrowserProcess, waitForNoProcesses } from '../helpers/processes.js';
import { ROOT, TODAY, readPlan } from '../helpers/plans.js';

const browserPath = findBrowser().path;

/** pdfinfo's page count, or a failure if the file is not a complete PDF. */
function pdfPages(file: string): number {
  return Number(
    /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }))![1],
  );
}

// Each test runs its browsers with a temporary folder of its own: their profiles and Chromium's
// single-instance socket folder go there, and its path marks every one of their processes.
let work: string;
let browserTmp: string;
const savedTmpdir = process.env.TMPDIR;
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'continuity-faults-'));
  browserTmp = join(work, 'tmp');
  mkdirSync(browserTmp);
  process.env.TMPDIR = browserTmp;
});
afterEach(() => {
  if (savedTmpdir === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmpdir;
  killProcessesMatching(browserTmp); // only if a test failed half-way; asserted empty below
});

/** Nothing left: no process, no profile or socket folder, no temporary file; every PDF complete. */
async function expectNothingLeft(outDir: string, outcomes?: RenderOutcome[]): Promise<void> {
  expect((await waitForNoProcesses(browserTmp)).map((p) => p.cmdline)).toEqual([]);
  expect(readdirSync(browserTmp)).toEqual([]);
  const files = readdirSync(outDir);
  expect(files.filter((f) => !f.endsWith('.pdf'))).toEqual([]);
  for (const f of files) expect(pdfPages(join(outDir, f)), f).toBeGreaterThan(0);
  if (outcomes) {
    for (const o of outcomes) {
      const name = o.job.outFile.replace(/^.*\//, '');
      if (o.ok) expect(pdfPages(o.job.outFile), name).toBe(o.pages);
      else expect(files, name).not.toContain(name);
    }
  }
}

const { doc: castle } = checkPlan(readPlan('example-castle-street-practice.md'), { today: TODAY });

function jobs(
  outDir: string,
  names: string[],
  hook: (name: string) => void = () => undefined,
  formsOnly = true,
): RenderJob[] {
  return names.map((name) => ({
    name,
    outFile: join(outDir, `${name}.pdf`),
    build: (pages) => {
      if (!pages) hook(name); // the first pass: the plan's page is open and about to be printed
      return buildPrintDocument(castle!, { revision: 'test', printedDate: TODAY, pages, formsOnly });
    },
  }));
}

/** The jobs, with a short time limit for the one that is made to hang (the others keep the batch's). */
function withLimit(list: RenderJob[], name: string, timeoutMs: number): RenderJob[] {
  return list.map((j) => (j.name === name ? { ...j, timeoutMs } : j));
}

/** A launch that records each browser it starts (and every page opened in it). */
function trackingLaunch() {
  const browsers: { browser: Browser; pid: number; pages: Page[] }[] = [];
  const launch = async (path: string) => {
    const browser = await launchBrowser(path);
    const entry = { browser, pid: browser.process()!.pid!, pages: [] as Page[] };
    browser.on('targetcreated', (t) => void t.page().then((p) => p && entry.pages.push(p)));
    browsers.push(entry);
    return browser;
  };
  return { browsers, launch };
}

describe('renderBatch under faults (real Chromium)', () => {
  it('the browser killed (SIGKILL) mid-batch: the plans it was printing are named, the rest printed by a new browser, nothing left', async () => {
    const out = join(work, 'out');
    const { browsers, launch } = trackingLaunch();
    const names = ['p1', 'p2', 'p3', 'p4', 'p5'];
    // kill the browser while p3's page is open and about to print: p3 cannot be printed by it
    const outcomes = await renderBatch(
      jobs(out, names, (name) => name === 'p3' && process.kill(browsers[0].pid, 'SIGKILL'), false),
      { browserPath, concurrency: 2, sourceDate: new Date(0), launch },
    );
    const failed = outcomes.filter((o) => !o.ok);
    const byName = Object.fromEntries(outcomes.map((o) => [o.job.name, o]));
    expect(byName.p3.ok).toBe(false);
    for (const o of failed)
      expect(o.error, o.job.name).toMatch(/^the browser stopped while printing it \(it crashed or was killed\)/);
    // only the plans in flight on the killed browser failed: p3 and at most the one beside it
    expect(failed.length).toBeLessThanOrEqual(2);
    // p5 started after the crash and was printed by a second browser
    expect(browsers).toHaveLength(2);
    expect(byName.p5.ok).toBe(true);
    await expectNothingLeft(out, outcomes);
  }, 300_000);

  it('a browser that stops answering (SIGSTOP) mid-batch: that plan times out and is named, the browser is killed and replaced, the rest printed', async () => {
    const out = join(work, 'out');
    const { browsers, launch } = trackingLaunch();
    // Only the stopped plan has a short limit: the healthy ones get a bound no loaded machine reaches.
    const outcomes = await renderBatch(
      withLimit(
        jobs(out, ['a', 'b', 'c'], (name) => name === 'b' && process.kill(browsers[0].pid, 'SIGSTOP')),
        'b',
        2_000,
      ),
      { browserPath, concurrency: 1, timeoutMs: 120_000, closeTimeoutMs: 10_000, sourceDate: new Date(0), launch },
    );
    expect(outcomes.map((o) => [o.job.name, o.ok])).toEqual([
      ['a', true],
      ['b', false],
      ['c', true],
    ]);
    expect(outcomes[1].error).toBe('printing took longer than 4 s');
    expect(browsers).toHaveLength(2);
    await expectNothingLeft(out, outcomes);
  }, 300_000);

  it('a page that never finishes (its renderer in an endless loop): reported, the rest printed by the same browser', async () => {
    const out = join(work, 'out');
    const { browsers, launch } = trackingLaunch();
    const hang = (name: string) => {
      if (name !== 'b') return;
      // The plan's page is the newest one. Its renderer's main thread never returns (as a
      // pathological layout would), so loading the plan into it never finishes.
      void browsers[0].pages
        .at(-1)!
        .evaluate('for (;;) {}')
        .catch(() => undefined);
    };
    const outcomes = await renderBatch(withLimit(jobs(out, ['a', 'b', 'c'], hang), 'b', 2_000), {
      browserPath,
      concurrency: 1,
      timeoutMs: 120_000,
      closeTimeoutMs: 15_000,
      sourceDate: new Date(0),
      launch,
    });
    expect(outcomes.map((o) => [o.job.name, o.ok])).toEqual([
      ['a', true],
      ['b', false],
      ['c', true],
    ]);
    expect(outcomes[1].error).toMatch(/took longer than/);
    // the browser itself still answered, so it was kept
    expect(browsers).toHaveLength(1);
    await expectNothingLeft(out, outcomes);
  }, 300_000);

  it('a browser that cannot start is tried once, every plan reported, and no profile folder is left', async () => {
    const out = join(work, 'out');
    let launches = 0;
    const outcomes = await renderBatch(jobs(out, ['a', 'b', 'c']), {
      browserPath: '/bin/false',
      concurrency: 2,
      sourceDate: new Date(0),
      launch: (p) => (launches++, launchBrowser(p)),
    });
    expect(launches).toBe(1);
    for (const o of outcomes)
      expect(o).toMatchObject({
        ok: false,
        noBrowser: true,
        error: expect.stringMatching(/^the browser could not be started: Failed to launch the browser process/),
      });
    mkdirSync(out, { recursive: true });
    await expectNothingLeft(out, outcomes);
  }, 300_000);
});

/** `continuity render` as a user runs it, with the browser's TMPDIR set, reacting to its output. */
function renderCli(
  dir: string,
  args: string[],
  onStdout: (all: string, child: ReturnType<typeof spawn>) => void = () => undefined,
) {
  return new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>(
    (resolve) => {
      const child = spawn(process.execPath, [join(ROOT, 'bin', 'continuity.js'), 'render', ...args, '--today', TODAY], {
        cwd: dir,
        env: { ...process.env, TMPDIR: browserTmp, NO_COLOR: '1' },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => {
        stdout += d;
        onStdout(stdout, child);
      });
      child.stderr.on('data', (d) => (stderr += d));
      child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    },
  );
}

function workspace(names: string[]): string {
  const dir = join(work, 'ws');
  mkdirSync(join(dir, 'plans'), { recursive: true });
  // The example includes the shipped shared content.
  cpSync(join(ROOT, 'plans', 'shared'), join(dir, 'plans', 'shared'), { recursive: true });
  for (const n of names)
    copyFileSync(join(ROOT, 'plans', 'example-castle-street-practice.md'), join(dir, 'plans', `${n}.md`));
  return dir;
}

describe('continuity render under faults', () => {
  it('Chromium killed mid-batch: exit 1 naming the plans not printed; the others printed and complete; nothing left', async () => {
    const dir = workspace(['b', 'c', 'd']);
    // a long plan (60 extra annex sections with tables) sorts first and is still printing when b is done
    const rows = Array.from(
      { length: 40 },
      (_, r) => `| Item ${r} | Store room shelf ${r % 7} | 01632 9605${String(r).padStart(2, '0')} | Checked weekly |`,
    ).join('\n');
    const annexes = Array.from(
      { length: 60 },
      (_, i) =>
        `\n## Site annex ${i + 1}\n\nWhat is kept where.\n\n| Item | Where | Phone | Notes |\n| --- | --- | --- | --- |\n${rows}\n`,
    ).join('');
    writeFileSync(join(dir, 'plans', 'a-long.md'), readPlan('example-castle-street-practice.md') + annexes);
    let killed: number | undefined;
    const r = await renderCli(dir, ['plans', '--out', 'out', '--concurrency', '2'], (stdout) => {
      if (killed === undefined && /plans\/b\.md -> /.test(stdout)) {
        killed = mainBrowserProcess(browserTmp)!.pid;
        process.kill(killed, 'SIGKILL');
      }
    });
    expect(killed).toBeDefined();
    expect(r.code).toBe(1);
    const notPrinted = [...r.stderr.matchAll(/^continuity: plans\/(\S+)\.md not printed: (.*)$/gm)].map((m) => [
      m[1],
      m[2],
    ]);
    const printed = [...r.stdout.matchAll(/^plans\/(\S+)\.md -> out\/\S+\.pdf \((\d+) pages/gm)].map((m) => m[1]);
    expect(notPrinted.map(([n]) => n)).toContain('a-long');
    for (const [, why] of notPrinted)
      expect(why).toMatch(/^the browser stopped while printing it \(it crashed or was killed\)/);
    expect([...printed, ...notPrinted.map(([n]) => n)].sort()).toEqual(['a-long', 'b', 'c', 'd']);
    expect(printed).toContain('d'); // started after the crash, by a new browser
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(printed.map((n) => `${n}.pdf`).sort());
    await expectNothingLeft(join(dir, 'out'));
  }, 300_000);

  it('Ctrl-C (SIGINT) mid-batch: browser closed, exit 2, finished PDFs complete, no half-written file, nothing left', async () => {
    const dir = workspace(['a', 'b', 'c', 'd', 'e']);
    let interrupted = false;
    const r = await renderCli(dir, ['plans', '--out', 'out', '--concurrency', '2'], (stdout, child) => {
      if (!interrupted && / -> out\//.test(stdout)) {
        interrupted = true;
        child.kill('SIGINT');
      }
    });
    expect(interrupted).toBe(true);
    expect(r.code).toBe(2);
    const printed = [...r.stdout.matchAll(/^plans\/(\S+)\.md -> /gm)].map((m) => m[1]);
    const stopped = [
      ...r.stderr.matchAll(/^continuity: plans\/(\S+)\.md not printed: (stopped|stopped before it was printed)$/gm),
    ].map((m) => m[1]);
    expect(printed.length).toBeGreaterThanOrEqual(1);
    expect(stopped.length).toBeGreaterThanOrEqual(1);
    expect([...printed, ...stopped].sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(printed.map((n) => `${n}.pdf`).sort());
    await expectNothingLeft(join(dir, 'out'));
  }, 300_000);

  it('a browser that cannot start: exit 2, every plan named, and the remedy (continuity doctor)', async () => {
    const dir = workspace(['a', 'b']);
    const r = await renderCli(dir, ['plans', '--out', 'out', '--browser', '/bin/false']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('continuity: plans/a.md not printed: there was no browser to print it with');
    expect(r.stderr).toContain('continuity: plans/b.md not printed: there was no browser to print it with');
    expect(r.stderr).toMatch(
      /the browser could not be started: .* \(\/bin\/false\)\. Run 'continuity doctor --browser "\/bin\/false"' to see why and how to fix it/,
    );
    expect(readdirSync(browserTmp)).toEqual([]);
    expect(readFileSync(join(dir, 'plans', 'a.md'), 'utf8')).toContain('Castle Street');
  }, 300_000);
});
