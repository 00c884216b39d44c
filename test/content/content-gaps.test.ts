// The gaps the content audit named (section 4), each a checked requirement: the shipped example
// passes, and the same plan with the item taken out fails with a message that says what to add.
import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../core/check-plan.js';
import { buildPrintDocument } from '../../core/render/print-document.js';
import { TODAY, cleanPlan, readPlan, replaceOnce } from '../helpers/plans.js';

function errors(text: string): string[] {
  return checkPlan(text, { today: TODAY })
    .diagnostics.filter((d) => d.severity === 'error')
    .map((d) => `${d.ruleId}: ${d.message}`);
}

/** Remove one whole line matching `pattern` (exactly one must match). */
const dropLine = (text: string, pattern: RegExp) => replaceOnce(text, new RegExp(`^.*${pattern.source}.*\\n`, 'm'), '');

describe('content gaps (audit section 4) are required', () => {
  it('the example passes and the template has no errors', () => {
    expect(errors(cleanPlan())).toEqual([]);
    expect(errors(readPlan('template.md'))).toEqual([]);
  });

  const cases: [string, (t: string) => string, RegExp][] = [
    [
      'cyber incident contact rows (CSOC and the ICB cyber lead)',
      (t) => dropLine(dropLine(t, /\| Cyber incident: NHS England CSOC/), /\| ICB cyber security and IG lead/),
      /^schema\/required-row: The contacts table in 'Contacts and escalation' has no row for the cyber incident route\. .*0300 303 5222/,
    ],
    [
      'suspected attack part',
      (t) => replaceOnce(t, /### If you suspect a cyber attack[\s\S]*?(?=### Personal data breach)/, ''),
      /^schema\/required-subsection: The 'Cyber security and staff awareness' section has no 'If you suspect a cyber attack' part\./,
    ],
    [
      'disconnect step',
      (t) => dropLine(t, /\*\*Anyone:\*\* Disconnect the PC/),
      /has no step for the disconnect step\./,
    ],
    [
      'CSOC report step',
      (t) => dropLine(t, /then report to NHS England's Cyber Security Operations Centre/),
      /has no step for the report to CSOC\./,
    ],
    [
      'data breach part',
      (t) => replaceOnce(t, /### Personal data breach[\s\S]*?(?=\n## )/, ''),
      /has no 'Personal data breach' part\. .*72 hours/,
    ],
    [
      '72-hour breach report',
      (t) => dropLine(t, /report the breach without undue delay and within 72 hours/),
      /has no step for the 72-hour report\. .*ICO/,
    ],
    [
      '72-hour report (a step that only decides within 72 hours is not the report)',
      (t) =>
        replaceOnce(
          t,
          /report the breach without undue delay and within 72 hours of becoming aware of it[^\n]*/,
          'decide within 72 hours of becoming aware whether it must be reported; if so, report it.',
        ),
      /has no step for the 72-hour report\. .*not for deciding whether to report/,
    ],
    [
      'electronic backlog review',
      (t) => dropLine(t, /Work through the electronic backlog/),
      /^schema\/required-content: The 'Recovery and back-entry of records' section has no step for the electronic backlog review\. .*abnormal results first/,
    ],
    [
      'LFPSE recording',
      (t) =>
        replaceOnce(t, 'record any harm or near miss on the Learn from Patient Safety Events (LFPSE) service and ', ''),
      /'Recovery and back-entry of records' section has no step for the LFPSE recording\./,
    ],
    ['power failure scenario', (t) => dropLine(t, /\| Power cut \(mains/), /has no row for the power failure\./],
    [
      'building row (whether loss of the building is in scope)',
      (t) => dropLine(t, /\| Loss of the building \|/),
      /^schema\/required-row: .* has no row for the loss of the building\. .*In scope 'Yes' or 'No'/,
    ],
    [
      'title of the plan that covers the building (a note with the word plan but no title)',
      (t) =>
        replaceOnce(t, /(\| Loss of the building \| No \| )[^\n]*/, '$1See the practice plan in the red folder. |'),
      /^schema\/invalid-value: .* is not a valid name of the plan that covers loss of the building\. Name the plan .* by its title/,
    ],
    [
      'place where the copy of the plan that covers the building is kept',
      (t) =>
        replaceOnce(
          t,
          /(\| Loss of the building \| No \| )[^\n]*/,
          '$1Covered by the premises business continuity plan. |',
        ),
      /^schema\/invalid-value: .* is not a valid place where that plan's copy is kept\. Say where the plan's hard copy is kept/,
    ],
    [
      'Directory of Services (DoS) team contact',
      (t) => dropLine(t, /^\| Directory of Services \(DoS\) team \|/),
      /^schema\/required-row: The contacts table in 'Contacts and escalation' has no row for the Directory of Services \(DoS\) team\. .*111 direct booking/,
    ],
    [
      '111 direct booking stopped through the DoS team',
      (t) => dropLine(t, /Ask the Directory of Services \(DoS\) team, through the ICB, to stop NHS 111/),
      /has no step for the 111 direct booking stopped\./,
    ],
    [
      'urgent referrals never deferred',
      (t) => dropLine(t, /Never defer an urgent or urgent suspected cancer referral/),
      /has no step for the urgent referrals the same day\./,
    ],
    [
      'paper kept secure',
      (t) => dropLine(t, /Keep completed records in the locked/),
      /has no step for the paper kept secure\./,
    ],
    [
      'pathology request forms in the grab pack',
      (t) => dropLine(t, /\| Pathology request forms/),
      /has no row for the pathology request forms\./,
    ],
    [
      'IG lead role',
      (t) => dropLine(t, /\| IG lead \(with the Data Protection Officer\)/),
      /has no row for the IG lead\./,
    ],
    [
      'prescriber code or stamp on handwritten FP10s',
      (t) => dropLine(t, /Put the prescriber code or the practice stamp/),
      /'Prescribing fallback: Acute prescribing' section has no step for the prescriber code or stamp\./,
    ],
    [
      'vulnerable-patients section (the offline list with the alerts)',
      (t) => replaceOnce(t, /## Vulnerable and high-risk patients\n[\s\S]*?(?=\n## )/, ''),
      /^schema\/required-section: .*'Vulnerable and high-risk patients'.*child-protection/,
    ],
    [
      'sealed printed list',
      (t) => replaceOnce(t, 'Take the sealed list of', 'Ring the'),
      /'Vulnerable and high-risk patients' section has no step for the sealed printed list\./,
    ],
    [
      'list kept up to date',
      (t) => replaceOnce(t, ' (updated on the first Monday of each month; the old copy is shredded)', ''),
      /'Vulnerable and high-risk patients' section has no step for the list kept up to date\./,
    ],
    [
      'safeguarding alerts',
      (t) => replaceOnce(t, 'a child-protection or safeguarding, ', 'a '),
      /'Vulnerable and high-risk patients' section has no step for the safeguarding alerts on the list\. .*child-protection/,
    ],
    [
      'DNACPR or ReSPECT decisions',
      (t) => replaceOnce(t, 'DNACPR or ReSPECT, ', ''),
      /has no step for the DNACPR or ReSPECT decisions on the list\./,
    ],
    [
      'violence markers',
      (t) => replaceOnce(t, 'violence-marker or ', ''),
      /has no step for the violence markers on the list\./,
    ],
    [
      'reasonable adjustments',
      (t) => replaceOnce(t, ' or communication-need (reasonable-adjustment) alert', ' alert'),
      /has no step for the reasonable adjustments on the list\. .*interpreter/,
    ],
    [
      'debrief',
      (t) => replaceOnce(t, 'Hold a debrief with staff within two weeks; record', 'Within two weeks, record'),
      /section has no step for the debrief\./,
    ],
  ];
  for (const [name, mutate, expected] of cases) {
    it(`fails without the ${name}`, () => {
      const found = errors(mutate(cleanPlan()));
      expect(found.length, found.join('\n')).toBe(1);
      expect(found[0]).toMatch(expected);
    });
  }

  it('a building row that says nothing of the plan fails on both counts: no title, no place', () => {
    const found = errors(
      replaceOnce(cleanPlan(), /(\| Loss of the building \| No \| )[^\n]*/, '$1Not covered here. |'),
    );
    expect(found.map((e) => e.slice(0, e.indexOf('. '))).map((e) => e.replace(/^.* is not a valid /, ''))).toEqual([
      'name of the plan that covers loss of the building',
      "place where that plan's copy is kept",
    ]);
  });

  it('a building row in scope needs no other plan', () => {
    expect(
      errors(
        replaceOnce(
          cleanPlan(),
          /\| Loss of the building \| No \| [^\n]*/,
          '| Loss of the building | Yes | Move to the branch. |',
        ),
      ),
    ).toEqual([]);
  });

  it('a building row that names the practice-wide plan passes', () => {
    expect(
      errors(
        replaceOnce(
          cleanPlan(),
          /(\| Loss of the building \| No \| )[^\n]*/,
          '$1See the practice emergency plan in the red folder. |',
        ),
      ),
    ).toEqual([]);
  });

  it('the cyber incident route is on the emergency page', () => {
    const { doc } = checkPlan(cleanPlan(), { today: TODAY });
    const { html } = buildPrintDocument(doc!, { revision: 'r', printedDate: TODAY });
    const page = html.slice(html.indexOf('class="emergency"'), html.indexOf('class="cover"'));
    expect(page).toContain('<tr><th>Cyber incident: NHS England CSOC (24/7)</th><td class="phone">0300 303 5222</td>');
  });

  it('the Directory of Services team is on the emergency page', () => {
    const { doc } = checkPlan(cleanPlan(), { today: TODAY });
    const { html } = buildPrintDocument(doc!, { revision: 'r', printedDate: TODAY });
    const page = html.slice(html.indexOf('class="emergency"'), html.indexOf('class="cover"'));
    expect(page).toContain('<tr><th>Directory of Services (DoS) team</th><td class="phone">020 7946 0460</td>');
  });

  it('the paper consultation record has an alerts box (safeguarding, DNACPR / ReSPECT)', () => {
    const { doc } = checkPlan(cleanPlan(), { today: TODAY });
    const { html } = buildPrintDocument(doc!, { revision: 'r', printedDate: TODAY, formsOnly: true });
    expect(html).toContain('<b>Alerts (safeguarding, DNACPR / ReSPECT, violence marker, communication needs)');
  });

  it('the template carries the medicines routes: eRD and EPS items on the Spine, NHS 111 to a pharmacy', () => {
    const t = readPlan('template.md');
    expect(t).toMatch(/electronic repeat dispensing \(eRD\)[^\n]*NHS Spine/);
    expect(t).toMatch(/NHS 111, which can refer them to a community pharmacy/);
    expect(t).toMatch(/online booking \(NHS App\) and automated SMS reminders/);
  });
});
