// Property-based: add-missing only inserts (no word of any plan is lost), its edits are its result,
// and a second run changes nothing; heading recognition never fails on any text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMissing } from '../../core/add-missing.js';
import { applyEdits } from '../../core/fix/apply-edits.js';
import { buildCatalogue, loadPlanSchema } from '../../core/index.js';
import { recogniseHeading } from '../../core/schema/heading-match.js';
import { TODAY } from '../helpers/plans.js';
import { anyText, checkProperty, generatedPlan, mutatedPlan } from './arbitraries.js';

const options = { today: TODAY };

function insertsOnly(text: string): void {
  const r = addMissing(text, options);
  for (const e of r.edits) expect(e.start, 'an edit that replaces text').toBe(e.end);
  expect(applyEdits(text, r.edits)).toBe(r.text);
  // The original is the result with the insertions taken out: every character kept, in order.
  let at = 0;
  let rebuilt = '';
  for (const e of [...r.edits].sort((a, b) => a.start - b.start)) {
    rebuilt += text.slice(at, e.start);
    at = e.start;
  }
  rebuilt += text.slice(at);
  expect(rebuilt).toBe(text);
  const again = addMissing(r.text, options);
  expect(again.text, 'a second run changed the plan').toBe(r.text);
}

describe('add-missing properties', () => {
  it('mutated shipped plans', async () => {
    await checkProperty('add-missing on mutated plans: inserts only, idempotent', mutatedPlan, insertsOnly, 40);
  }, 240_000);
  it('generated plans', async () => {
    await checkProperty('add-missing on generated plans: inserts only, idempotent', generatedPlan, insertsOnly, 40);
  }, 240_000);
  it('heading recognition on any text', async () => {
    const sections = buildCatalogue([loadPlanSchema()]).sections;
    await checkProperty(
      'recogniseHeading on any text: an answer, never a fault',
      fc.oneof(anyText, fc.string({ maxLength: 400 })),
      (t) => {
        const m = recogniseHeading(t, sections);
        if (m) expect(['exact', 'clear', 'likely']).toContain(m.confidence);
      },
      300,
    );
  });
});
