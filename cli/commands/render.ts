/**
 * `continuity render [paths...]`: check each plan, then print the ones that pass (or, with
 * --allow-errors, every plan stamped DRAFT) to PDF with one shared browser, or write the print HTML.
 * Exit 0 all printed, 1 some plans not printed (errors or a print failure), 2 usage, no browser (none
 * found, or it could not be started) or stopped (Ctrl-C).
 */
import { basename, join, relative, resolve } from 'node:path';
import { PlanNotPrintable, type RenderJob } from '../../core/printing.js';
import { ensureFolderInside, writeFileAtomic } from '../../core/writing.js';
import { locateBrowser, printBatch } from '../print-batch.js';
import { buildPrintDocument } from '../../core/printing.js';
import { ConfigResolver } from '../../core/index.js';
import { printDates } from '../source-date.js';
import { findEstatePlans } from '../estate.js';
import { preparePrint, type PreparedPrint } from '../print-preparation.js';
import type { CommandIO } from './lint.js';
import { displayName } from '../display-name.js';
import { writeRoot } from '../write-root.js';

export interface RenderOptions {
  paths: string[];
  out: string;
  format: 'pdf' | 'html';
  formsOnly: boolean;
  allowErrors: boolean;
  concurrency: number;
  browser?: string;
  today?: string;
  cwd: string;
  /** A progress bar on a terminal; plain lines otherwise (CI logs). */
  tty: boolean;
  signal?: AbortSignal;
}

export async function runRender(opts: RenderOptions, io: CommandIO): Promise<number> {
  const { today: printedDate, pdfDate } = printDates(opts.today);
  const resolver = new ConfigResolver();
  // The template is for filling in, not printing, unless asked for by name.
  const files = await findEstatePlans({ paths: opts.paths, cwd: opts.cwd, resolver }, io);

  // Find the browser before any work, so a missing browser is one clear message.
  let browserPath: string | undefined;
  if (opts.format === 'pdf') {
    browserPath = locateBrowser(opts.browser, io);
    if (!browserPath) return 2;
  }

  const outDir = resolve(opts.cwd, opts.out);
  const within = writeRoot(opts.cwd, outDir);
  // Before any work: an output folder that is a link (committed to the checkout) stops the run.
  ensureFolderInside(within, outDir, { make: false, missingOk: true });
  const prepare = (file: string, shown: string): PreparedPrint =>
    preparePrint(file, shown, { resolver, printedDate, allowErrors: opts.allowErrors, formsOnly: opts.formsOnly });
  const jobs: RenderJob[] = [];
  let refused = 0;
  for (const file of files) {
    const shown = relative(opts.cwd, file) || file;
    const stem = basename(file).replace(/\.(md|markdown)$/i, '') + (opts.formsOnly ? '-forms' : '');
    const outFile = join(outDir, `${stem}.${opts.format}`);
    if (opts.format === 'html') {
      const p = prepare(file, shown);
      if ('refusal' in p) {
        refused++;
        io.stderr(`continuity: ${displayName(shown)} not printed: ${p.refusal}\n`);
        continue;
      }
      writeFileAtomic(outFile, buildPrintDocument(p.doc, p.options).html, { within, makeFolders: true });
      io.stdout(`${shown} -> ${relative(opts.cwd, outFile)}\n`);
      continue;
    }
    // Checked when its turn comes, so the browser starts printing the first plan while the others wait.
    let prepared: PreparedPrint | undefined;
    jobs.push({
      name: shown,
      outFile,
      within,
      build: (pages) => {
        prepared ??= prepare(file, shown);
        if ('refusal' in prepared) throw new PlanNotPrintable(prepared.refusal);
        return buildPrintDocument(prepared.doc, { ...prepared.options, pages });
      },
    });
  }

  let failed = 0;
  let noBrowser = false;
  if (jobs.length > 0 && browserPath) {
    const outcomes = await printBatch(
      jobs,
      {
        browserPath,
        explicitBrowser: opts.browser,
        htmlOption: '--format html',
        concurrency: opts.concurrency,
        sourceDate: pdfDate,
        signal: opts.signal,
        tty: opts.tty,
        cwd: opts.cwd,
      },
      io,
    );
    noBrowser = outcomes.some((o) => o.noBrowser);
    for (const o of outcomes) {
      if (o.ok) continue;
      if (o.refused) refused++;
      else failed++;
    }
    if (opts.tty) {
      const ok = outcomes.filter((o) => o.ok);
      io.stdout(
        `Printed ${ok.length} of ${files.length} plans to ${relative(opts.cwd, outDir) || '.'} (${ok.reduce((n, o) => n + (o.pages ?? 0), 0)} pages).\n`,
      );
    }
  }
  if (opts.signal?.aborted || noBrowser) return 2;
  return refused + failed > 0 ? 1 : 0;
}
