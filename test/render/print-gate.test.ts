// The print gate: one decision for render, build and the editor. Unit cases on checked plans, then
// real PDFs (Chromium, read back page by page with poppler) for what a practice would hold in its hand.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkPlan } from '../../core/check-plan.js';
import { decidePrint } from '../../core/print/print-gate.js';
import { printPlan } from '../../extension/server/print.js';
import { tempWorkspace } from '../helpers/cli.js';
import { ROOT, TODAY, cleanPlan, readPlan, replaceOnce } from '../helpers/plans.js';

function decide(text: string, allowErrors = false, formsOnly = false) {
  const { doc, diagnostics } = checkPlan(text, { today: TODAY });
  return decidePrint({ doc, errors: diagnostics.filter((d) => d.severity === 'error').length, allowErrors, formsOnly });
}

/** A placeholder in the service desk's number: on page 1 and in a contact's number. */
const deskNumberPlaceholder = (text: string) =>
  replaceOnce(text, /(\| GP IT service desk \|[^|\n]*\| )[^|\n]*?( \|)/, '$1{{phone}}$2');
/** A placeholder in a place that is neither page 1 nor a number: the review section's prose. */
const prosePlaceholder = (text: string) =>
  replaceOnce(text, /^(## Review, approval and maintenance\n\n)/m, '$1Reviewed with {{name of the partner}}.\n\n');

describe('print gate decisions', () => {
  it('a finished, approved plan prints with no stamp', () => {
    expect(decide(cleanPlan())).toEqual({ print: true });
  });
  it('a placeholder in a contact number on page 1 is refused like an error, and says where', () => {
    const d = decide(deskNumberPlaceholder(cleanPlan()));
    expect(d).toEqual({
      print: false,
      problems: [
        "would print placeholder text on the emergency page (page 1): '{{phone}}'",
        "has no real number for 'GP IT service desk' in the contacts table",
      ],
    });
    expect(decide(deskNumberPlaceholder(cleanPlan()), true)).toEqual({ print: true, stamp: 'DRAFT - NOT FILLED IN' });
  });
  it('a placeholder in a contact that is not on page 1 is refused too', () => {
    const text = replaceOnce(cleanPlan(), /(\| Local Medical Committee \|[^|\n]*\| )[^|\n]*?( \|)/, '$1{{phone}}$2');
    expect(decide(text)).toEqual({
      print: false,
      problems: ["has no real number for 'Local Medical Committee' in the contacts table"],
    });
  });
  it('any other placeholder prints, stamped DRAFT', () => {
    expect(decide(prosePlaceholder(cleanPlan()))).toEqual({ print: true, stamp: 'DRAFT - NOT FILLED IN' });
  });
  it('status: draft prints, stamped DRAFT', () => {
    const text = replaceOnce(cleanPlan(), /^status: approved$/m, 'status: draft');
    expect(decide(text)).toEqual({ print: true, stamp: 'DRAFT - NOT YET APPROVED' });
  });
  it('the unfilled template is refused, naming the page 1 placeholders', () => {
    const d = decide(readPlan('template.md'));
    expect(d.print).toBe(false);
    if (!d.print)
      expect(d.problems.some((p) => p.startsWith('would print placeholder text on the emergency page (page 1)'))).toBe(
        true,
      );
  });
  it('the paper forms alone: blank forms from a draft plan print unstamped; placeholders printed on a form are refused', () => {
    expect(decide(replaceOnce(cleanPlan(), /^status: approved$/m, 'status: draft'), false, true)).toEqual({
      print: true,
    });
    expect(decide(prosePlaceholder(cleanPlan()), false, true)).toEqual({ print: true });
    const template = decide(readPlan('template.md'), false, true);
    expect(template.print).toBe(false);
    if (!template.print)
      expect(template.problems[0]).toMatch(/^would print placeholder text on the paper forms: '\{\{practice name\}\}'/);
  });
  it("the editor's print uses the same gate (message and DRAFT stamp in its preview)", async () => {
    const { doc } = checkPlan(deskNumberPlaceholder(cleanPlan()), { today: TODAY });
    const refused = await printPlan(doc!, undefined, 0, TODAY, { uri: 'file:///p.md', format: 'pdf' });
    expect(refused).toEqual({
      ok: false,
      message:
        "The plan would print placeholder text on the emergency page (page 1): '{{phone}}' and has no real number for 'GP IT service desk' in the contacts table. Fix them (see the Problems panel) before printing, or print a copy stamped DRAFT.",
    });
    const preview = await printPlan(doc!, undefined, 0, TODAY, { uri: 'file:///p.md', format: 'html' });
    expect(preview.ok && preview.html).toContain('<div class="draft-stamp">DRAFT - NOT FILLED IN</div>');
  });
});

function pageTexts(pdf: string): string[] {
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
  return execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\f').slice(0, pages);
}

function render(dir: string, args: string[]): Promise<{ code: number; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'continuity.js'), 'render', ...args, '--today', TODAY], {
      cwd: dir,
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => done({ code: code ?? -1, stderr }));
  });
}

describe('print gate with real PDFs', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempWorkspace();
    writeFileSync(join(dir, 'plans', 'desk.md'), deskNumberPlaceholder(cleanPlan()));
    writeFileSync(join(dir, 'plans', 'prose.md'), prosePlaceholder(cleanPlan()));
    writeFileSync(join(dir, 'plans', 'draft.md'), replaceOnce(cleanPlan(), /^status: approved$/m, 'status: draft'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('the unfilled template is refused, and with --allow-errors every page says DRAFT', async () => {
    const refused = await render(dir, ['plans/template.md', '--out', 'out']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /plans\/template\.md not printed: it would print placeholder text on the emergency page \(page 1\): '\{\{practice name\}\}', .* and has no real number for 'GP IT service desk', /,
    );
    expect(existsSync(join(dir, 'out', 'template.pdf'))).toBe(false);
    const allowed = await render(dir, ['plans/template.md', '--out', 'out', '--allow-errors']);
    expect(allowed.code).toBe(0);
    const pages = pageTexts(join(dir, 'out', 'template.pdf'));
    expect(pages.length).toBeGreaterThan(10);
    pages.forEach((p, i) => expect(p, `page ${i + 1}`).toContain('DRAFT - NOT FILLED IN'));
  }, 120_000);

  it('a placeholder in a contact number is refused; allowed, every page says DRAFT', async () => {
    const refused = await render(dir, ['plans/desk.md', '--out', 'out']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      "plans/desk.md not printed: it would print placeholder text on the emergency page (page 1): '{{phone}}' and has no real number for 'GP IT service desk' in the contacts table. Run 'continuity lint plans/desk.md' and fix them, or print a copy stamped DRAFT with 'continuity render plans/desk.md --allow-errors'.",
    );
    const allowed = await render(dir, ['plans/desk.md', '--out', 'out', '--allow-errors']);
    expect(allowed.code).toBe(0);
    const pages = pageTexts(join(dir, 'out', 'desk.pdf'));
    pages.forEach((p, i) => expect(p, `page ${i + 1}`).toContain('DRAFT - NOT FILLED IN'));
  }, 120_000);

  it('other placeholders and status: draft print with DRAFT on every page, not just the cover', async () => {
    const r = await render(dir, ['plans/prose.md', 'plans/draft.md', '--out', 'out']);
    expect(r.code).toBe(0);
    const prose = pageTexts(join(dir, 'out', 'prose.pdf'));
    const draft = pageTexts(join(dir, 'out', 'draft.pdf'));
    expect(prose.length).toBeGreaterThan(20);
    prose.forEach((p, i) => expect(p, `prose page ${i + 1}`).toContain('DRAFT - NOT FILLED IN'));
    draft.forEach((p, i) => expect(p, `draft page ${i + 1}`).toContain('DRAFT - NOT YET APPROVED'));
  }, 120_000);

  it('a finished example carries no DRAFT mark on any page', async () => {
    const r = await render(dir, ['plans/example-moorland-surgery.md', '--out', 'out']);
    expect(r.code).toBe(0);
    const pages = pageTexts(join(dir, 'out', 'example-moorland-surgery.pdf'));
    expect(pages.filter((p) => /DRAFT/.test(p))).toEqual([]);
  }, 120_000);
});
