/**
 * `continuity render [paths...]`: check each plan, then print the ones that pass (or, with
 * --allow-errors, every plan stamped DRAFT) to PDF with one shared browser, or write the print HTML.
 * Exit 0 all printed, 1 some plans not printed (errors or a print failure), 2 usage or no browser.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { checkPlanBytes } from '../../core/check-plan.js';
import { findBrowser, BrowserNotFoundError } from '../../core/print/find-browser.js';
import { PlanNotPrintable, renderBatch, writeFileAtomically, type RenderJob } from '../../core/print/render-batch.js';
import { buildPrintDocument, type PrintOptions } from '../../core/render/print-document.js';
import type { PlanDocument } from '../../core/model/plan-document.js';
import { todayIso } from '../../core/rules/dates.js';
import { ConfigResolver } from '../../core/config/config-resolver.js';
import { discoverFiles, UsageError } from '../discover-files.js';
import { sourceRevision } from '../git-revision.js';
import type { CommandIO } from './lint.js';

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

/** SOURCE_DATE_EPOCH (seconds) makes the printed date and PDF dates reproducible. */
export function sourceDate(env: NodeJS.ProcessEnv = process.env): Date | undefined {
  const raw = env.SOURCE_DATE_EPOCH;
  if (raw === undefined || raw === '') return undefined;
  if (!/^\d+$/.test(raw)) throw new UsageError(`SOURCE_DATE_EPOCH must be whole seconds since 1970, not '${raw}'`);
  return new Date(Number(raw) * 1000);
}

function progressBar(done: number, total: number): string {
  const width = 24;
  const filled = Math.round((done / total) * width);
  return `\r[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${total} plans`;
}

export async function runRender(opts: RenderOptions, io: CommandIO): Promise<number> {
  const epoch = sourceDate();
  const printedDate = opts.today ?? (epoch ? epoch.toISOString().slice(0, 10) : todayIso());
  const pdfDate = epoch ?? new Date(`${printedDate}T00:00:00Z`);
  const inputs = opts.paths.length ? opts.paths : ['plans'];
  const { files: found, unmatched, skipped } = await discoverFiles(inputs, opts.cwd);
  for (const u of unmatched) io.stderr(`continuity: no plan files match '${u}'\n`);
  for (const k of skipped) io.stderr(`continuity: skipped ${k.path}: ${k.reason}\n`);
  const resolver = new ConfigResolver();
  const explicit = new Set(inputs.map((p) => resolve(opts.cwd, p)));
  // The template is for filling in, not printing, unless asked for by name.
  const files = found.filter((f) => explicit.has(f) || (!resolver.isIgnored(f) && basename(f) !== 'template.md'));
  if (files.length === 0) throw new UsageError(`no plan files found in ${inputs.map((p) => `'${p}'`).join(', ')}`);

  // Find the browser before any work, so a missing browser is one clear message.
  let browserPath: string | undefined;
  if (opts.format === 'pdf') {
    try {
      browserPath = findBrowser({ explicitPath: opts.browser, explicitSource: '--browser option' }).path;
    } catch (e) {
      if (e instanceof BrowserNotFoundError) {
        io.stderr(`continuity: ${e.message}\n`);
        return 2;
      }
      throw e;
    }
  }

  const outDir = resolve(opts.cwd, opts.out);
  type Prepared = { doc: PlanDocument; options: PrintOptions } | { refusal: string };
  const prepare = (file: string, shown: string): Prepared => {
    const result = checkPlanBytes(readFileSync(file), { config: resolver.forFile(file), today: printedDate, path: file });
    const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
    if (!result.doc || (errors > 0 && !opts.allowErrors)) {
      return { refusal: `it has ${errors} ${errors === 1 ? 'error' : 'errors'}. Run 'continuity lint ${shown}' and fix them, or use --allow-errors to print a copy stamped DRAFT.` };
    }
    const options: PrintOptions = {
      revision: sourceRevision(file),
      printedDate,
      formsOnly: opts.formsOnly,
      draftErrors: errors || undefined,
      images: { root: dirname(file), base: dirname(file) },
    };
    return { doc: result.doc, options };
  };
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
        io.stderr(`continuity: ${shown} not printed: ${p.refusal}\n`);
        continue;
      }
      writeFileAtomically(outFile, buildPrintDocument(p.doc, p.options).html);
      io.stdout(`${shown} -> ${relative(opts.cwd, outFile)}\n`);
      continue;
    }
    // Checked when its turn comes, so the browser starts printing the first plan while the others wait.
    let prepared: Prepared | undefined;
    jobs.push({
      name: shown,
      outFile,
      build: (pages) => {
        prepared ??= prepare(file, shown);
        if ('refusal' in prepared) throw new PlanNotPrintable(prepared.refusal);
        return buildPrintDocument(prepared.doc, { ...prepared.options, pages });
      },
    });
  }

  let failed = 0;
  if (jobs.length > 0 && browserPath) {
    const outcomes = await renderBatch(jobs, {
      browserPath,
      concurrency: opts.concurrency,
      sourceDate: pdfDate,
      signal: opts.signal,
      onDone: (o, done, total) => {
        if (opts.tty) io.stderr(progressBar(done, total) + (done === total ? '\n' : ''));
        if (o.ok) {
          if (!opts.tty) io.stdout(`${o.job.name} -> ${relative(opts.cwd, o.job.outFile)} (${o.pages} pages, ${(o.ms / 1000).toFixed(1)} s)\n`);
          if (o.blocked?.length) io.stderr(`continuity: ${o.job.name}: blocked ${o.blocked.length} request(s) the plan tried to make (printing never uses the network)\n`);
        }
      },
    });
    for (const o of outcomes) {
      if (o.ok) continue;
      if (o.refused) refused++;
      else failed++;
      io.stderr(`continuity: ${o.job.name} not printed: ${o.error}\n`);
    }
    if (opts.tty) {
      const ok = outcomes.filter((o) => o.ok);
      io.stdout(`Printed ${ok.length} of ${files.length} plans to ${relative(opts.cwd, outDir) || '.'} (${ok.reduce((n, o) => n + (o.pages ?? 0), 0)} pages).\n`);
    }
  }
  if (opts.signal?.aborted) return 2;
  return refused + failed > 0 ? 1 : 0;
}
