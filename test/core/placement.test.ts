// One explicit test per placement of a schema keyword: each problem lands on the exact words at
// fault, or on the parent heading / key for something missing.
import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../core/check-plan.js';
import { brief } from '../helpers/format.js';
import { TODAY } from '../helpers/plans.js';

function find(text: string, ruleId: string, messagePart: string): string[] {
  return checkPlan(text, { today: TODAY })
    .diagnostics.filter((d) => d.ruleId === ruleId && d.message.includes(messagePart))
    .map(brief);
}

const FM = `---
title: IT outage plan
practice:
  name: Riverside
  ods_code: K81003
---
`;

describe('required', () => {
  it('a missing section lands on the H1 title', () => {
    expect(find(`${FM}# Riverside plan\n\nIntro.\n`, 'schema/required-section', "'Prescribing fallback'")).toEqual([
      '7:1-7:17 error schema/required-section',
    ]);
  });
  it('a missing section lands on line 1 when there is no H1', () => {
    expect(find(`Intro only.\n`, 'schema/required-section', "'Contacts and escalation'")).toEqual([
      '1:1-1:12 error schema/required-section',
    ]);
  });
  it('a missing top-level front-matter field lands on the opening ---', () => {
    expect(find(`${FM}# P\n`, 'schema/required-field', "no 'version'")).toEqual([
      '1:1-1:4 error schema/required-field',
    ]);
  });
  it('a missing nested field lands on its parent key', () => {
    expect(find(`${FM}# P\n`, 'schema/required-field', "'practice' has no 'postcode'")).toEqual([
      '3:1-3:9 error schema/required-field',
    ]);
  });
  it('a missing subsection lands on its section heading', () => {
    const text = `${FM}# P\n\n## Prescribing fallback\n\n### Acute prescribing\n\n1. **GP:** Write FP10s.\n`;
    expect(find(text, 'schema/required-subsection', "'Controlled drugs'")).toEqual([
      '9:1-9:24 error schema/required-subsection',
    ]);
  });
  it('a missing table lands on its section heading', () => {
    expect(find(`${FM}# P\n\n## Contacts\n\nRing the desk.\n`, 'schema/required-content', 'contacts table')).toEqual([
      '9:1-9:12 error schema/required-content',
    ]);
  });
  it('a missing column lands on the table header row', () => {
    const text = `${FM}# P\n\n## Contacts\n\n| Contact | Phone |\n| --- | --- |\n| GP IT service desk | 020 7946 0123 |\n`;
    expect(find(text, 'schema/required-column', "'Last verified'")).toEqual([
      '11:1-11:20 error schema/required-column',
    ]);
  });
  it('a missing step role lands on the first line of the step', () => {
    const text = `${FM}# P\n\n## Do this first\n\n1. **Reception:** Get the grab pack.\n2. Ring the service desk\n   and log the call.\n3. **GP:** Triage.\n`;
    expect(find(text, 'schema/required-content', 'Step 2')).toEqual(['12:1-12:25 error schema/required-content']);
  });
});

describe('contains', () => {
  it('a missing mandatory table row lands on the table header row', () => {
    const text = `${FM}# P\n\n## Contacts\n\n| Contact | Phone | Last verified |\n| --- | --- | --- |\n| GP IT service desk | 020 7946 0123 | 2026-11-01 |\n`;
    expect(find(text, 'schema/required-row', 'telephony provider')).toEqual(['11:1-11:36 error schema/required-row']);
  });
  it('a front-matter list without a matching entry lands on its key', () => {
    const text = `---\nhard_copy_locations:\n  - location: Reception safe\n    holder: Practice manager\n  - location: Office\n    holder: GP partner\n---\n# P\n`;
    expect(find(text, 'schema/required-row', 'hard_copy_locations')).toEqual(['2:1-2:20 error schema/required-row']);
  });
});

describe('counts', () => {
  it('too few steps lands on the section heading', () => {
    const text = `${FM}# P\n\n## Do this first\n\n1. **Reception:** One.\n`;
    expect(find(text, 'schema/too-few', 'numbered steps')).toEqual(['9:1-9:17 error schema/too-few']);
  });
  it('too many steps lands on the section heading', () => {
    const steps = Array.from({ length: 11 }, (_, i) => `${i + 1}. **Reception:** Step ${i + 1}.`).join('\n');
    expect(find(`${FM}# P\n\n## Do this first\n\n${steps}\n`, 'schema/too-many', 'at most 10')).toEqual([
      '9:1-9:17 error schema/too-many',
    ]);
  });
  it('a front-matter list with too few entries lands on its key', () => {
    const text = `---\ntelephony:\n  provider: X\n  type: cloud-voip\n  divert_numbers: []\n---\n# P\n`;
    expect(find(text, 'schema/too-few', 'divert_numbers')).toEqual(['5:3-5:17 error schema/too-few']);
  });
});

describe('values', () => {
  it('a pattern failure lands on the front-matter value', () => {
    expect(find(FM.replace('K81003', 'k81003') + '# P\n', 'schema/invalid-value', 'ODS code')).toEqual([
      '5:13-5:19 error schema/invalid-value',
    ]);
  });
  it('a bad date in a table cell lands on the cell text', () => {
    const text = `${FM}# P\n\n## Contacts\n\n| Contact | Phone | Last verified |\n| --- | --- | --- |\n| GP IT service desk | 020 7946 0123 | 1st of May |\n`;
    expect(find(text, 'schema/invalid-value', 'YYYY-MM-DD')).toEqual(['13:40-13:50 error schema/invalid-value']);
  });
  it('an enum failure lands on the value, with a safe fix for wrong capitals', () => {
    const text = `---\nclassification: official\n---\n# P\n`;
    const d = checkPlan(text, { today: TODAY }).diagnostics.find((x) => x.message.includes("'official'"))!;
    expect(brief(d)).toBe('2:17-2:25 error schema/invalid-value');
    expect(d.fix).toMatchObject({ safe: true, edits: [{ start: 20, end: 28, text: 'OFFICIAL' }] });
  });
  it('a type failure lands on the value', () => {
    expect(find(`---\npractice: Riverside\n---\n# P\n`, 'schema/invalid-value', 'should be a group of fields')).toEqual(
      ['2:11-2:20 error schema/invalid-value'],
    );
  });
  it('an empty required text lands on the value', () => {
    expect(find(`---\ntitle: ''\n---\n# P\n`, 'schema/invalid-value', 'is empty')).toEqual([
      '2:8-2:10 error schema/invalid-value',
    ]);
  });
  it('a UK date gets a safe fix to ISO', () => {
    const d = checkPlan(`---\nlast_tested: 03/02/2026\n---\n# P\n`, { today: TODAY }).diagnostics.find(
      (x) => x.ruleId === 'schema/invalid-value',
    )!;
    expect(brief(d)).toBe('2:14-2:24 error schema/invalid-value');
    expect(d.fix?.edits).toEqual([{ start: 17, end: 27, text: '2026-02-03' }]);
  });
});

describe('never raw ajv text', () => {
  it('no message uses ajv wording', () => {
    const text = `---\ntitle: 5\npractice: []\nclassification: x\n---\n# P\n\n## Contacts\n\n| Contact | Phone |\n| --- | --- |\n| x | y |\n`;
    for (const d of checkPlan(text, { today: TODAY }).diagnostics) {
      expect(d.message).not.toMatch(
        /must (NOT have|have required property|match pattern|match format|be equal to one of|be (string|object|array|number|boolean|integer))|must contain at least|instancePath|schemaPath|#\//,
      );
    }
  });
});
