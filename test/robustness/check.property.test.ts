// Property-based: checkPlan and checkPlanBytes never throw, never report a fault of their own
// (internal-error), and every diagnostic's range is valid and inside the document.
import { describe, expect, it } from 'vitest';
import { checkPlan, checkPlanBytes, type CheckResult } from '../../core/check-plan.js';
import { TODAY } from '../helpers/plans.js';
import { anyText, checkProperty, generatedPlan, mutatedPlan, planBytes, rangeProblems } from './arbitraries.js';

function soundness(result: CheckResult, text: string | undefined): string[] {
  const problems: string[] = [];
  for (const d of result.diagnostics) {
    if (d.ruleId === 'internal-error') problems.push(`internal-error: ${d.message}`);
    if (!['error', 'warning', 'info'].includes(d.severity)) problems.push(`${d.ruleId}: severity ${d.severity}`);
    if (typeof d.message !== 'string' || d.message.trim() === '') problems.push(`${d.ruleId}: empty message`);
    problems.push(...rangeProblems(text, d));
  }
  return problems;
}

/** Fail with every problem written out (fast-check shows the message with the counterexample). */
function assertNone(problems: string[]): void {
  if (problems.length > 0) throw new Error(problems.join('\n'));
}

function checkText(text: string): void {
  let result: CheckResult;
  try {
    result = checkPlan(text, { today: TODAY });
  } catch (e) {
    throw new Error(`checkPlan threw: ${(e as Error).stack}`, { cause: e });
  }
  expect(result.text).toBe(text);
  assertNone(soundness(result, text));
}

describe('checkPlan never throws and gives valid ranges, with no internal-error', () => {
  it('on mutations of the shipped plans', async () => {
    await checkProperty('checkPlan: mutated shipped plans', mutatedPlan, checkText, 200);
  });
  it('on plans generated from the plan grammar', async () => {
    await checkProperty('checkPlan: generated plans', generatedPlan, checkText, 200);
  });
  it('on any text (random code points, markdown and YAML fragments)', async () => {
    await checkProperty('checkPlan: any text', anyText, checkText, 500);
  });
});

describe('checkPlanBytes never throws and gives valid ranges, with no internal-error', () => {
  it('on damaged bytes, BOMs of every kind and random bytes', async () => {
    await checkProperty(
      'checkPlanBytes: damaged and random bytes',
      planBytes,
      (bytes) => {
        let result: CheckResult;
        try {
          result = checkPlanBytes(bytes, { today: TODAY });
        } catch (e) {
          throw new Error(`checkPlanBytes threw: ${(e as Error).stack}`, { cause: e });
        }
        // Either the bytes were decoded (the text checked is returned) or one diagnostic says why not.
        if (result.text === undefined) {
          expect(result.diagnostics.map((d) => d.ruleId)).toEqual(['unreadable-file']);
        }
        assertNone(soundness(result, result.text));
      },
      300,
    );
  });
});
