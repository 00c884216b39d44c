/**
 * `continuity report [paths...]`: the estate dashboard (HTML), and the same rows as JSON and CSV for
 * spreadsheets. Informational: exit 0 whatever the plans say (use `lint` to fail a build).
 */
import { relative, resolve } from 'node:path';
import { ConfigResolver } from '../../core/index.js';
import { sortRows, toEstateRow } from '../../core/estate.js';
import { todayIso } from '../../core/index.js';
import { UsageError } from '../discover-files.js';
import { checkEstate, estateSummary, findEstatePlans, sectionColumns } from '../estate.js';
import { estateSummaryLine, REPORT_FORMATS, writeEstateReport, type ReportFormat } from '../estate-report.js';
import type { CommandIO } from './lint.js';

export interface ReportOptions {
  paths: string[];
  out: string;
  formats: ReportFormat[];
  today?: string;
  config?: string;
  cache: boolean;
  cacheLocation?: string;
  cwd: string;
}

export function parseReportFormats(value: string): ReportFormat[] {
  const formats = value
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  for (const f of formats)
    if (!(REPORT_FORMATS as readonly string[]).includes(f))
      throw new UsageError(
        `unknown report format '${f}'. Formats: ${REPORT_FORMATS.join(', ')} (several with commas, e.g. html,csv)`,
      );
  if (formats.length === 0) throw new UsageError(`--format needs at least one of ${REPORT_FORMATS.join(', ')}`);
  return formats as ReportFormat[];
}

export async function runReport(opts: ReportOptions, io: CommandIO): Promise<number> {
  const today = opts.today ?? todayIso();
  const resolver = new ConfigResolver(opts.config ? resolve(opts.cwd, opts.config) : undefined);
  const files = await findEstatePlans({ paths: opts.paths, cwd: opts.cwd, resolver }, io);
  const plans = await checkEstate(
    files,
    {
      paths: opts.paths,
      cwd: opts.cwd,
      today,
      resolver,
      cache: opts.cache,
      cacheLocation: opts.cacheLocation,
      configPath: opts.config ? resolve(opts.cwd, opts.config) : undefined,
    },
    io,
  );
  const rows = sortRows(plans.map((p) => toEstateRow(p.path, estateSummary(p, opts.cwd), today)));
  const written = writeEstateReport(
    resolve(opts.cwd, opts.out),
    opts.cwd,
    { rows, sections: sectionColumns(files, resolver), today },
    opts.formats,
  );
  io.stdout(`${estateSummaryLine(rows)}.\n${written.map((w) => `Wrote ${relative(opts.cwd, w) || w}`).join('\n')}\n`);
  return 0;
}
