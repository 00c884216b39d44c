// Rule options are checked against the schema each rule declares: misspelt or out-of-range options
// are configuration errors that name what is allowed.
import { describe, expect, it } from 'vitest';
import { ConfigError, resolveConfig } from '../../core/config/config.js';
import { knownRuleIds } from '../../core/rules/catalogue.js';
import { rules } from '../../core/rules/index.js';

const load = (ruleSettings: Record<string, unknown>) => () =>
  resolveConfig({ rules: ruleSettings }, process.cwd(), knownRuleIds(), 'continuity.config.json');

describe('rule options', () => {
  it('accept what the rule declares', () => {
    expect(load({ 'last-test': ['warning', { maxAgeMonths: 6 }] })().rules['last-test'].options).toEqual({
      maxAgeMonths: 6,
    });
    expect(load({ placeholder: ['error', {}] })().rules.placeholder.level).toBe('error');
  });

  it.each([
    [
      { 'last-test': ['warning', { maxAgeMonth: 3 }] },
      "continuity.config.json: rule 'last-test' has no option 'maxAgeMonth'. Its options: maxAgeMonths",
    ],
    [
      { 'contacts-verified': ['warning', { maxAgeMonths: 1e9 }] },
      "continuity.config.json: rule 'contacts-verified': option 'maxAgeMonths' is 1000000000, out of range (from 1 to 120)",
    ],
    [
      { 'contacts-verified': ['warning', { maxAgeMonths: 0 }] },
      "continuity.config.json: rule 'contacts-verified': option 'maxAgeMonths' is 0, out of range (from 1 to 120)",
    ],
    [
      { 'last-test': ['warning', { maxAgeMonths: '6' }] },
      "continuity.config.json: rule 'last-test': option 'maxAgeMonths' must be a whole number, not \"6\"",
    ],
    [
      { placeholder: ['warning', { severity: 'error' }] },
      "continuity.config.json: rule 'placeholder' takes no options, but has 'severity'",
    ],
    [
      { 'schema/required-section': ['warning', { x: 1 }] },
      "continuity.config.json: rule 'schema/required-section' takes no options, but has 'x'",
    ],
    [
      { 'unreadable-file': 'off' },
      'continuity.config.json: rule \'unreadable-file\' cannot be set: a plan the tools cannot read has not been checked, so it must never pass. Remove it from "rules".',
    ],
    [
      { 'internal-error': ['warning', {}] },
      'continuity.config.json: rule \'internal-error\' cannot be set: a plan a check failed on has not been fully checked, so it must never pass. Remove it from "rules".',
    ],
  ])('reject %j', (settings, message) => {
    expect(load(settings)).toThrow(ConfigError);
    expect(load(settings)).toThrow(message);
  });

  it('every declared options schema forbids unknown options', () => {
    for (const rule of rules.filter((r) => r.options))
      expect(rule.options, rule.id).toMatchObject({ type: 'object', additionalProperties: false });
  });
});
