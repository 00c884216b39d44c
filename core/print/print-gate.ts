/**
 * The print gate: whether a checked plan may be printed as a finished copy, and what every page is
 * stamped with when it is not finished. One decision for `continuity render`, `continuity build` and
 * the editor's "Print hard copy", so the three can never disagree.
 *
 * - Errors, a placeholder on the emergency page (page 1, read first in an outage) or a placeholder
 *   where a contact's number should be: refused, like a plan with errors. With --allow-errors (the
 *   editor's "print anyway") it prints with DRAFT on every page.
 * - Any other placeholder, or `status: draft`: printed, with DRAFT on every page (not just the cover).
 * - The paper forms alone (`--forms-only`, for the grab pack): only errors and placeholders that would
 *   print on the forms themselves count; blank forms from a draft plan are fit to photocopy.
 */
import type { PlanDocument } from '../model/plan-document.js';
import { emergencyPageHtml } from '../render/emergency-page.js';
import { formsForPlan, formsHtml } from '../render/forms.js';
import { planFacts } from '../render/plan-facts.js';
import { findPlaceholders, PLACEHOLDER, PLACEHOLDER_GLOBAL } from '../model/placeholder-pattern.js';

export interface PrintGateInput {
  /** The checked plan; undefined when it could not be read. */
  doc: PlanDocument | undefined;
  /** Error-severity diagnostics found by the checks. */
  errors: number;
  /** --allow-errors, or the editor's "print a copy stamped DRAFT". */
  allowErrors: boolean;
  /** Only the paper forms will be printed. */
  formsOnly?: boolean;
}

export type PrintDecision =
  /** `stamp`: printed on every page (and in the running header); undefined for a finished plan. */
  | { print: true; stamp?: string }
  /** `problems`: clauses completing "The plan ...", e.g. "has 2 errors". */
  | { print: false; problems: string[] };

const MAX_SHOWN = 3;

function quoteSome(items: string[]): string {
  const unique = [...new Set(items)];
  const shown = unique.slice(0, MAX_SHOWN).map((p) => `'${p}'`).join(', ');
  return unique.length > MAX_SHOWN ? `${shown} and ${unique.length - MAX_SHOWN} more` : shown;
}

/** Placeholders that would be printed on page 1: read from the page itself, so nothing can drift. */
function emergencyPagePlaceholders(doc: PlanDocument): string[] {
  const html = emergencyPageHtml(doc.model, planFacts(doc));
  return [...html.matchAll(PLACEHOLDER_GLOBAL)].map((m) => m[0]);
}

/** Contacts whose phone number (any column the schema marks as a phone number) is still a placeholder. */
function contactNumberPlaceholders(doc: PlanDocument): string[] {
  const found: string[] = [];
  const section = doc.model.sections.contacts;
  for (const def of doc.catalogue.byId.get('contacts')?.tables ?? []) {
    const phoneColumns = def.columns.filter((c) => c.kind === 'phone').map((c) => c.id);
    for (const row of section?.tables[def.id]?.rows ?? []) {
      if (phoneColumns.some((c) => PLACEHOLDER.test(row[c] ?? ''))) found.push(row.contact || row.organisation || 'a contact');
    }
  }
  return found;
}

/** Placeholders that would be printed on the paper forms (practice name, staff names ...). */
function formPlaceholders(doc: PlanDocument): string[] {
  const html = formsHtml(formsForPlan(doc.model.sections['paper-templates']?.tables.forms), planFacts(doc));
  return [...html.matchAll(PLACEHOLDER_GLOBAL)].map((m) => m[0]);
}

function decideFormsOnly(doc: PlanDocument, errors: number, allowErrors: boolean): PrintDecision {
  const onForms = formPlaceholders(doc);
  const problems: string[] = [];
  if (errors > 0) problems.push(`has ${plural(errors, 'error', 'errors')}`);
  if (onForms.length > 0) problems.push(`would print placeholder text on the paper forms: ${quoteSome(onForms)}`);
  if (problems.length > 0 && !allowErrors) return { print: false, problems };
  if (errors > 0) return { print: true, stamp: `DRAFT - FAILS CHECKS (${plural(errors, 'error', 'errors')})` };
  return onForms.length > 0 ? { print: true, stamp: 'DRAFT - NOT FILLED IN' } : { print: true };
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function decidePrint({ doc, errors, allowErrors, formsOnly }: PrintGateInput): PrintDecision {
  if (!doc) return { print: false, problems: [errors > 0 ? `has ${plural(errors, 'error', 'errors')} and could not be read` : 'could not be read'] };
  if (formsOnly) return decideFormsOnly(doc, errors, allowErrors);
  const onPage1 = emergencyPagePlaceholders(doc);
  const contacts = contactNumberPlaceholders(doc);
  const problems: string[] = [];
  if (errors > 0) problems.push(`has ${plural(errors, 'error', 'errors')}`);
  if (onPage1.length > 0) problems.push(`would print placeholder text on the emergency page (page 1): ${quoteSome(onPage1)}`);
  if (contacts.length > 0) problems.push(`has no real number for ${quoteSome(contacts)} in the contacts table`);
  if (problems.length > 0 && !allowErrors) return { print: false, problems };
  if (errors > 0) return { print: true, stamp: `DRAFT - FAILS CHECKS (${plural(errors, 'error', 'errors')})` };
  if (onPage1.length > 0 || contacts.length > 0 || findPlaceholders(doc).length > 0) return { print: true, stamp: 'DRAFT - NOT FILLED IN' };
  if (doc.model.frontMatter.status === 'draft' || doc.model.frontMatter.status === undefined) return { print: true, stamp: 'DRAFT - NOT YET APPROVED' };
  return { print: true };
}

/** "has 2 errors, would print ... and has no real number for ..." */
export function joinProblems(problems: string[]): string {
  return problems.length <= 1 ? (problems[0] ?? '') : `${problems.slice(0, -1).join(', ')} and ${problems[problems.length - 1]}`;
}
