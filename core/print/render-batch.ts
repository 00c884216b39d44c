/**
 * Print many plans with one browser and a bounded pool of pages. The browser and every page are
 * closed whatever happens (errors, a hung page or browser, Ctrl-C); a browser that dies mid-batch is
 * started again for the plans still to do (twice at most); a browser that cannot be started is tried
 * once, not once per plan; each PDF is written to a temporary file and renamed, so a half-written PDF
 * never exists under its real name. Each plan's print document is weighed before the browser sees it
 * (print-weight.ts): a plan too large to print is refused with the reason, and the plans printing at
 * once share one memory budget.
 */
import { dirname } from 'node:path';
import { writeFileAtomic } from '../io/write-file-atomic.js';
import type { Browser, Page } from 'puppeteer-core';
import { closeBrowser, launchBrowser } from './launch.js';
import { printPdf, type BuildDocument } from './print-pdf.js';
import { MemoryBudget } from './memory-budget.js';
import { PRINT_MEMORY_LIMIT_MB, printWeightProblem, weighPrintDocument } from './print-weight.js';

export interface RenderJob {
  /** What the user knows the plan as (its path). */
  name: string;
  build: BuildDocument;
  outFile: string;
  /**
   * The folder the PDF belongs in: no folder between it and the file may be a symbolic link (see
   * io/write-file-atomic.ts). Default: the PDF's own folder, trusted as the caller named it.
   */
  within?: string;
  /** This plan's own limit, instead of the batch's `timeoutMs`. */
  timeoutMs?: number;
}

export interface RenderOutcome {
  job: RenderJob;
  ok: boolean;
  pages?: number;
  ms: number;
  error?: string;
  /** The plan was not printed on purpose (its build refused), rather than printing failing. */
  refused?: boolean;
  /** The plan was not tried: the browser could not be started (or kept crashing). */
  noBrowser?: boolean;
  blocked?: string[];
}

/** Thrown by a job's build when the plan must not be printed (it fails its checks): reported as refused. */
export class PlanNotPrintable extends Error {}

/** No browser to print with: it could not be started, or it kept crashing. */
export class BrowserUnavailable extends Error {}

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
  /** How long a page or browser may take to close before it is treated as hung (default 5 s). */
  closeTimeoutMs?: number;
  /** The memory one plan, and the plans printing at once, may take (default PRINT_MEMORY_LIMIT_MB). */
  memoryLimitMb?: number;
}

class Timeout extends Error {}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Timeout(`${what} took longer than ${ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`}`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** Resolves when the browser disconnects, or after `ms`, whichever is first. */
function disconnectedWithin(b: Browser, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      b.off('disconnected', done);
      resolve();
    }
    b.once('disconnected', done);
  });
}

const firstLine = (e: unknown) => String((e as Error)?.message ?? e).split('\n')[0];

export async function renderBatch(jobs: RenderJob[], options: BatchOptions): Promise<RenderOutcome[]> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const closeTimeoutMs = options.closeTimeoutMs ?? 5_000;
  const launch = options.launch ?? ((p: string) => launchBrowser(p));
  const memoryLimitMb = options.memoryLimitMb ?? PRINT_MEMORY_LIMIT_MB;
  const budget = new MemoryBudget(memoryLimitMb);
  const outcomes: RenderOutcome[] = [];
  let browser: Browser | undefined;
  let launching: Promise<Browser> | undefined;
  let unavailable: BrowserUnavailable | undefined;
  let next = 0;
  let done = 0;
  let relaunches = 0;

  // Every browser started, each closed once (politely, then killed if it does not answer).
  const started: Browser[] = [];
  const closing = new Map<Browser, Promise<void>>();
  const shutDown = (b: Browser, polite = true): Promise<void> => {
    let p = closing.get(b);
    if (!p) closing.set(b, (p = closeBrowser(b, closeTimeoutMs, { polite }).catch(() => undefined)));
    return p;
  };
  // Browsers that stopped answering, killed on purpose (as opposed to crashing by themselves).
  const hung = new Set<Browser>();
  const killHung = (b: Browser) => {
    hung.add(b);
    return shutDown(b, false);
  };

  const getBrowser = async (): Promise<Browser> => {
    if (unavailable) throw unavailable;
    if (browser?.connected && !closing.has(browser)) return browser;
    if (!launching) {
      if (browser) {
        // it crashed, was killed or hung: make sure none of it is left, then start another
        void shutDown(browser);
        relaunches++;
        if (relaunches > 2) throw (unavailable = new BrowserUnavailable('the browser keeps crashing'));
      }
      launching = launch(options.browserPath).then(
        (b) => {
          started.push(b);
          browser = b;
          if (options.signal?.aborted) void shutDown(b);
          return b;
        },
        (e) => {
          // tried once: a browser that cannot start will not start for the next plan either
          throw (unavailable = new BrowserUnavailable(`the browser could not be started: ${firstLine(e)}`));
        },
      );
      launching.finally(() => (launching = undefined)).catch(() => undefined);
    }
    return launching;
  };

  /** After a timeout: a browser that does not answer at all is hung, and is replaced for the next plan. */
  const checkResponsive = async (b: Browser) => {
    if (closing.has(b) || !b.connected) return;
    try {
      await withTimeout(b.version(), closeTimeoutMs, 'the browser answering');
    } catch {
      void killHung(b);
    }
  };

  const finish = (outcome: RenderOutcome) => {
    outcomes.push(outcome);
    done++;
    options.onDone?.(outcome, done, jobs.length);
  };

  const renderOne = async (job: RenderJob): Promise<void> => {
    const t0 = Date.now();
    if (options.signal?.aborted) return finish({ job, ok: false, ms: 0, error: 'stopped before it was printed' });
    let b: Browser | undefined;
    let page: Page | undefined;
    let taken = 0;
    try {
      b = await getBrowser();
      const limit = job.timeoutMs ?? timeoutMs;
      page = await withTimeout(b.newPage(), limit, 'opening a browser page');
      // Weighed before the page is given it: a plan too large to print never reaches the browser, and
      // a blank page waits for room beside the plans printing.
      const first = job.build();
      const weight = weighPrintDocument(first.html);
      const tooLarge = printWeightProblem(weight, memoryLimitMb);
      if (tooLarge) throw new PlanNotPrintable(tooLarge);
      await budget.take(weight.megabytes);
      taken = weight.megabytes;
      if (options.signal?.aborted) throw new Error('stopped');
      const printed = await withTimeout(printPdf(page, job.build, { sourceDate: options.sourceDate, timeoutMs: limit, first }), limit * 2, 'printing');
      writeFileAtomic(job.outFile, printed.bytes, { within: job.within ?? dirname(job.outFile), makeFolders: true });
      finish({ job, ok: true, pages: printed.pages, ms: Date.now() - t0, blocked: printed.blocked });
    } catch (e) {
      const stopped = options.signal?.aborted;
      // a browser that died fails its pages a moment before it reports itself disconnected
      if (!stopped && b?.connected && !(e instanceof PlanNotPrintable || e instanceof Timeout)) await disconnectedWithin(b, 500);
      const crashed = !stopped && b !== undefined && !b.connected && !hung.has(b);
      const error = stopped ? 'stopped' : crashed ? `the browser stopped while printing it (it crashed or was killed): ${firstLine(e)}` : firstLine(e);
      finish({ job, ok: false, ms: Date.now() - t0, error, refused: e instanceof PlanNotPrintable, noBrowser: e instanceof BrowserUnavailable });
      if (b && e instanceof Timeout) await checkResponsive(b);
    } finally {
      if (page && b && b.connected && !closing.has(b)) {
        // a page that will not close belongs to a browser that is not to be trusted
        await withTimeout(page.close(), closeTimeoutMs, 'closing the page').catch((err) => (err instanceof Timeout ? killHung(b!) : undefined));
      }
      if (taken) budget.give(taken);
    }
  };

  const onAbort = () => {
    if (browser) void shutDown(browser);
  };
  options.signal?.addEventListener('abort', onAbort);
  try {
    const workers = Array.from({ length: Math.max(1, Math.min(options.concurrency, jobs.length)) }, async () => {
      while (next < jobs.length) await renderOne(jobs[next++]);
    });
    await Promise.all(workers);
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    await launching?.catch(() => undefined);
    await Promise.all(started.map((b) => shutDown(b)));
  }
  return jobs.map((j) => outcomes.find((o) => o.job === j)!);
}
