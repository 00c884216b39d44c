// Property-based: fixes never lose the user's words, are idempotent, and converge.
//  - every fix's edits are inside the text, do not overlap, cut no character (or CRLF) in two, and
//    only insert, or replace one value inside their diagnostic's range with another value;
//  - fixPlanText is exactly its passes of safe fixes (so nothing else changed the text);
//  - fixing a fixed plan changes nothing, and a check of the fixed plan offers no further safe fix;
//  - each safe fix, applied alone, makes its own diagnostic go away;
//  - applyEdits and safeFixEdits agree with simple reference implementations.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../core/check-plan.js';
import type { Diagnostic, TextEdit } from '../../core/diagnostic.js';
import { applyEdits, safeFixEdits } from '../../core/fix/apply-edits.js';
import { fixPlanText } from '../../core/fix-plan.js';
import { TODAY } from '../helpers/plans.js';
import { checkProperty, fixProblems, generatedPlan, mutatedPlan } from './arbitraries.js';

const options = { today: TODAY };

function assertNone(problems: string[]): void {
  if (problems.length > 0) throw new Error(problems.join('\n'));
}

/** fixPlanText's passes done by hand, checking every fix offered on the way. */
function fixByHand(text: string): { text: string; problems: string[] } {
  const problems: string[] = [];
  let current = text;
  for (let pass = 0; pass < 5; pass++) {
    const { diagnostics } = checkPlan(current, options);
    for (const d of diagnostics) problems.push(...fixProblems(current, d));
    const { edits } = safeFixEdits(diagnostics);
    if (edits.length === 0) break;
    const next = applyEdits(current, edits);
    if (next === current) break;
    current = next;
  }
  return { text: current, problems };
}

/** How many cases had a safe fix to apply: the properties mean little if hardly any did. */
const fixedCases = { mutated: 0, generated: 0 };

function fixProperty(text: string, kind?: keyof typeof fixedCases): void {
  const byHand = fixByHand(text);
  assertNone(byHand.problems);
  const fixed = fixPlanText(text, options);
  if (kind && fixed.text !== text) fixedCases[kind]++;
  // Nothing but the safe fixes' edits changed the text.
  expect(fixed.text).toBe(byHand.text);
  // Idempotent: fixing the fixed plan changes nothing.
  const refixed = fixPlanText(fixed.text, options);
  expect(refixed.text).toBe(fixed.text);
  // Converged: a fresh check of the fixed plan (the one refixing made) offers no safe fix, and the
  // first fixing's `remaining` is exactly that check.
  expect(refixed.remaining.filter((d) => d.fix?.safe).map((d) => `${d.ruleId}: ${d.message}`)).toEqual([]);
  expect(fixed.remaining).toEqual(refixed.remaining);
}

const sameDiagnostic = (a: Diagnostic, b: Diagnostic) => a.ruleId === b.ruleId && a.message === b.message;

describe("fixes keep the user's words, are idempotent and converge", () => {
  it('on mutations of the shipped plans (British dates, wrong-case values, damage)', async () => {
    const run = await checkProperty('fix: mutated shipped plans', mutatedPlan, (t) => fixProperty(t, 'mutated'), 120);
    console.log(
      `[robustness] fix: mutated shipped plans: ${fixedCases.mutated} of ${run.runs} cases had safe fixes applied`,
    );
    expect(fixedCases.mutated).toBeGreaterThan(run.runs / 10);
  });
  it('on plans generated from the plan grammar', async () => {
    const run = await checkProperty('fix: generated plans', generatedPlan, (t) => fixProperty(t, 'generated'), 120);
    console.log(
      `[robustness] fix: generated plans: ${fixedCases.generated} of ${run.runs} cases had safe fixes applied`,
    );
    expect(fixedCases.generated).toBeGreaterThan(run.runs / 10);
  });
  it('each safe fix, applied alone, resolves its own diagnostic and keeps the rest of the text', async () => {
    let tried = 0;
    const run = await checkProperty(
      'fix: each safe fix alone resolves its diagnostic',
      mutatedPlan,
      (text) => {
        const { diagnostics } = checkPlan(text, options);
        for (const d of diagnostics.filter((x) => x.fix?.safe)) {
          tried++;
          const edits = d.fix!.edits;
          const after = applyEdits(text, edits);
          // Outside the edits, every character is where it was.
          const [first] = [...edits].sort((a, b) => a.start - b.start);
          const last = [...edits].sort((a, b) => b.end - a.end)[0];
          expect(after.startsWith(text.slice(0, first.start))).toBe(true);
          expect(after.endsWith(text.slice(last.end))).toBe(true);
          const left = checkPlan(after, options).diagnostics.filter(
            (x) => sameDiagnostic(x, d) && x.range.start.offset === d.range.start.offset,
          );
          expect(left.map((x) => x.message)).toEqual([]);
        }
      },
      100,
    );
    console.log(`[robustness] fix: ${tried} safe fixes applied alone in ${run.runs} cases`);
    expect(tried).toBeGreaterThan(run.runs / 10);
  });
});

// ---------------------------------------------------------------------------------------------
// The edit machinery against reference implementations.

function referenceApply(text: string, edits: TextEdit[]): string {
  let out = text;
  let limit = Infinity;
  for (const e of [...edits].sort((a, b) => b.start - a.start || b.end - a.end)) {
    if (e.end > limit || e.start < 0 || e.end > text.length || e.start > e.end) continue;
    out = out.slice(0, e.start) + e.text + out.slice(e.end);
    limit = e.start;
  }
  return out;
}

function referenceSafe(diagnostics: Diagnostic[]): { edits: TextEdit[]; applied: Diagnostic[] } {
  const edits: TextEdit[] = [];
  const applied: Diagnostic[] = [];
  for (const d of diagnostics) {
    if (!d.fix?.safe) continue;
    const clashes = (e: TextEdit, o: TextEdit) =>
      (e.start < o.end && o.start < e.end) || (e.start === o.start && e.end === o.end);
    // A fix whose own edits overlap would be half applied: it is not taken at all.
    if (d.fix.edits.some((e, k) => d.fix!.edits.some((o, m) => m < k && clashes(e, o)))) continue;
    if (d.fix.edits.some((e) => edits.some((o) => clashes(e, o)))) continue;
    edits.push(...d.fix.edits);
    applied.push(d);
  }
  return { edits, applied };
}

const edit = (max: number) =>
  fc
    .tuple(fc.integer({ min: -2, max: max + 2 }), fc.integer({ min: 0, max: 6 }), fc.string({ maxLength: 4 }))
    .map(([start, len, text]) => ({ start, end: start + len, text }));

describe('fixes offered in the editor only (not safe)', () => {
  it('applied one at a time: the rest of the text kept, and the result checks without a fault', async () => {
    let tried = 0;
    const run = await checkProperty(
      'fix: unsafe fixes applied alone',
      fc.tuple(mutatedPlan, fc.nat()),
      ([text, pick]) => {
        const unsafe = checkPlan(text, options).diagnostics.filter((x) => x.fix && !x.fix.safe);
        // Two per case, chosen by the generator (a plan missing its front matter offers dozens). Their
        // edits were checked to be insertions or one-value replacements (fixProblems).
        for (const d of [
          unsafe[pick % Math.max(1, unsafe.length)],
          unsafe[(pick >> 3) % Math.max(1, unsafe.length)],
        ].filter(Boolean)) {
          tried++;
          assertNone(fixProblems(text, d));
          const after = applyEdits(text, d.fix!.edits);
          const starts = d.fix!.edits.map((e) => e.start);
          const ends = d.fix!.edits.map((e) => e.end);
          expect(after.startsWith(text.slice(0, Math.min(...starts)))).toBe(true);
          expect(after.endsWith(text.slice(Math.max(...ends)))).toBe(true);
          const faults = checkPlan(after, options).diagnostics.filter((x) => x.ruleId === 'internal-error');
          expect(faults.map((x) => x.message)).toEqual([]);
        }
      },
      100,
    );
    console.log(`[robustness] fix: ${tried} unsafe fixes applied alone in ${run.runs} cases`);
    expect(tried).toBeGreaterThan(run.runs / 2);
  });
});

describe('edit machinery', () => {
  it('applyEdits equals applying the edits one by one from the end', async () => {
    await checkProperty(
      'applyEdits: equals the reference',
      fc
        .string({ maxLength: 40 })
        .chain((text) => fc.tuple(fc.constant(text), fc.array(edit(text.length), { maxLength: 8 }))),
      ([text, edits]) => expect(applyEdits(text, edits)).toBe(referenceApply(text, edits)),
      1000,
    );
  });
  it('safeFixEdits picks the same fixes as the pairwise comparison (and never half a fix)', async () => {
    const zero = { line: 1, column: 1, offset: 0 };
    const diagnostic = fc
      .tuple(fc.boolean(), fc.array(edit(30), { minLength: 1, maxLength: 3 }))
      .map(([safe, edits]): Diagnostic => ({
        ruleId: 'x',
        severity: 'error',
        message: 'm',
        range: { start: zero, end: zero },
        fix: { title: 't', safe, edits },
      }));
    await checkProperty(
      'safeFixEdits: equals the reference',
      fc.array(diagnostic, { maxLength: 12 }),
      (ds) => {
        const got = safeFixEdits(ds);
        const want = referenceSafe(ds);
        expect(got.applied).toEqual(want.applied);
        expect(got.edits).toEqual(want.edits);
      },
      1000,
    );
  });
});
