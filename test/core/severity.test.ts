// Severity is decided once (core/engine/severity.ts): "off" turns a rule off, a report's own
// severity is kept, otherwise the configured level is the rule's default.
import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../core/check-plan.js';
import { resolveConfig } from '../../core/config/config.js';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { checkPlugins } from '../../core/engine/processor.js';
import { decideSeverity } from '../../core/engine/severity.js';
import { parseMarkdown } from '../../core/parse/parse-markdown.js';
import { knownRuleIds } from '../../core/rules/catalogue.js';
import { TODAY } from '../helpers/plans.js';

const config = (rules: Record<string, unknown>) => resolveConfig({ rules }, process.cwd(), knownRuleIds());
const lastTest = (text: string, rules: Record<string, unknown>) =>
  checkPlan(text, { today: TODAY, config: config(rules) })
    .diagnostics.filter((d) => d.ruleId === 'last-test')
    .map((d) => d.severity);

const FUTURE = '---\nlast_tested: 2099-01-01\n---\n# Plan\n';
const OLD = '---\nlast_tested: 2020-01-01\n---\n# Plan\n';

describe('severity', () => {
  it('follows one rule', () => {
    expect(decideSeverity('off', 'error', 'error')).toBeUndefined();
    expect(decideSeverity('info', 'warning', 'error')).toBe('error');
    expect(decideSeverity('info', 'warning')).toBe('info');
    expect(decideSeverity(undefined, 'warning')).toBe('warning');
  });

  it("a configured level sets the rule's default but keeps a report's deliberate severity", () => {
    expect(lastTest(OLD, {})).toEqual(['warning']);
    expect(lastTest(OLD, { 'last-test': 'info' })).toEqual(['info']);
    expect(lastTest(FUTURE, {})).toEqual(['error']);
    expect(lastTest(FUTURE, { 'last-test': 'info' })).toEqual(['error']);
    expect(lastTest(FUTURE, { 'last-test': 'off' })).toEqual([]);
  });

  it('keeps an empty required section an error when empty-section is set lower', () => {
    const text = '# Plan\n\n## Telephony failure\n\n## Incident and lessons log\n\n## Recovery\n\nText.\n';
    const empty = (rules: Record<string, unknown>) =>
      checkPlan(text, { today: TODAY, config: config(rules) })
        .diagnostics.filter((d) => d.ruleId === 'empty-section')
        .map((d) => `${d.range.start.line} ${d.severity}`);
    expect(empty({})).toEqual(['3 error', '5 error']);
    expect(empty({ 'empty-section': 'warning' })).toEqual(['3 error', '5 warning']);
  });

  it('applies to schema findings and file-level findings too', () => {
    const sev = (rules: Record<string, unknown>) =>
      checkPlan('', { today: TODAY, config: config(rules) }).diagnostics.map((d) => `${d.ruleId} ${d.severity}`);
    expect(sev({})).toEqual(['empty-file error']);
    expect(sev({ 'empty-file': 'warning' })).toEqual(['empty-file warning']);
    expect(sev({ 'empty-file': 'off' })).toEqual([]);
    const required = (rules: Record<string, unknown>) =>
      new Set(
        checkPlan('# Plan\n', { today: TODAY, config: config(rules) })
          .diagnostics.filter((d) => d.ruleId === 'schema/required-section')
          .map((d) => d.severity),
      );
    expect(required({})).toEqual(new Set(['error']));
    expect(required({ 'schema/required-section': 'info' })).toEqual(new Set(['info']));
  });

  it("shows remark-cli (through the preset's plugins) each report's decided severity", () => {
    const cfg = config({ 'last-test': 'info' });
    const run = (text: string) => {
      const file = new VFile({ value: text });
      unified()
        .use(checkPlugins({ schemas: cfg.schemas, today: TODAY, rules: cfg.rules }))
        .runSync(parseMarkdown(text), file);
      return file.messages.filter((m) => m.ruleId === 'last-test').map((m) => m.fatal);
    };
    expect(run(FUTURE)).toEqual([true]); // error, though remark-lint runs the rule at 'warn'
    expect(run(OLD)).toEqual([undefined]); // info
  });
});
