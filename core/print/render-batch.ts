/**
 * Print many plans with one browser and a bounded pool of pages. The browser and every page are
 * closed whatever happens (errors, a hung page, Ctrl-C); a browser that dies mid-batch is started
 * again for the plans still to do; each PDF is written to a temporary file and renamed, so a
 * half-written PDF never exists under its real name.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { launchBrowser } from './launch.js';
import { printPdf, type BuildDocument } from './print-pdf.js';

export interface RenderJob {
  /** What the user knows the plan as (its path). */
  name: string;
  build: BuildDocument;
  outFile: string;
}

export interface RenderOutcome {
  job: RenderJob;
  ok: boolean;
  pages?: number;
  ms: number;
  error?: string;
  /** The plan was not printed on purpose (its build refused), rather than printing failing. */
  refused?: boolean;
  blocked?: string[];
}

/** Thrown by a job's build when the plan must not be printed (it fails its checks): reported as refused. */
export class PlanNotPrintable extends Error {}

export interface BatchOptions {
  browserPath: string;
  concurrency: number;
  /** Per plan: a page that takes longer is abandoned and reported. */
  timeoutMs?: number;
  sourceDate: Date;
  onDone?: (outcome: RenderOutcome, done: number, total: number) => void;
  /** Stops the batch (Ctrl-C): pages and browser are closed, unfinished plans reported as stopped. */
  signal?: AbortSignal;
  launch?: (path: string) => Promise<Browser>;
}

export function writeFileAtomically(file: string, bytes: Uint8Array | string): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, bytes);
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} took longer than ${Math.round(ms / 1000)} s`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

export async function renderBatch(jobs: RenderJob[], options: BatchOptions): Promise<RenderOutcome[]> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const launch = options.launch ?? ((p: string) => launchBrowser(p));
  const outcomes: RenderOutcome[] = [];
  let browser: Browser | undefined;
  let launching: Promise<Browser> | undefined;
  let next = 0;
  let done = 0;
  let relaunches = 0;

  const getBrowser = async (): Promise<Browser> => {
    if (browser?.connected) return browser;
    if (!launching) {
      if (browser) relaunches++;
      if (relaunches > 2) throw new Error('the browser keeps crashing');
      launching = launch(options.browserPath).then((b) => {
        browser = b;
        return b;
      });
      launching.finally(() => (launching = undefined)).catch(() => undefined);
    }
    return launching;
  };

  const finish = (outcome: RenderOutcome) => {
    outcomes.push(outcome);
    done++;
    options.onDone?.(outcome, done, jobs.length);
  };

  const renderOne = async (job: RenderJob): Promise<void> => {
    const started = Date.now();
    if (options.signal?.aborted) return finish({ job, ok: false, ms: 0, error: 'stopped before it was printed' });
    let page;
    try {
      const b = await getBrowser();
      page = await b.newPage();
      const printed = await withTimeout(printPdf(page, job.build, { sourceDate: options.sourceDate, timeoutMs }), timeoutMs * 2, 'printing');
      writeFileAtomically(job.outFile, printed.bytes);
      finish({ job, ok: true, pages: printed.pages, ms: Date.now() - started, blocked: printed.blocked });
    } catch (e) {
      const message = options.signal?.aborted ? 'stopped' : (e as Error).message.split('\n')[0];
      finish({ job, ok: false, ms: Date.now() - started, error: message, refused: e instanceof PlanNotPrintable });
    } finally {
      await page?.close().catch(() => undefined);
    }
  };

  const onAbort = () => void browser?.close().catch(() => undefined);
  options.signal?.addEventListener('abort', onAbort);
  try {
    const workers = Array.from({ length: Math.max(1, Math.min(options.concurrency, jobs.length)) }, async () => {
      while (next < jobs.length) await renderOne(jobs[next++]);
    });
    await Promise.all(workers);
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    await browser?.close().catch(() => undefined);
    const proc = browser?.process();
    if (proc && proc.exitCode === null) proc.kill('SIGKILL');
  }
  return jobs.map((j) => outcomes.find((o) => o.job === j)!);
}
