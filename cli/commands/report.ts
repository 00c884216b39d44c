/**
 * `continuity report [paths...]`: the estate dashboard (HTML), and the same rows as JSON and CSV for
 * spreadsheets. Informational: exit 0 whatever the plans say (use `lint` to fail a build).
 */
import { mkdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { ConfigResolver } from '../../core/index.js';
import { dashboardHtml, type SectionColumn } from '../../core/estate.js';
import { estateCsv } from '../../core/estate.js';
import { sortRows, toEstateRow, type EstateRow } from '../../core/estate.js';
import { todayIso } from '../../core/index.js';
import { UsageError } from '../discover-files.js';
import { checkEstate, estateSummary, findEstatePlans, sectionColumns } from '../estate.js';
import { TOOL_VERSION } from '../tool-version.js';
import { writeFileAtomic } from '../../core/index.js';
import type { CommandIO } from './lint.js';

export const REPORT_FORMATS = ['html', 'json', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface ReportOptions {
  paths: string[];
  out: string;
  formats: ReportFormat[];
  today?: string;
  config?: string;
  cache: boolean;
  cwd: string;
}

export function parseReportFormats(value: string): ReportFormat[] {
  const formats = value.split(',').map((f) => f.trim()).filter(Boolean);
  for (const f of formats) if (!(REPORT_FORMATS as readonly string[]).includes(f)) throw new UsageError(`unknown report format '${f}'. Formats: ${REPORT_FORMATS.join(', ')} (several with commas, e.g. html,csv)`);
  if (formats.length === 0) throw new UsageError(`--format needs at least one of ${REPORT_FORMATS.join(', ')}`);
  return formats as ReportFormat[];
}

export interface EstateFiles {
  rows: EstateRow[];
  sections: SectionColumn[];
  today: string;
}

/** Write the dashboard and its JSON and CSV twins; returns the paths written. */
export function writeEstateReport(dir: string, estate: EstateFiles, formats: readonly ReportFormat[], extra: { indexHref?: string; withOutputs?: boolean } = {}): string[] {
  const written: string[] = [];
  mkdirSync(dir, { recursive: true });
  const write = (name: string, content: string) => {
    const path = join(dir, name);
    writeFileAtomic(path, content);
    written.push(path);
  };
  if (formats.includes('html')) write('dashboard.html', dashboardHtml(estate.rows, estate.sections, { today: estate.today, ...extra }));
  if (formats.includes('json')) write('estate.json', JSON.stringify({ tool: `continuity ${TOOL_VERSION}`, today: estate.today, sections: estate.sections, plans: estate.rows }, null, 2) + '\n');
  if (formats.includes('csv')) write('estate.csv', estateCsv(estate.rows, estate.sections));
  return written;
}

export function estateSummaryLine(rows: EstateRow[]): string {
  const failing = rows.filter((r) => r.state === 'fails-checks').length;
  const overdue = rows.filter((r) => r.review === 'overdue').length;
  const soon = rows.filter((r) => r.review === 'due-soon').length;
  return `${rows.length} plans: ${failing} fail their checks, ${overdue} reviews overdue, ${soon} due within 30 days`;
}

export async function runReport(opts: ReportOptions, io: CommandIO): Promise<number> {
  const today = opts.today ?? todayIso();
  const resolver = new ConfigResolver(opts.config ? resolve(opts.cwd, opts.config) : undefined);
  const files = await findEstatePlans({ paths: opts.paths, cwd: opts.cwd, resolver }, io);
  const plans = await checkEstate(files, { paths: opts.paths, cwd: opts.cwd, today, resolver, cache: opts.cache, configPath: opts.config ? resolve(opts.cwd, opts.config) : undefined });
  const rows = sortRows(plans.map((p) => toEstateRow(p.path, estateSummary(p, opts.cwd), today)));
  const written = writeEstateReport(resolve(opts.cwd, opts.out), { rows, sections: sectionColumns(files, resolver), today }, opts.formats);
  io.stdout(`${estateSummaryLine(rows)}.\n${written.map((w) => `Wrote ${relative(opts.cwd, w) || w}`).join('\n')}\n`);
  return 0;
}
