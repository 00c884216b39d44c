// Roles as practices name them: their own role names map to the incident roles, "All staff" needs no
// deputy, each step's role is resolved against the roles table, and one action card per role.
import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../core/index.js';
import { buildPrintDocument } from '../../core/render/print-document.js';
import { EVERYONE_ROLES } from '../../core/model/roles.js';
import { cleanPlan, replaceOnce, TODAY } from '../helpers/plans.js';

const PRACTICE_ROLES = `| Role | Name | Deputy | Responsibilities |
| --- | --- | --- | --- |
| Practice Manager | Priya Shah | Daniel Okafor | Leads the response. |
| Partners | Dr Tom Ashworth | Dr Helen Carr | Clinical decisions. |
| Reception Supervisor | Megan Doyle | Aisha Rahman | Phones and the day lists. |
| Reception (08:00 to 18:30) | The receptionists on shift | Megan Doyle | Answers the emergency mobile. |
| Secretary | Chloe Bennett | Gemma Hart | Decision and action log, cost log. |
| Information Governance Lead | Priya Shah | Chloe Bennett | Data breach decisions, with the DPO. |
| All staff | Everyone on duty | | Follow the action cards. |
`;

function withRoles(table: string, telephonySteps?: string): string {
  let text = replaceOnce(cleanPlan(), /^\| Role \| Name \| Deputy \| Responsibilities \|\n[\s\S]*?\n\n/m, `${table}\n`);
  if (telephonySteps)
    text = replaceOnce(text, /(^## Telephony failure\n\n)[\s\S]*?\n\n(?=## )/m, `$1${telephonySteps}\n\n`);
  return text;
}

const diags = (text: string) => checkPlan(text, { today: TODAY }).diagnostics;

describe('a roles row for everyone needs no deputy', () => {
  const deputyProblems = (role: string) =>
    diags(
      withRoles(PRACTICE_ROLES.replace('| All staff | Everyone on duty |', `| ${role} | Everyone on duty |`)),
    ).filter((d) => d.ruleId.startsWith('schema/') && /deputy/i.test(d.message));
  it('"Staff", "Everyone", "All staff" and every way the step-role check reads as everyone', () => {
    // One meaning of "everyone" for the roles table and for the steps (core/model/roles.ts).
    const written = EVERYONE_ROLES.flatMap((r) => [r, r.charAt(0).toUpperCase() + r.slice(1)]);
    expect(written).toContain('Staff');
    for (const role of written) expect(deputyProblems(role), role).toEqual([]);
  });
  it('a named role, or a team with a lead, still needs a deputy', () => {
    for (const role of ['Staff liaison lead', 'Reception staff', 'Team leader', 'Staffing lead'])
      expect(deputyProblems(role).length, role).toBeGreaterThan(0);
  });
});

describe("roles table in the practice's own words", () => {
  it('practice role names stand for the incident roles, and an All staff row needs no deputy', () => {
    const ds = diags(withRoles(PRACTICE_ROLES)).filter(
      (d) => d.range.start.line > 0 && /roles table|Deputy/.test(d.message) && d.ruleId.startsWith('schema/'),
    );
    expect(ds.map((d) => d.message)).toEqual([]);
  });
  it('any other row still needs its deputy', () => {
    const ds = diags(
      withRoles(PRACTICE_ROLES.replace('| Dr Tom Ashworth | Dr Helen Carr |', '| Dr Tom Ashworth | |')),
    ).filter((d) => /Deputy/.test(d.message) && d.ruleId.startsWith('schema/'));
    expect(ds).toHaveLength(1);
    expect(ds[0].range.start.line).toBeGreaterThan(1);
  });
});

describe('step roles', () => {
  const steps = [
    '1. **Reception Supervisor:** Ring the provider.',
    '2. **reception supervisor:** Switch on the divert.',
    '3. Reception (08:00 to 18:30): Answer the emergency mobile.',
    '4. **Practice manager:** Tell the ICB.',
    '5. **Partner:** Ring the vulnerable patients.',
    '6. **All staff:** Use the paper forms.',
    '7. **Recepton Supervisr:** Put up the door notice.',
  ].join('\n');
  it('resolve against the roles table whatever the spelling; an unknown one gets the nearest', () => {
    const ds = diags(withRoles(PRACTICE_ROLES, steps)).filter(
      (d) => d.ruleId === 'step-role' && d.message.includes("of 'Telephony failure'"),
    );
    expect(ds.map((d) => d.message)).toEqual([
      expect.stringMatching(
        /^'Recepton Supervisr' \(step 7 of 'Telephony failure'\) is not a role in the roles table\. Did you mean 'Reception Supervisor'\?/,
      ),
    ]);
    // The incident roles the rest of the plan uses are held by the practice's own roles.
    const all = diags(withRoles(PRACTICE_ROLES, steps))
      .filter((d) => d.ruleId === 'step-role')
      .map((d) => /^'(.*?)'/.exec(d.message)![1]);
    for (const held of ['Incident lead', 'Duty GP', 'Log keeper', 'Reception', 'Reception and telephony lead'])
      expect(all).not.toContain(held);
  });
  it('one action card per role, titled as the roles table writes it, roles with times as written', () => {
    const { doc } = checkPlan(withRoles(PRACTICE_ROLES, steps), { today: TODAY });
    const { facts, html } = buildPrintDocument(doc!, { revision: 'abc1234', printedDate: TODAY });
    const cards = [...facts.roleSteps.keys()];
    expect(cards.filter((c) => /reception supervisor/i.test(c))).toEqual(['Reception Supervisor']);
    expect(
      facts.roleSteps.get('Reception Supervisor')!.filter((s) => s.sectionTitle === 'Telephony failure'),
    ).toHaveLength(2);
    expect(cards).toContain('Reception (08:00 to 18:30)');
    expect(cards).toContain('Partners');
    expect(html).toContain('<h2>Reception (08:00 to 18:30)</h2>');
    expect(html).toContain('<h2>Reception Supervisor</h2>');
    expect(html).not.toMatch(/<h2>reception supervisor<\/h2>/);
    expect(facts.staff.map((s) => s.role)).toContain('Deputy Reception Supervisor');
  });
});
