// The outdated-names rule: what it finds, what it says, which replacements --fix makes on its own.
import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../core/check-plan.js';
import { fixPlanText } from '../../core/fix-plan.js';
import { RETIRED_NAMES } from '../../core/rules/retired-nhs-names.js';
import { TODAY, cleanPlan, readPlan, replaceOnce } from '../helpers/plans.js';

const found = (text: string) =>
  checkPlan(text, { today: TODAY }).diagnostics.filter((d) => d.ruleId === 'outdated-nhs-names');

describe('outdated-nhs-names', () => {
  it('the shipped plans and the template use no retired names', async () => {
    for (const f of [
      'template.md',
      'example-riverside-medical-centre.md',
      'example-moorland-surgery.md',
      'example-castle-street-practice.md',
    ]) {
      expect(found(readPlan(f)), f).toEqual([]);
      await new Promise((resolve) => setImmediate(resolve)); // vitest's worker keeps answering under load
    }
  });

  it('finds each retired name the audit lists, and says what replaced it', () => {
    const text =
      '# Plan\n\nTell the CCG, the Clinical Commissioning Group and the PCT. NHS Digital and NHSX ran the N3 network; CareCERT alerts. Send 2WW and two-week wait referrals. Report on NRLS; use SCRa; submit the IG Toolkit; tell NHS England and NHS Improvement.\n';
    const messages = found(text).map((d) => d.message);
    expect(messages.map((m) => m.slice(0, m.indexOf("' is"))).map((m) => m.slice(1))).toEqual(
      [
        'CCG',
        'Clinical Commissioning Group',
        'PCT',
        'NHS Digital',
        'NHSX',
        'N3',
        'CareCERT',
        '2WW',
        'two-week wait',
        'NRLS',
        'SCRa',
        'IG Toolkit',
        'NHS England and NHS Improvement',
      ].sort((a, b) => text.indexOf(a) - text.indexOf(b)),
    );
    expect(messages[0]).toBe(
      "'CCG' is an outdated name: clinical commissioning groups were abolished on 1 July 2022 and replaced by integrated care boards (ICBs); write the name of your ICB, for example \"NHS Kent and Medway ICB\". Write 'ICB' instead. Staff following the plan in an outage should not have to work out who that is now.",
    );
    expect(messages.find((m) => m.startsWith("'CareCERT'"))).toContain(
      'Cyber Security Operations Centre (CSOC, 0300 303 5222)',
    );
  });

  it('--fix makes the plain swaps and leaves the ones that need a person (your ICB, a USC referral) to the editor', () => {
    const text = replaceOnce(
      cleanPlan(),
      'Tell the ICB primary care team, and the Directory',
      'Tell the CCG and NHS Digital, and the Directory',
    );
    const result = fixPlanText(text, { today: TODAY });
    expect(result.text).toContain('Tell the CCG and NHS England, and the Directory');
    expect(found(result.text).map((d) => d.fix)).toEqual([
      { title: "Replace 'CCG' with 'ICB'", safe: false, edits: [expect.objectContaining({ text: 'ICB' })] },
    ]);
  });

  it('does not mistake a London N3 postcode, an ICB or words containing the letters for a retired name', () => {
    expect(
      found('# Plan\n\nBranch at 4 Ballards Lane, London N3 1XW. NHS Kent and Medway ICB. CCGX, PCTV, an N3-2 form.\n'),
    ).toEqual([]);
  });

  it('--fix never makes a change that can be wrong: IGT, a link, history, a former name, the front matter', () => {
    const plan = cleanPlan();
    const withOld = replaceOnce(
      replaceOnce(
        plan,
        'Tell the ICB primary care team, and the Directory',
        'Tell patients with IGT (impaired glucose tolerance), see [the page](https://example.nhs.uk/NHS-Digital/NRLS/), NHS England (formerly NHS Improvement), and the Directory',
      ),
      '| First plan after the move to cloud telephony. |',
      '| First plan after the move to cloud telephony; incidents reported to NRLS; agreed with NHS Digital. |',
    );
    const fm = withOld.indexOf('\n---', 4);
    const withFm = `${withOld.slice(0, fm)}\nold_network: N3 line via NHS Digital${withOld.slice(fm)}`;
    const result = fixPlanText(withFm, { today: TODAY });
    // nothing in the body is changed, and nothing is reported there
    expect(result.text.slice(result.text.indexOf('\n---', 4))).toBe(withFm.slice(withFm.indexOf('\n---', 4)));
    const reported = found(withFm);
    // only the front matter's names are reported, with no fix (the tools read that value)
    expect(reported.map((d) => d.message.slice(0, d.message.indexOf("' "))).sort()).toEqual(["'N3", "'NHS Digital"]);
    expect(reported.every((d) => d.fix === undefined)).toBe(true);
    expect(result.text).toContain('old_network: N3 line via NHS Digital');
  });

  it('IGT that is not about glucose is reported with both meanings and only a suggestion', () => {
    const [d] = found('# Plan\n\nSubmit the IGT by June.\n');
    expect(d.message).toMatch(/^'IGT' has two meanings: impaired glucose tolerance, or an outdated name/);
    expect(d.fix).toMatchObject({
      safe: false,
      title: "Replace 'IGT' with 'Data Security and Protection Toolkit' (only if it means the old name)",
    });
    expect(fixPlanText('# Plan\n\nSubmit the IGT by June.\n', { today: TODAY }).text).toContain('the IGT by June');
  });

  it('a two-week wait is reported only near a referral or cancer; the misses are found', () => {
    expect(found('# Plan\n\nA two-week wait for physio; the N3 bus stop.\n')).toEqual([]);
    expect(found('# Plan\n\nTwo-week wait clinic for suspected cancer.\n')).toHaveLength(1);
    const names = found(
      '# Plan\n\nThe N3 went down. Action Fraud, PSNC, CPCS, NHS Direct, Choose and Book, Public Health England and NHS Protect.\n',
    ).map((d) => d.message.slice(1, d.message.indexOf("' ")));
    expect(names).toEqual(
      expect.arrayContaining([
        'N3',
        'Action Fraud',
        'PSNC',
        'CPCS',
        'NHS Direct',
        'Choose and Book',
        'Public Health England',
        'NHS Protect',
      ]),
    );
    expect(names).toHaveLength(8);
  });

  it('every pattern is global and bounded (no nested quantifiers)', () => {
    for (const n of RETIRED_NAMES) {
      expect(n.pattern.flags).toContain('g');
      expect(n.pattern.source).not.toMatch(/\([^)]*[+*]\)[+*]/);
    }
  });
});
