// The journey of issue 22, on a practice's own plan as `continuity import` hands it over (modelled on
// published practice plans: a subtitle, numbered sections, lettered parts with tables under them, a
// 'Staff' row with no deputy, 'Comments' and 'Number' columns, an appendix that only mentions IT):
// answer the two headings that look like sections, then `lint --fix --add-missing`, then fill in the
// placeholders. Every word kept, no false section, 0 errors, and page 1 printed right.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { addMissing, applyEdits, checkPlan, fixPlanText } from '../../core/index.js';
import { buildPrintDocument } from '../../core/render/print-document.js';
import { TODAY } from '../helpers/plans.js';

const options = { today: TODAY };
const IMPORTED = readFileSync(
  join(import.meta.dirname, '..', 'fixtures', 'journey', 'imported-practice-plan.md'),
  'utf8',
);

function words(s: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const w of s.match(/[\p{L}\p{N}]+/gu) ?? []) m.set(w, (m.get(w) ?? 0) + 1);
  return m;
}

/** What a practice manager writes in place of each placeholder (by what it asks for). */
function fillIn(text: string): string {
  let n = 10;
  const value = (inner: string, line: string): string => {
    const p = inner.toLowerCase();
    if (p.startsWith('yyyy-mm-dd')) return /next_review|within 12 months/.test(line + p) ? '2027-10-01' : '2026-10-01';
    if (p.includes('ods code')) return p.includes('icb') ? 'QKS' : p.includes('pharmacy') ? 'FAB12' : 'G82001';
    if (p.includes('postcode')) return 'ME14 5XX';
    if (/phone|diverted/.test(p) || (p.includes('number') && !/account|customer/.test(p))) return `01632 9607${n++}`;
    if (p.includes('emis web')) return 'EMIS Web';
    if (p.includes('cloud-voip')) return 'cloud-voip';
    if (p.includes('/')) return inner.split('/')[0].trim();
    if (p === 'version') return '2.1';
    if (['hours', 'minutes', 'days'].includes(p)) return `4 ${p}`;
    if (p === 'copies') return '5';
    return `Elms ${inner
      .replace(/[^A-Za-z ]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()}`;
  };
  return text
    .split('\n')
    .map((line) => line.replace(/\{\{([^{}\n]*)\}\}/g, (_, inner: string) => value(inner, line)))
    .join('\n');
}

describe("a practice's own plan to a printed plan, from the command line", () => {
  it('reaches 0 errors with every word kept, no false section, and page 1 right', () => {
    // 1. The two headings that only look like sections are answered, each with the warning's own fix.
    const likely = checkPlan(IMPORTED, options).diagnostics.filter((d) => d.ruleId === 'likely-section');
    expect(likely.map((d) => d.message.slice(0, 60))).toEqual([
      "This looks like the 'IT failure protocol: activation and sta",
      "This looks like the 'Paper templates and stationery pack' se",
    ]);
    const answered = applyEdits(IMPORTED, [...likely[0].fix!.edits, ...likely[1].alternatives![0].edits]);
    expect(answered).toContain('## 4 Loss of Computer System {#activation}');
    expect(answered).toContain('## Appendix 3 - IT Problem Reporting Form {#not-paper-templates}');

    // 2. lint --fix --add-missing: drafts for everything missing, tables and rows included.
    const completed = addMissing(answered, options);
    const fixed = fixPlanText(completed.text, options).text;
    const after = words(fixed);
    for (const [w, count] of words(answered)) expect(after.get(w) ?? 0, w).toBeGreaterThanOrEqual(count);
    const drafted = checkPlan(fixed, options).diagnostics;
    expect(drafted.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([]);
    expect(drafted.filter((d) => d.ruleId === 'likely-section')).toEqual([]);
    expect(addMissing(fixed, options).text).toBe(fixed);
    // No false section: the appendix stays the practice's own; the paper templates section is drafted.
    const doc = checkPlan(fixed, options).doc!;
    expect(doc.headings.find((h) => h.text.startsWith('Appendix 3'))).toMatchObject({ known: false });
    expect(doc.model.sections['paper-templates']).toBeDefined();
    expect(doc.model.sections['document-control'].tables.revisions.columns.change).toBe('Comments');
    // Page 1's steps are drafted with the service desk's number from the contacts table.
    expect(fixed).toContain('Ring the GP IT service desk on 01632 960700 and note the call reference.');

    // 3. The placeholders filled in: 0 errors, and page 1 printed right.
    const done = fillIn(fixed);
    const final = checkPlan(done, options);
    expect(final.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([]);
    expect(final.diagnostics.filter((d) => d.ruleId === 'placeholder' || d.ruleId === 'step-contact-number')).toEqual(
      [],
    );
    const printed = buildPrintDocument(final.doc!, { revision: 'r', printedDate: TODAY });
    const page1 = printed.html.slice(printed.html.indexOf('class="emergency"'), printed.html.indexOf('class="cover"'));
    expect(page1).toContain('The Elms Practice &middot; IT outage');
    expect(page1).toContain('<tr><th>GP IT service desk</th><td class="phone">01632 960700</td>');
    expect(page1).not.toContain('{{');
    expect(printed.footerText).toContain('check the review date 1 October 2027');
  });
});
