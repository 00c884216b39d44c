// The service desk number typed twice (in the steps and in the contacts table): when the two differ,
// the step says so, and its fix writes the table's number.
import { describe, expect, it } from 'vitest';
import { applyEdits, checkPlan } from '../../core/index.js';
import { cleanPlan, replaceOnce, TODAY } from '../helpers/plans.js';

const found = (text: string) =>
  checkPlan(text, { today: TODAY }).diagnostics.filter((d) => d.ruleId === 'step-contact-number');

describe('step-contact-number', () => {
  it('the shipped example is consistent; a step with another number for the desk is flagged and fixed', () => {
    expect(found(cleanPlan())).toEqual([]);
    const wrong = replaceOnce(
      cleanPlan(),
      'Medway GP IT service desk on 01632 960500',
      'Medway GP IT service desk on 01632 960599',
    );
    const [d] = found(wrong);
    expect(d.message).toBe(
      "Step 2 of 'If the IT fails: do this first' gives 01632 960599 for the GP IT service desk, but the contacts table gives 01632 960500 or 01632 960501. Staff ring the number in front of them: make the two the same, correcting whichever is wrong.",
    );
    expect(wrong.slice(d.range.start.offset, d.range.end.offset)).toBe('01632 960599');
    expect(d.fix!.safe).toBe(false);
    expect(found(applyEdits(wrong, d.fix!.edits))).toEqual([]);
  });

  it('a number written another way is the same number; a number for something else is left alone', () => {
    const other = replaceOnce(
      cleanPlan(),
      'Medway GP IT service desk on 01632 960500',
      'Medway GP IT service desk on +44 (0)1632 960500',
    );
    expect(found(other)).toEqual([]);
    const mobile = replaceOnce(
      cleanPlan(),
      'Medway GP IT service desk on 01632 960500',
      'Medway GP IT service desk on 01632 960500, or the emergency mobile 07700 900999',
    );
    expect(found(mobile)).toEqual([]);
  });

  it('each wrong number is marked where it is, however many the step has', () => {
    const text =
      '# Plan\n\n## Quick start\n\n1. **Incident lead:** Ring the service desk on 01632 960598. If it is busy, ring the service desk on 01632 960500, then the service desk on 01632 960599.\n\n## Contacts\n\n| Contact | Phone |\n| --- | --- |\n| GP IT service desk | 01632 960500 |\n';
    const marked = found(text).map((d) => text.slice(d.range.start.offset, d.range.end.offset));
    expect(marked).toEqual(['01632 960598', '01632 960599']);
    const offsets = found(text).map((d) => d.range.start.offset);
    expect(offsets[0]).toBe(text.indexOf('01632 960598'));
    expect(offsets[1]).toBe(text.indexOf('01632 960599'));
  });
});
