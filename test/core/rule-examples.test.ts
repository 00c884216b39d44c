// Every rule's documented examples run as tests, position, severity and full message: the docs cannot
// drift from the behaviour. Every rule has an example that must pass clean.
import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../core/check-plan.js';
import { rules } from '../../core/rules/index.js';
import { TODAY } from '../helpers/plans.js';

describe.each(rules.map((r) => [r.id, r] as const))('%s', (_id, rule) => {
  it('has documentation', () => {
    expect(rule.description.length).toBeGreaterThan(20);
    expect(rule.rationale.length).toBeGreaterThan(40);
  });
  it('has an example that reports and one that passes clean', () => {
    expect(rule.examples.some((e) => e.expected.length === 0)).toBe(true);
    // recommended-section reports every missing recommended section at once: too long for an example.
    if (rule.id !== 'recommended-section') expect(rule.examples.some((e) => e.expected.length > 0)).toBe(true);
  });
  for (const example of rule.examples) {
    it(example.title, () => {
      const found = checkPlan(example.markdown, { today: TODAY })
        .diagnostics.filter((d) => d.ruleId === rule.id)
        .map(
          (d) =>
            `${d.range.start.line}:${d.range.start.column}-${d.range.end.line}:${d.range.end.column} ${d.severity} ${d.message}`,
        );
      expect(found).toEqual(example.expected);
    });
  }
});
