// One way to say a heading is not the section it looks like: `{#not-id}` at the end of the heading.
// The warning goes, the section's draft can be inserted, and every tool words the choice the same.
import { describe, expect, it } from 'vitest';
import { addMissing, applyEdits, checkPlan, declineTag, isItThatSection } from '../../core/index.js';
import { buildPrintDocument } from '../../core/render/print-document.js';
import { TODAY } from '../helpers/plans.js';

const options = { today: TODAY };
const PLAN =
  '# Riverside Surgery\n\n## 1.3 Cascade Procedure.\n\nRing the partners, then the nurses.\n\n## Appendix 2 - Disaster Recovery Contact Details & Report Form\n\nThe form is in the red folder.\n';

const likely = (text: string) => checkPlan(text, options).diagnostics.filter((d) => d.ruleId === 'likely-section');

describe('{#not-id}: this heading is not that section', () => {
  it('the likely-section warning offers both answers, and the second one ends the warning', () => {
    const [cascade] = likely(PLAN);
    expect(cascade.message).toContain(isItThatSection('activation'));
    expect(cascade.fix!.title).toBe("Use this heading as the 'IT failure protocol: activation and stand-down' section");
    expect(cascade.alternatives).toHaveLength(1);
    const declined = applyEdits(PLAN, cascade.alternatives![0].edits);
    expect(declined).toContain('## 1.3 Cascade Procedure. {#not-activation}\n');
    expect(likely(declined).map((d) => d.message)).not.toContainEqual(expect.stringContaining("'IT failure protocol"));
    // The heading is still the practice's own section, its words checked and printed as written.
    const doc = checkPlan(declined, options).doc!;
    const own = doc.headings.find((h) => h.text === '1.3 Cascade Procedure.')!;
    expect(own).toMatchObject({ known: false, declined: 'activation' });
    expect(own.likely).toBeUndefined();
    const { html } = buildPrintDocument(doc, { revision: 'r', printedDate: TODAY });
    expect(html).toContain('1.3 Cascade Procedure.</h2>');
    expect(html).not.toContain('not-activation');
  });

  it('add-missing says the same words, and inserts the draft once the heading is marked', () => {
    const before = addMissing(PLAN, options);
    expect(before.inserted.some((i) => i.id === 'activation')).toBe(false);
    const note = before.notes.find((n) => n.startsWith("'IT failure protocol"))!;
    expect(note).toContain(isItThatSection('activation'));
    const marked = PLAN.replace('Cascade Procedure.', `Cascade Procedure. ${declineTag('activation')}`);
    const after = addMissing(marked, options);
    expect(after.inserted.filter((i) => i.id === 'activation')).toHaveLength(1);
    expect(after.notes.some((n) => n.includes("'IT failure protocol"))).toBe(false);
    // The practice's heading and words are kept; the draft is a section of its own.
    expect(after.text).toContain('## 1.3 Cascade Procedure. {#not-activation}\n\nRing the partners, then the nurses.');
    expect(after.text).toContain('## IT failure protocol: activation and stand-down');
    expect(addMissing(after.text, options).text).toBe(after.text);
  });

  it('the missing-section message names the heading with the same words', () => {
    const missing = checkPlan(PLAN, options).diagnostics.find(
      (d) => d.ruleId === 'schema/required-section' && d.message.includes("'IT failure protocol"),
    )!;
    expect(missing.message).toContain(
      `The heading '1.3 Cascade Procedure.' on line 3 looks like it: ${isItThatSection('activation')}.`,
    );
  });

  it('two headings marked not the same section are two sections of the practice, not duplicates', () => {
    const text = '# Plan\n\n## Cascade list {#not-activation}\n\nA.\n\n## Cascade procedure {#not-activation}\n\nB.\n';
    const r = checkPlan(text, options);
    expect(r.diagnostics.filter((d) => d.ruleId === 'duplicate-section' || d.ruleId === 'likely-section')).toEqual([]);
  });

  it('a heading clearly another section is still that section; a declined exact name is not taken', () => {
    const doc = checkPlan(
      '# Plan\n\n## Key Contact Details {#not-activation}\n\nA.\n\n## Scope {#not-scope-and-scenarios}\n\nB.\n',
      options,
    ).doc!;
    expect(doc.headings.find((h) => h.text === 'Key Contact Details')).toMatchObject({ id: 'contacts', known: true });
    expect(doc.headings.find((h) => h.text === 'Scope')).toMatchObject({
      known: false,
      declined: 'scope-and-scenarios',
    });
    expect(doc.model.sections['scope-and-scenarios']).toBeUndefined();
  });

  it('a part (###) marked not a part is not taken for it', () => {
    const text =
      '# Plan\n\n## Cyber security and staff awareness\n\n- Training.\n\n### Personal data breach {#not-data-breach}\n\nOur own notes.\n';
    const doc = checkPlan(text, options).doc!;
    expect(doc.headings.find((h) => h.depth === 3)).toMatchObject({ known: false, id: 'personal-data-breach' });
    const r = addMissing(text, { ...options, only: ['cyber'] });
    expect(r.inserted.map((i) => i.id)).toContain('cyber/data-breach');
  });
});
