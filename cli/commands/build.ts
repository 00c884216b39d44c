/**
 * `continuity build [paths...]`: the one command for an ICB's CI. Check every plan (writing SARIF,
 * JUnit, JSON and GitHub annotations where asked), print every plan that passes (PDF, paper forms,
 * print page) with one browser, and write a static site: index.html listing every practice with its
 * state and printed copies, and the estate dashboard.
 *
 * Incremental: a plan whose content, shared files, configuration and tool build are unchanged is not
 * printed again. `--changed-since REF` looks only at plans changed since a git ref and plans using
 * changed shared files; `--shard I/N` takes one runner's share; `--index-only` writes the site's
 * pages from the status files after shards are merged.
 * Exit 0 all good, 1 plans that fail their checks or could not be printed, 2 usage or no browser.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readPlanBytes } from '../check-files.js';
import { join, relative, resolve } from 'node:path';
import { ConfigResolver } from '../../core/index.js';
import type { PlanOutputs } from '../../core/estate.js';
import { PlanNotPrintable, type RenderJob } from '../../core/printing.js';
import { writeFileAtomic } from '../../core/index.js';
import { buildPrintDocument } from '../../core/printing.js';
import { UsageError } from '../discover-files.js';
import { checkEstate, estateSummary, type EstatePlan } from '../estate.js';
import { scopeLabel, selectPlans } from '../plan-selection.js';
import { preparePrint, type PreparedPrint } from '../print-preparation.js';
import { SharedFileHashes } from '../result-cache.js';
import type { Shard } from '../shard.js';
import { allStatuses, outputCollisions, readStatus, removeOutputs, removeStatus, sitePathOf, writeStatus, type PlanStatus } from '../site-status.js';
import { displayName } from '../display-name.js';
import { toolFingerprint } from '../tool-version.js';
import { reportChecks } from '../check-reports.js';
import type { CommandIO } from './lint.js';
import { printDates } from '../source-date.js';
import { locateBrowser, printBatch } from '../print-batch.js';
import { writeMergedSitePages, writeSitePages, type SiteContext } from '../site-pages.js';

export const BUILD_OUTPUTS = ['pdf', 'forms', 'html'] as const;
export type BuildOutput = (typeof BUILD_OUTPUTS)[number];

export interface BuildOptions {
  paths: string[];
  cwd: string;
  out: string;
  outputs: BuildOutput[];
  sarif?: string;
  junit?: string;
  json?: string;
  /** GitLab Code Quality report (CodeClimate JSON). */
  codequality?: string;
  /** Annotations in the CI's own form: Azure Pipelines' logging commands inside Azure, GitHub's otherwise. */
  annotations: boolean;
  /** Colour for the problem list (NO_COLOR / FORCE_COLOR decided by the caller); default: a terminal gets colour. */
  color?: boolean;
  changedSince?: string;
  shard?: Shard;
  indexOnly: boolean;
  force: boolean;
  concurrency: number;
  browser?: string;
  today?: string;
  config?: string;
  cache: boolean;
  tty: boolean;
  signal?: AbortSignal;
}

export function parseBuildOutputs(value: string): BuildOutput[] {
  const list = value.split(',').map((s) => s.trim()).filter(Boolean);
  for (const o of list) if (!(BUILD_OUTPUTS as readonly string[]).includes(o)) throw new UsageError(`unknown output '${o}'. Outputs: ${BUILD_OUTPUTS.join(', ')} (several with commas)`);
  return [...new Set(list)] as BuildOutput[];
}

/** Everything a plan's printed copies depend on, except the printing date and the repository's HEAD. */
function renderKey(plan: EstatePlan, configHash: string, outputs: BuildOutput[], hashes: SharedFileHashes): string {
  const bytes = readPlanBytes(plan.file);
  const h = createHash('sha256').update(Buffer.isBuffer(bytes) ? bytes : 'unreadable');
  for (const f of [...(plan.sharedFiles ?? [])].sort((a, b) => a.path.localeCompare(b.path))) h.update(`\0${f.path}\0${hashes.get(f.path) ?? 'missing'}`);
  return h.update(`\0${configHash}\0${toolFingerprint()}\0${outputs.join(',')}`).digest('hex');
}

function plannedOutputs(planPath: string, outputs: BuildOutput[]): PlanOutputs {
  const base = sitePathOf(planPath);
  return {
    ...(outputs.includes('pdf') ? { pdf: `${base}.pdf` } : {}),
    ...(outputs.includes('forms') ? { forms: `${base}-forms.pdf` } : {}),
    ...(outputs.includes('html') ? { html: `${base}.html` } : {}),
  };
}

export async function runBuild(opts: BuildOptions, io: CommandIO): Promise<number> {
  const { today, pdfDate } = printDates(opts.today);
  const siteDir = resolve(opts.cwd, opts.out);
  const configPath = opts.config ? resolve(opts.cwd, opts.config) : undefined;
  const resolver = new ConfigResolver(configPath);
  const shown = (f: string) => relative(opts.cwd, f) || f;

  const site: SiteContext = { siteDir, cwd: opts.cwd, today, resolver };

  if (opts.indexOnly) {
    writeMergedSitePages(site, opts.out, shown, io);
    return 0;
  }

  const selection = await selectPlans({ paths: opts.paths, cwd: opts.cwd, resolver, shard: opts.shard, changedSince: opts.changedSince }, io);

  // 1. Check every plan in scope (with the result cache).
  const plans = await checkEstate(selection.files, { paths: opts.paths, cwd: opts.cwd, today, resolver, cache: opts.cache, configPath });
  reportChecks(plans, { ...opts, resolver }, io);

  // 2. Decide what to print: plans that pass, whose printed copies are missing or out of date.
  const hashes = new SharedFileHashes();
  const statuses = new Map<string, Omit<PlanStatus, 'format'>>();
  const jobs: RenderJob[] = [];
  const planOfJob = new Map<RenderJob, string>();
  const htmlToWrite: { plan: EstatePlan; outFile: string; prepared: () => PreparedPrint }[] = [];
  let failingChecks = 0;
  let unchanged = 0;
  // Two plans printed to one file would silently lose one: the later is refused, with the reason.
  const collisions = outputCollisions(plans.map((p) => ({ path: p.path, outputs: plannedOutputs(p.path, opts.outputs) })));
  const collided = new Map<string, string>();
  for (const plan of plans) {
    const previous = readStatus(siteDir, plan.path);
    const summary = estateSummary(plan, opts.cwd);
    const errors = summary.errors;
    if (errors > 0) {
      failingChecks++;
      // A plan that fails its checks is not published: its old copies would no longer match the plan.
      if (previous) removeOutputs(siteDir, previous.outputs);
      statuses.set(plan.path, { path: plan.path, summary, outputs: { notPrinted: `Not published: fails its checks (${errors} ${errors === 1 ? 'error' : 'errors'})` } });
      continue;
    }
    const collision = collisions.get(plan.path);
    if (collision) {
      collided.set(plan.path, collision);
      io.stderr(`continuity: ${displayName(plan.path)} not printed: ${collision}\n`);
      statuses.set(plan.path, { path: plan.path, summary, outputs: { notPrinted: `Not printed: ${collision}` } });
      continue;
    }
    const key = renderKey(plan, resolver.forFile(plan.file).hash, opts.outputs, hashes);
    const outputs = plannedOutputs(plan.path, opts.outputs);
    const files = [outputs.pdf, outputs.forms, outputs.html].filter((p): p is string => !!p);
    if (!opts.force && previous?.renderKey === key && files.every((p) => existsSync(join(siteDir, p)))) {
      unchanged++;
      statuses.set(plan.path, { ...previous, summary });
      continue;
    }
    statuses.set(plan.path, { path: plan.path, summary, renderKey: key, outputs });
    let prepared: PreparedPrint | undefined;
    const prepare = () => (prepared ??= preparePrint(plan.file, plan.path, { resolver, printedDate: today, allowErrors: false }));
    const build = (formsOnly: boolean) => (pages?: Record<string, number>) => {
      const p = prepare();
      if ('refusal' in p) throw new PlanNotPrintable(p.refusal);
      return buildPrintDocument(p.doc, { ...p.options, formsOnly, pages });
    };
    const job = (name: string, outFile: string, formsOnly: boolean) => {
      const j: RenderJob = { name, outFile: join(siteDir, outFile), build: build(formsOnly) };
      planOfJob.set(j, plan.path);
      jobs.push(j);
    };
    if (outputs.pdf) job(plan.path, outputs.pdf, false);
    if (outputs.forms) job(`${plan.path} (forms)`, outputs.forms, true);
    if (outputs.html) htmlToWrite.push({ plan, outFile: join(siteDir, outputs.html), prepared: prepare });
  }

  // 3. Print. HTML needs no browser; PDFs share one browser and a pool of pages.
  // A missing browser is one clear message before anything is written.
  let browserPath: string | undefined;
  if (jobs.length > 0) {
    browserPath = locateBrowser(opts.browser, io);
    if (!browserPath) return 2;
  }
  const failedToPrint = new Map<string, string>();
  for (const h of htmlToWrite) {
    const p = h.prepared();
    if ('refusal' in p) failedToPrint.set(h.plan.path, p.refusal);
    else writeFileAtomic(h.outFile, buildPrintDocument(p.doc, p.options).html, { makeFolders: true });
  }
  let printedFiles = htmlToWrite.length;
  if (browserPath) {
    const outcomes = await printBatch(jobs, { browserPath, explicitBrowser: opts.browser, htmlOption: '--outputs html', concurrency: opts.concurrency, sourceDate: pdfDate, signal: opts.signal, tty: opts.tty, cwd: opts.cwd }, io);
    // A browser that cannot start prints nothing: a usage failure (exit 2), the site left as it was.
    if (outcomes.some((o) => o.noBrowser)) return 2;
    for (const o of outcomes) {
      if (o.ok) printedFiles++;
      else failedToPrint.set(planOfJob.get(o.job)!, o.error ?? 'printing failed');
    }
  }
  for (const [planPath, why] of failedToPrint) {
    const s = statuses.get(planPath)!;
    removeOutputs(siteDir, s.outputs);
    statuses.set(planPath, { path: s.path, summary: s.summary, outputs: { notPrinted: `Not printed: ${why}` } });
  }
  if (opts.signal?.aborted) return 2;

  // 4. Remember each plan; forget plans that no longer exist; write the site's pages.
  // Plans that share a site path share a status file too: the first (in path order) keeps it.
  const statusOwners = new Set<string>();
  for (const s of [...statuses.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    const owner = sitePathOf(s.path).toLowerCase();
    if (statusOwners.has(owner)) continue;
    statusOwners.add(owner);
    writeStatus(siteDir, s);
  }
  for (const old of allStatuses(siteDir)) {
    if (existsSync(resolve(opts.cwd, old.path))) continue;
    removeOutputs(siteDir, old.outputs);
    removeStatus(siteDir, old.path);
  }
  const scope = scopeLabel(plans.length, selection, opts);
  const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
  io.stdout(`Checked ${scope}: ${n(failingChecks, 'fails its checks', 'fail their checks')}; printed ${n(printedFiles, 'file', 'files')}; ${n(unchanged, 'plan', 'plans')} unchanged since the last build.\n`);
  if (opts.shard) {
    io.stdout(`Shard ${opts.shard.index}/${opts.shard.count} done. When every shard's ${opts.out}/ is merged into one folder, run: continuity build --index-only --out ${opts.out}\n`);
  } else {
    const pages = writeSitePages(site);
    io.stdout(`${pages.summary}.\nSite: ${shown(join(siteDir, 'index.html'))} (dashboard: ${shown(join(siteDir, 'dashboard.html'))})\n`);
  }
  return failingChecks > 0 || failedToPrint.size > 0 || collided.size > 0 ? 1 : 0;
}
