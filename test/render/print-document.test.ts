// The print document as HTML: order of parts, action cards, forms, and what happens to hostile input.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkPlan } from '../../core/check-plan.js';
import { buildPrintDocument } from '../../core/render/print-document.js';
import { FORMS } from '../../core/render/forms.js';
import { cleanPlan, replaceOnce, TODAY } from '../helpers/plans.js';

function print(text: string, extra: Parameters<typeof buildPrintDocument>[1] | object = {}) {
  const { doc } = checkPlan(text, { today: TODAY });
  return buildPrintDocument(doc!, { revision: 'abc1234', printedDate: TODAY, ...extra });
}

describe('print document', () => {
  it('emergency page first, then cover, contents, sections, action cards and forms', () => {
    const { html, toc } = print(cleanPlan());
    const order = [
      'class="emergency"',
      'class="cover"',
      'class="toc"',
      'class="plan-section"',
      'id="action-cards"',
      'id="paper-forms"',
    ].map((m) => html.indexOf(m));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(toc.map((t) => t.title)).toContain('Telephony failure');
    expect(toc.slice(-2).map((t) => t.title)).toEqual(['Action cards', 'Paper forms']);
  });
  it('the emergency page has the quick-start steps and the key numbers', () => {
    const { html, facts } = print(cleanPlan());
    const page = html.slice(html.indexOf('class="emergency"'), html.indexOf('class="cover"'));
    expect(page).toContain('IT has failed: do this first');
    expect(facts.keyNumbers.map((k) => k.who).join(' ')).toMatch(/service desk/i);
    for (const k of facts.keyNumbers) expect(page).toContain(k.phone);
    expect(page).toContain(facts.divertNumbers[0]);
  });
  it("one action card per role, with that role's steps", () => {
    const { html, facts } = print(cleanPlan());
    const cards = html.match(/<article class="card">/g) ?? [];
    expect(cards.length).toBe(facts.roleSteps.size);
    expect(facts.roleSteps.size).toBeGreaterThanOrEqual(4);
  });
  it('every paper form, headed with the practice and version; --forms-only prints just them', () => {
    const { html, facts } = print(cleanPlan());
    for (const f of FORMS) expect(html).toContain(`<h2>${f.title}</h2>`);
    expect(html).toContain(`Plan version ${facts.version}`);
    const forms = print(cleanPlan(), { formsOnly: true }).html;
    expect(forms).not.toContain('class="emergency"');
    expect(forms).not.toContain('class="plan-section"');
    expect((forms.match(/<article class="form"/g) ?? []).length).toBeGreaterThanOrEqual(FORMS.length);
  });
  it('stamps a plan printed with errors as DRAFT with the count', () => {
    const d = print(cleanPlan(), { draftErrors: 3 });
    expect(d.html).toContain('DRAFT - FAILS CHECKS (3 errors)');
    expect(d.headerText).toContain('DRAFT - FAILS CHECKS (3 errors)');
  });
  it('footer carries version, revision, printed date, review date and classification', () => {
    const { footerText } = print(cleanPlan());
    expect(footerText).toMatch(
      /^Version \S+ · rev abc1234 · printed 22 November 2026 · Uncontrolled when printed: check the review date \d+ \w+ \d{4} · OFFICIAL/,
    );
  });
  it('sanitises hostile content: no script, no handlers, no remote or outside images, no local file links', () => {
    const dir = mkdtempSync(join(tmpdir(), 'continuity-hostile-'));
    mkdirSync(join(dir, 'plans', 'img'), { recursive: true });
    writeFileSync(join(dir, 'secret.png'), Buffer.from('89504e470d0a1a0a', 'hex'));
    writeFileSync(join(dir, 'plans', 'img', 'map.png'), Buffer.from('89504e470d0a1a0a', 'hex'));
    symlinkSync(join(dir, 'secret.png'), join(dir, 'plans', 'img', 'link.png'));
    const hostile = [
      '<script>document.title="pwned"</script>',
      '<img src="x" onerror="alert(1)">',
      '<iframe src="https://example.com"></iframe>',
      '<style>body{display:none}</style>',
      '![remote](http://127.0.0.1:9/x.png)',
      '![outside](../secret.png)',
      '![link](img/link.png)',
      '![map](img/map.png)',
      '[passwords](file:///etc/passwd) and [site](https://nhs.uk)',
      '<a href="javascript:alert(1)">click</a>',
    ].join('\n\n');
    const text = replaceOnce(cleanPlan(), /^## Telephony failure\n/m, `## Telephony failure\n\n${hostile}\n\n`);
    let html: string;
    try {
      html = print(text, { images: { root: join(dir, 'plans'), base: join(dir, 'plans') } }).html;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const body = html.slice(html.indexOf('<body>'));
    expect(body).not.toMatch(/<script|onerror|<iframe|<style|javascript:|file:\/\/|127\.0\.0\.1/i);
    expect(body).toContain("'remote' is not printed: only pictures stored with the plan are printed");
    expect(body).toContain("'outside' is not printed: it is outside the plan's folder");
    expect(body).toContain("'link' is not printed: it is outside the plan's folder");
    expect(body).toMatch(/<img src="data:image\/png;base64,iVBORw0KGgo="/);
    expect(body).toContain('href="https://nhs.uk"');
    expect(html).toContain("default-src 'none'");
  });
});
