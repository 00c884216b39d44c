/**
 * The CLI side of printing PDFs, shared by `render` and `build`: find the browser (or say exactly how
 * to get one), print a batch with one browser, and report progress: a bar on a terminal, one line per
 * file in CI logs, and each plan that was not printed with the reason.
 */
import { relative } from 'node:path';
import { BrowserNotFoundError, findBrowser } from '../core/printing.js';
import { renderBatch, type RenderJob, type RenderOutcome } from '../core/printing.js';
import type { CommandIO } from './commands/lint.js';

/** The browser to print with, or undefined after saying why there is none (the command exits 2). */
export function locateBrowser(explicitPath: string | undefined, io: CommandIO): string | undefined {
  try {
    return findBrowser({ explicitPath, explicitSource: '--browser option' }).path;
  } catch (e) {
    if (e instanceof BrowserNotFoundError) {
      io.stderr(`continuity: ${e.message}\n`);
      return undefined;
    }
    throw e;
  }
}

export function progressBar(done: number, total: number): string {
  const width = 24;
  const filled = Math.round((done / total) * width);
  return `\r[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${total} plans`;
}

export interface PrintBatchOptions {
  browserPath: string;
  /** The --browser the user gave, for the remedy when it cannot start. */
  explicitBrowser?: string;
  /** How to print without this browser, e.g. "--format html". */
  htmlOption: string;
  concurrency: number;
  sourceDate: Date;
  signal?: AbortSignal;
  tty: boolean;
  cwd: string;
}

export async function printBatch(jobs: RenderJob[], opts: PrintBatchOptions, io: CommandIO): Promise<RenderOutcome[]> {
  const outcomes = await renderBatch(jobs, {
    browserPath: opts.browserPath,
    concurrency: opts.concurrency,
    sourceDate: opts.sourceDate,
    signal: opts.signal,
    onDone: (o, done, total) => {
      if (opts.tty) io.stderr(progressBar(done, total) + (done === total ? '\n' : ''));
      if (!o.ok) return;
      if (!opts.tty)
        io.stdout(
          `${o.job.name} -> ${relative(opts.cwd, o.job.outFile)} (${o.pages} pages, ${(o.ms / 1000).toFixed(1)} s)\n`,
        );
      if (o.blocked?.length)
        io.stderr(
          `continuity: ${o.job.name}: blocked ${o.blocked.length} request(s) the plan tried to make (printing never uses the network)\n`,
        );
    },
  });
  for (const o of outcomes)
    if (!o.ok)
      io.stderr(
        `continuity: ${o.job.name} not printed: ${o.noBrowser ? 'there was no browser to print it with' : o.error}\n`,
      );
  const noBrowser = outcomes.find((o) => o.noBrowser);
  if (noBrowser) {
    const doctor = `continuity doctor${opts.explicitBrowser ? ` --browser ${JSON.stringify(opts.explicitBrowser)}` : ''}`;
    io.stderr(
      `continuity: ${noBrowser.error} (${opts.browserPath}). Run '${doctor}' to see why and how to fix it, or use ${opts.htmlOption} and print from any browser.\n`,
    );
  }
  return outcomes;
}
