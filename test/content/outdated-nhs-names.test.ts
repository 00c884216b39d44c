// The outdated-names rule: what it finds, what it says, which replacements --fix makes on its own.
import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../core/check-plan.js';
import { fixPlanText } from '../../core/fix-plan.js';
import { RETIRED_NAMES } from '../../core/rules/outdated-nhs-names.js';
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

  it('every pattern is global and bounded (no nested quantifiers)', () => {
    for (const n of RETIRED_NAMES) {
      expect(n.pattern.flags).toContain('g');
      expect(n.pattern.source).not.toMatch(/\([^)]*[+*]\)[+*]/);
    }
  });
});
