/**
 * Fix a plan's text with its safe fixes until nothing more changes (a few passes at most: one fix can
 * make another's range shift). Never loses text: every pass only applies edits of safe fixes.
 */
import { checkPlan, type CheckOptions } from './check-plan.js';
import type { Diagnostic } from './diagnostic.js';
import { applyEdits, safeFixEdits } from './fix/apply-edits.js';

export interface FixResult {
  text: string;
  fixed: Diagnostic[];
  remaining: Diagnostic[];
}

export function fixPlanText(text: string, options: CheckOptions = {}, maxPasses = 5): FixResult {
  let current = text;
  const fixed: Diagnostic[] = [];
  let result = checkPlan(current, options);
  for (let pass = 0; pass < maxPasses; pass++) {
    const { edits, applied } = safeFixEdits(result.diagnostics);
    if (edits.length === 0) break;
    const next = applyEdits(current, edits);
    if (next === current) break;
    const after = checkPlan(next, options);
    // Fixes proved one by one could still clash together: a pass that leaves front matter that read
    // unreadable is not applied.
    if (readable(result) && !readable(after)) break;
    current = next;
    for (const d of applied) fixed.push(d);
    result = after;
  }
  return { text: current, fixed, remaining: result.diagnostics };
}

const readable = (r: ReturnType<typeof checkPlan>): boolean =>
  !!r.doc?.frontMatter && r.doc.frontMatter.problems.length === 0;
