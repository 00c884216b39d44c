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
import { join, relative, resolve } from 'node:path';
import { ConfigResolver } from '../../core/index.js';
import { reportChecks, type CheckReportChoices } from '../check-reports.js';
import { checkEstate } from '../estate.js';
import { decidePrinting } from '../print-decision.js';
import type { BuildOutput } from '../printed-copies.js';
import { scopeLabel, selectPlans } from '../plan-selection.js';
import type { Shard } from '../shard.js';
import { writeMergedSitePages, writeSitePages, type SiteContext } from '../site-pages.js';
import { printDecided } from '../site-printing.js';
import { forgetRemovedPlans, recordStatuses, STATUS_DIR } from '../site-status.js';
import { writeRoot } from '../write-root.js';
import { checkStateKeySetting } from '../state-key.js';
import { ensureFolderInside } from '../../core/writing.js';
import { printDates } from '../source-date.js';
import type { CommandIO } from './lint.js';

// main.ts parses --outputs through this module, which it loads only for a build.
export { parseBuildOutputs } from '../printed-copies.js';

export interface BuildOptions extends CheckReportChoices {
  paths: string[];
  cwd: string;
  out: string;
  outputs: BuildOutput[];
  changedSince?: string;
  shard?: Shard;
  indexOnly: boolean;
  force: boolean;
  concurrency: number;
  browser?: string;
  today?: string;
  config?: string;
  cache: boolean;
  /** Where the result cache is kept (default .continuity-cache/ in the working folder). */
  cacheLocation?: string;
  signal?: AbortSignal;
}

export async function runBuild(opts: BuildOptions, io: CommandIO): Promise<number> {
  // Status files are signed: a key too short to be secret stops the build before any work.
  checkStateKeySetting();
  const { today, pdfDate } = printDates(opts.today);
  const siteDir = resolve(opts.cwd, opts.out);
  const configPath = opts.config ? resolve(opts.cwd, opts.config) : undefined;
  const resolver = new ConfigResolver(configPath);
  const shown = (f: string) => relative(opts.cwd, f) || f;
  const site: SiteContext = { siteDir, cwd: opts.cwd, today, resolver };
  const within = writeRoot(opts.cwd, siteDir);
  // Before any work: a site or status folder that is a link (committed to the checkout) stops the build.
  ensureFolderInside(within, join(siteDir, STATUS_DIR), { make: false, missingOk: true });

  if (opts.indexOnly) {
    writeMergedSitePages(site, opts.out, shown, io);
    return 0;
  }

  // 1. Check every plan in scope (with the result cache) and report as lint does.
  const selection = await selectPlans(
    { paths: opts.paths, cwd: opts.cwd, resolver, shard: opts.shard, changedSince: opts.changedSince },
    io,
  );
  const stats = { fromCache: 0 };
  const plans = await checkEstate(
    selection.files,
    {
      paths: opts.paths,
      cwd: opts.cwd,
      today,
      resolver,
      cache: opts.cache,
      cacheLocation: opts.cacheLocation,
      configPath,
      stats,
    },
    io,
  );
  reportChecks(plans, { ...opts, resolver }, io);

  // 2. Decide what to print: plans that pass, whose printed copies are missing or out of date.
  const decision = decidePrinting(
    plans,
    { siteDir, cwd: opts.cwd, today, resolver, outputs: opts.outputs, force: opts.force },
    io,
  );

  // 3. Print. HTML needs no browser; PDFs share one browser and a pool of pages.
  const printed = await printDecided(
    decision,
    {
      siteDir,
      cwd: opts.cwd,
      browser: opts.browser,
      concurrency: opts.concurrency,
      pdfDate,
      signal: opts.signal,
      tty: opts.tty,
    },
    io,
  );
  if (printed === 'no-browser' || opts.signal?.aborted) return 2;

  // 4. Remember each plan; forget plans that no longer exist; write the site's pages.
  recordStatuses(siteDir, decision.statuses.values(), within);
  forgetRemovedPlans(siteDir, opts.cwd, within);
  io.stdout(
    `Checked ${scopeLabel(plans.length, selection, opts)}: ${n(decision.failingChecks, 'fails its checks', 'fail their checks')}; printed ${n(printed.printedFiles, 'file', 'files')}${printed.failedPlans > 0 ? `; ${n(printed.failedPlans, 'plan', 'plans')} not printed` : ''}; ${n(decision.unchanged, 'plan', 'plans')} unchanged since the last build; ${stats.fromCache} of ${plans.length} check results from the result cache.\n`,
  );
  if (opts.shard) {
    // A shard's site is incomplete: its pages are written once, after every shard is merged.
    io.stdout(
      `Shard ${opts.shard.index}/${opts.shard.count} done. When every shard's ${opts.out}/ is merged into one folder, run: continuity build --index-only --out ${opts.out}\n`,
    );
  } else {
    const pages = writeSitePages(site);
    io.stdout(
      `${pages.summary}.\nSite: ${shown(join(siteDir, 'index.html'))} (dashboard: ${shown(join(siteDir, 'dashboard.html'))})\n`,
    );
  }
  return decision.failingChecks > 0 || printed.failedPlans > 0 || decision.collided > 0 ? 1 : 0;
}

/** A count with its noun: "1 file", "3 files". */
function n(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}
