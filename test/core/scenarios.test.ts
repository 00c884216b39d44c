// The scenarios table is checked for what it covers (data in the schema), not only its row count.
import { describe, expect, it } from 'vitest';
import { applyEdits, checkPlan } from '../../core/index.js';
import { cleanPlan, replaceOnce, TODAY } from '../helpers/plans.js';

const rowIssues = (text: string) =>
  checkPlan(text, { today: TODAY }).diagnostics.filter(
    (d) => d.ruleId === 'schema/required-row' && /scenarios/.test(d.message),
  );

describe('scenarios table content', () => {
  it('the shipped example covers every scenario', () => {
    expect(rowIssues(cleanPlan())).toEqual([]);
  });
  it('a missing scenario is named, with a fix adding its row', () => {
    const text = replaceOnce(cleanPlan(), /^\| Cyber attack or ransomware \|.*\n/m, '');
    const issues = rowIssues(text);
    expect(issues.map((d) => d.message)).toEqual([
      expect.stringMatching(
        /^The scenarios table .*has no row for the cyber attack scenario\. A cyber attack can take every system down/,
      ),
    ]);
    const fixed = applyEdits(text, issues[0].fix!.edits);
    expect(fixed).toMatch(/^\| Cyber attack or ransomware \| Yes \|/m);
    expect(rowIssues(fixed)).toEqual([]);
  });
  it('several missing scenarios are each named, whatever the row count', () => {
    let text = cleanPlan();
    for (const row of [
      'Telephony failure',
      'EPS or Spine unavailable',
      'Practice PCs fail to start (e.g. faulty update)',
    ]) {
      text = replaceOnce(text, new RegExp(`^\\| ${row.replace(/[().]/g, '\\$&')} \\|.*\\n`, 'm'), '');
    }
    const names = rowIssues(text).map((d) => /row for the (.*?) scenario/.exec(d.message)?.[1]);
    expect(names.sort()).toEqual(['EPS or Spine', 'local PCs', 'telephony']);
  });
  it('a practice that words its rows its own way is understood', () => {
    const text = replaceOnce(cleanPlan(), /^\| Telephony failure \|/m, '| Loss of phones (Tollgate) |');
    expect(rowIssues(text)).toEqual([]);
  });
});
