/**
 * The estate dashboard and its JSON and CSV twins, written from estate rows. `continuity report`
 * writes them for the plans it checks; `continuity build` writes them into its site, from the status
 * files every shard left, with links to the printed copies.
 */
import { join } from 'node:path';
import { dashboardHtml, estateCsv, type EstateRow, type SectionColumn } from '../core/estate.js';
import { writeFileAtomic } from '../core/writing.js';
import { TOOL_VERSION } from './tool-version.js';
import { writeRoot } from './write-root.js';

export const REPORT_FORMATS = ['html', 'json', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface EstateFiles {
  rows: EstateRow[];
  sections: SectionColumn[];
  today: string;
}

/** Write the dashboard and its JSON and CSV twins into `dir` (made if missing); returns the paths written. */
export function writeEstateReport(
  dir: string,
  cwd: string,
  estate: EstateFiles,
  formats: readonly ReportFormat[],
  extra: { indexHref?: string; withOutputs?: boolean } = {},
): string[] {
  const written: string[] = [];
  const within = writeRoot(cwd, dir);
  const write = (name: string, content: string) => {
    const path = join(dir, name);
    writeFileAtomic(path, content, { within, makeFolders: true });
    written.push(path);
  };
  if (formats.includes('html'))
    write('dashboard.html', dashboardHtml(estate.rows, estate.sections, { today: estate.today, ...extra }));
  if (formats.includes('json'))
    write(
      'estate.json',
      JSON.stringify(
        { tool: `continuity ${TOOL_VERSION}`, today: estate.today, sections: estate.sections, plans: estate.rows },
        null,
        2,
      ) + '\n',
    );
  if (formats.includes('csv')) write('estate.csv', estateCsv(estate.rows, estate.sections));
  return written;
}

/** The estate in one line, as `report` and `build` print it. */
export function estateSummaryLine(rows: EstateRow[]): string {
  const failing = rows.filter((r) => r.state === 'fails-checks').length;
  const overdue = rows.filter((r) => r.review === 'overdue').length;
  const soon = rows.filter((r) => r.review === 'due-soon').length;
  return `${rows.length} plans: ${failing} fail their checks, ${overdue} reviews overdue, ${soon} due within 30 days`;
}
