/**
 * A build site's own pages: index.html (every practice, its state and printed copies) and the estate
 * dashboard with its JSON and CSV twins. They are written from the status files in the site, not from
 * this run's plans, so shards built on different runners and merged into one folder make one site.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { siteIndexHtml, sortRows, toEstateRow } from '../core/estate.js';
import { type ConfigResolver } from '../core/index.js';
import { writeFileAtomic } from '../core/writing.js';
import { UsageError } from './discover-files.js';
import { sectionColumns } from './estate.js';
import { estateSummaryLine, REPORT_FORMATS, writeEstateReport } from './estate-report.js';
import { headCommit } from './git-revision.js';
import { allStatuses } from './site-status.js';
import { TOOL_VERSION } from './tool-version.js';
import { writeRoot } from './write-root.js';

export interface SiteContext {
  siteDir: string;
  cwd: string;
  today: string;
  resolver: ConfigResolver;
}

/** index.html and the dashboard (with JSON and CSV) from every status file in the site. */
export function writeSitePages(
  site: SiteContext,
  ignored = { count: 0 },
): { rows: number; written: string[]; summary: string } {
  const { siteDir, cwd, today, resolver } = site;
  const statuses = allStatuses(siteDir, ignored);
  const rows = sortRows(statuses.map((s) => toEstateRow(s.path, s.summary, today, s.outputs)));
  const existing = statuses.map((s) => resolve(cwd, s.path)).filter((f) => existsSync(f));
  const sections = sectionColumns(existing, resolver);
  const written = writeEstateReport(siteDir, cwd, { rows, sections, today }, REPORT_FORMATS, {
    indexHref: 'index.html',
    withOutputs: true,
  });
  const index = join(siteDir, 'index.html');
  writeFileAtomic(
    index,
    siteIndexHtml(rows, {
      today,
      dashboardHref: 'dashboard.html',
      revision: gitRevisionLabel(cwd),
      toolVersion: TOOL_VERSION,
    }),
    { within: writeRoot(cwd, siteDir), makeFolders: true },
  );
  return { rows: rows.length, written: [index, ...written], summary: estateSummaryLine(rows) };
}

function gitRevisionLabel(cwd: string): string | undefined {
  const commit = headCommit(cwd);
  return commit ? `git commit ${commit}` : undefined;
}

/**
 * `--index-only`: the pages of a site whose shards were built elsewhere and merged into one folder.
 * A site with no usable status file is a usage error: there is nothing to list.
 */
export function writeMergedSitePages(
  site: SiteContext,
  out: string,
  shown: (f: string) => string,
  io: { stdout(s: string): void; stderr(s: string): void },
): void {
  const ignored = { count: 0 };
  const pages = writeSitePages(site, ignored);
  // Status files are signed (see state-key.ts): shards on other machines need one shared key.
  const unsigned =
    ignored.count > 0
      ? `${ignored.count} status ${ignored.count === 1 ? 'file was' : 'files were'} ignored: not written by a build with this machine's key. Shards built on other runners must share one key: set CONTINUITY_STATE_KEY (a CI secret of 16 or more characters) for every shard and for this step`
      : '';
  const statusDir = shown(join(site.siteDir, 'status'));
  if (pages.rows === 0)
    throw new UsageError(
      unsigned
        ? `no usable plan status files in ${statusDir}: ${unsigned}`
        : `no plan status files in ${statusDir}: run continuity build (or its shards) with --out ${out} first`,
    );
  if (unsigned) io.stderr(`continuity: ${unsigned}.\n`);
  io.stdout(`${pages.summary}.\nWrote ${pages.written.map(shown).join(', ')}\n`);
}
