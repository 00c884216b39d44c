/**
 * A build's printing: the decided HTML copies (no browser needed) and PDFs (one browser, a pool of
 * pages). A copy that cannot be made leaves its plan unpublished: its other copies are removed and
 * its status says why, so the site never shows a plan half printed.
 */
import { buildPrintDocument } from '../core/printing.js';
import { writeFileAtomic } from '../core/writing.js';
import type { CommandIO } from './commands/lint.js';
import type { PrintDecision } from './print-decision.js';
import { locateBrowser, printBatch } from './print-batch.js';
import { removeOutputs } from './site-status.js';
import { displayName } from './display-name.js';
import { writeRoot } from './write-root.js';

export interface SitePrintOptions {
  siteDir: string;
  cwd: string;
  browser?: string;
  concurrency: number;
  /** The date stamped into the PDFs' metadata. */
  pdfDate: Date;
  signal?: AbortSignal;
  tty: boolean;
}

export interface SitePrintResult {
  printedFiles: number;
  /** Plans with a copy that could not be made. */
  failedPlans: number;
}

/**
 * Print what was decided, and record each failure in the decision's statuses. 'no-browser' when PDFs
 * are due and no browser could be found or started: a usage failure (exit 2), and when none is found
 * nothing has been written.
 */
export async function printDecided(
  decision: PrintDecision,
  opts: SitePrintOptions,
  io: CommandIO,
): Promise<SitePrintResult | 'no-browser'> {
  // A missing browser is one clear message before anything is written.
  let browserPath: string | undefined;
  if (decision.jobs.length > 0) {
    browserPath = locateBrowser(opts.browser, io);
    if (!browserPath) return 'no-browser';
  }
  const within = writeRoot(opts.cwd, opts.siteDir);
  const failedToPrint = new Map<string, string>();
  // Files written per plan: a plan with a copy that failed is unpublished, so its files are not counted.
  const written = new Map<string, number>();
  const wrote = (planPath: string) => written.set(planPath, (written.get(planPath) ?? 0) + 1);
  for (const h of decision.html) {
    const p = h.prepared();
    if ('refusal' in p) {
      // Said on stderr as render says it, so a failed CI step's log gives the reason.
      failedToPrint.set(h.plan.path, p.refusal);
      io.stderr(`continuity: ${displayName(h.plan.path)} not printed: ${p.refusal}\n`);
    } else {
      writeFileAtomic(h.outFile, buildPrintDocument(p.doc, p.options).html, { within, makeFolders: true });
      wrote(h.plan.path);
    }
  }
  // A plan refused above is refused for its PDF too: not prepared, printed or reported twice.
  const jobs = decision.jobs.filter((j) => !failedToPrint.has(decision.planOfJob.get(j)!));
  if (browserPath && jobs.length > 0) {
    const outcomes = await printBatch(
      jobs,
      {
        browserPath,
        explicitBrowser: opts.browser,
        htmlOption: '--outputs html',
        concurrency: opts.concurrency,
        sourceDate: opts.pdfDate,
        signal: opts.signal,
        tty: opts.tty,
        cwd: opts.cwd,
      },
      io,
    );
    // A browser that cannot start prints nothing: the site's statuses are left as they were.
    if (outcomes.some((o) => o.noBrowser)) return 'no-browser';
    for (const o of outcomes) {
      const planPath = decision.planOfJob.get(o.job)!;
      if (o.ok) wrote(planPath);
      else failedToPrint.set(planPath, o.error ?? 'printing failed');
    }
  }
  for (const [planPath, why] of failedToPrint) {
    const s = decision.statuses.get(planPath)!;
    removeOutputs(opts.siteDir, s.outputs, within);
    decision.statuses.set(planPath, {
      path: s.path,
      summary: s.summary,
      outputs: { notPrinted: `Not printed: ${why}` },
    });
  }
  let printedFiles = 0;
  for (const [planPath, count] of written) if (!failedToPrint.has(planPath)) printedFiles += count;
  return { printedFiles, failedPlans: failedToPrint.size };
}
