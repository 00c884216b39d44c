/**
 * One row of the ICB's estate view (dashboard, index, JSON and CSV): a plan's summary judged against
 * today's date. Reviews are due within 12 months (overdue is an error in the plan's checks too); a
 * review within 30 days is flagged so the practice has time to do it; tests are due every 12 months.
 */
import { addMonths, daysBetween } from '../dates/dates.js';
import type { PlanSummary, SectionState } from './plan-summary.js';

export const REVIEW_DUE_SOON_DAYS = 30;
export const TEST_INTERVAL_MONTHS = 12;

export type PlanState = 'ready' | 'warnings' | 'fails-checks';
export type DateState = 'overdue' | 'due-soon' | 'ok' | 'unknown';

/** Printed outputs of a plan, as paths relative to the site folder. */
export interface PlanOutputs {
  pdf?: string;
  forms?: string;
  html?: string;
  /** Why the plan was not printed, when it was meant to be. */
  notPrinted?: string;
}

export interface EstateRow {
  /** The plan file, relative to where the command ran (forward slashes). */
  path: string;
  practiceName: string;
  odsCode?: string;
  icb?: string;
  version?: string;
  clinicalSystem?: string;
  state: PlanState;
  errors: number;
  warnings: number;
  nextReview?: string;
  /** Days until the next review; negative when overdue. */
  reviewInDays?: number;
  review: DateState;
  lastTested?: string;
  test: DateState;
  /** The older of the front matter's contacts_last_verified and the oldest date in the contacts table. */
  contactsVerified?: string;
  sections: Record<string, SectionState>;
  sharedFiles?: string[];
  outputs?: PlanOutputs;
}

function reviewState(days: number | undefined): DateState {
  if (days === undefined) return 'unknown';
  if (days < 0) return 'overdue';
  return days <= REVIEW_DUE_SOON_DAYS ? 'due-soon' : 'ok';
}

function testState(lastTested: string | undefined, today: string): DateState {
  if (!lastTested) return 'unknown';
  const due = addMonths(lastTested, TEST_INTERVAL_MONTHS);
  const days = daysBetween(today, due);
  return days < 0 ? 'overdue' : days <= REVIEW_DUE_SOON_DAYS ? 'due-soon' : 'ok';
}

export function toEstateRow(path: string, summary: PlanSummary, today: string, outputs?: PlanOutputs): EstateRow {
  const reviewInDays = summary.nextReview ? daysBetween(today, summary.nextReview) : undefined;
  const verified = [summary.contactsVerified, summary.oldestContactVerified].filter((d): d is string => !!d).sort()[0];
  const row: EstateRow = {
    path,
    practiceName:
      summary.practiceName ??
      path
        .split('/')
        .pop()!
        .replace(/\.(md|markdown)$/i, ''),
    odsCode: summary.odsCode,
    icb: summary.icb,
    version: summary.version,
    clinicalSystem: summary.clinicalSystem,
    state: summary.errors > 0 ? 'fails-checks' : summary.warnings > 0 ? 'warnings' : 'ready',
    errors: summary.errors,
    warnings: summary.warnings,
    nextReview: summary.nextReview,
    reviewInDays,
    review: reviewState(reviewInDays),
    lastTested: summary.lastTested,
    test: testState(summary.lastTested, today),
    contactsVerified: verified,
    sections: summary.sections,
    sharedFiles: summary.sharedFiles,
    outputs,
  };
  for (const key of Object.keys(row) as (keyof EstateRow)[]) if (row[key] === undefined) delete row[key];
  return row;
}

/** Rows in a stable order: practice name, then path. */
export function sortRows(rows: EstateRow[]): EstateRow[] {
  return [...rows].sort(
    (a, b) => a.practiceName.localeCompare(b.practiceName, 'en-GB') || a.path.localeCompare(b.path),
  );
}
