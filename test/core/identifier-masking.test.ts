/**
 * Rules that quote a cell (phone numbers, placeholders, recovery times, invalid values) must never
 * repeat a valid NHS number: messages reach CI logs, SARIF and editors.
 */
import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../core/check-plan.js';
import { MASKED_NHS_NUMBER, maskNhsNumbers } from '../../core/rules/nhs-number.js';
import { cleanPlan, replaceOnce, TODAY } from '../helpers/plans.js';

// 943 476 5919 passes the modulus 11 check; 943 476 5910 does not.
const NHS = '943 476 5919';

describe('no message quotes a valid NHS number', () => {
  it('masks valid numbers in any spacing and leaves other numbers alone', () => {
    expect(maskNhsNumbers(`'${NHS}' and 9434765919 and 943-476-5919`)).toBe(
      `'${MASKED_NHS_NUMBER}' and ${MASKED_NHS_NUMBER} and ${MASKED_NHS_NUMBER}`,
    );
    expect(maskNhsNumbers('Serial 943 476 5910, phone 020 7946 0123')).toBe('Serial 943 476 5910, phone 020 7946 0123');
  });

  it('phone, placeholder, recovery-time and front-matter messages quoting a cell with one', () => {
    let plan = cleanPlan();
    plan = replaceOnce(plan, '| 0808 157 0220 |', `| ${NHS} |`);
    plan = replaceOnce(
      plan,
      '| Urgent on-the-day triage | Clinical system, telephony | Unwell patients not assessed | 30 minutes |',
      `| Urgent on-the-day triage | Clinical system, telephony | Unwell patients not assessed | ${NHS} minutes |`,
    );
    plan = replaceOnce(plan, '## Telephony failure\n', `## Telephony failure\n\nCall {{patient ${NHS}}} back.\n`);
    plan = replaceOnce(plan, 'next_review: 2027-09-14', `next_review: ${NHS}`);
    const ds = checkPlan(plan, { today: TODAY, path: 'plan.md' }).diagnostics;
    const rules = new Set(ds.map((d) => d.ruleId));
    for (const id of ['nhs-number', 'uk-phone', 'placeholder', 'recovery-time']) expect(rules, id).toContain(id);
    expect(rules.has('front-matter') || [...rules].some((r) => r.startsWith('schema/'))).toBe(true);
    const text = ds.map((d) => d.message).join('\n');
    expect(text).not.toMatch(/943.?476.?5919/);
    expect(text).toContain(MASKED_NHS_NUMBER);
  });
});
