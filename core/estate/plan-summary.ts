/**
 * One plan as an ICB's estate view sees it: who it belongs to, how many problems it has, which
 * required sections are there, and the dates that say whether it is kept up (review, test, contacts).
 * Plain JSON, so it can be cached with the lint result and written into the build's status files.
 */
import type { CheckResult } from '../check-plan.js';
import type { Diagnostic } from '../diagnostic.js';
import { isIsoDate } from '../dates/dates.js';
import { typedValues } from '../rules/typed-values.js';

export type SectionState = 'present' | 'empty' | 'missing';

export interface PlanSummary {
  practiceName?: string;
  odsCode?: string;
  icb?: string;
  version?: string;
  status?: string;
  clinicalSystem?: string;
  telephonyType?: string;
  nextReview?: string;
  lastReviewed?: string;
  lastTested?: string;
  /** `contacts_last_verified` in the front matter. */
  contactsVerified?: string;
  /** The oldest "Last verified" date in the contacts table. */
  oldestContactVerified?: string;
  errors: number;
  warnings: number;
  /** Required and recommended sections by id: present, empty (a heading with nothing under it) or missing. */
  sections: Record<string, SectionState>;
  /** Shared files the plan takes content from (as given to the summary, e.g. repository paths). */
  sharedFiles?: string[];
}

const text = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : undefined;
const date = (v: unknown): string | undefined => (isIsoDate(v) ? v : undefined);
const field = (v: unknown, key: string): unknown =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>)[key] : undefined;

export function countProblems(diagnostics: Diagnostic[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const d of diagnostics) {
    if (d.severity === 'error') errors++;
    else if (d.severity === 'warning') warnings++;
  }
  return { errors, warnings };
}

export function summarisePlan(result: CheckResult): PlanSummary {
  const summary: PlanSummary = { ...countProblems(result.diagnostics), sections: {} };
  const doc = result.doc;
  if (!doc) return summary;
  const fm = doc.model.frontMatter;
  summary.practiceName = text(field(fm.practice, 'name'));
  summary.odsCode = text(field(fm.practice, 'ods_code'));
  summary.icb = text(field(fm.icb, 'name'));
  summary.version = text(fm.version);
  summary.status = text(fm.status);
  summary.clinicalSystem = text(field(fm.clinical_system, 'name'));
  summary.telephonyType = text(field(fm.telephony, 'type'));
  summary.nextReview = date(fm.next_review);
  summary.lastReviewed = date(fm.last_reviewed);
  summary.lastTested = date(fm.last_tested);
  summary.contactsVerified = date(fm.contacts_last_verified);
  const verified = typedValues(doc, 'date')
    .filter((v) => v.column === 'verified' && isIsoDate(v.value))
    .map((v) => v.value)
    .sort();
  summary.oldestContactVerified = verified[0];
  for (const def of doc.catalogue.sections) {
    if (!def.required && !def.recommended) continue;
    const section = doc.model.sections[def.id];
    summary.sections[def.id] = !section ? 'missing' : section.words === 0 ? 'empty' : 'present';
  }
  for (const key of Object.keys(summary) as (keyof PlanSummary)[]) if (summary[key] === undefined) delete summary[key];
  return summary;
}
