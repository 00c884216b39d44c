// Every rule's documented examples run as tests: the docs cannot drift from the behaviour.
import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../core/check-plan.js';
import { rules } from '../../core/rules/index.js';
import { formatDiagnostic } from '../helpers/format.js';
import { TODAY } from '../helpers/plans.js';

describe.each(rules.map((r) => [r.id, r] as const))('%s', (_id, rule) => {
  it('has documentation', () => {
    expect(rule.description.length).toBeGreaterThan(20);
    expect(rule.rationale.length).toBeGreaterThan(40);
  });
  for (const example of rule.examples) {
    it(example.title, () => {
      const found = checkPlan(example.markdown, { today: TODAY })
        .diagnostics.filter((d) => d.ruleId === rule.id)
        .map((d) => formatDiagnostic(d, false));
      expect(found).toEqual(example.expected);
    });
  }
});
