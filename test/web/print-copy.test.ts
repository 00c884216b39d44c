// The print copy (core/render/print-copy.ts): the HTML file saved where no PDF can be made, printed
// here as a person prints it, by Chromium to A4, and read back page by page: the emergency page
// first, the running header and "Page N of M" footer on every page, DRAFT on every page of a draft,
// and the on-screen note never printed. Text from the plan cannot break out of the page CSS.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, type Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPlan } from '../../core/check-plan.js';
import { buildPrintDocument, decidePrint, printCopyHtml } from '../../core/print-copy.js';
import { cleanPlan, replaceOnce, TODAY } from '../helpers/plans.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking'],
  });
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

/** The plan's print copy as Chromium prints it to PDF: the text of each page, and the page size. */
async function printed(text: string): Promise<{ html: string; pages: string[]; size: string }> {
  const { doc, diagnostics } = checkPlan(text, { today: TODAY });
  const decision = decidePrint({
    doc,
    errors: diagnostics.filter((d) => d.severity === 'error').length,
    allowErrors: false,
  });
  if (!decision.print) throw new Error(`not printable: ${decision.problems.join(', ')}`);
  const html = printCopyHtml(
    buildPrintDocument(doc!, { revision: 'editor copy', printedDate: TODAY, stamp: decision.stamp }),
    { planName: 'riverside.md' },
  );
  const page = await browser.newPage();
  await page.setContent(html, { waitUntil: 'load' });
  const pdf = join(mkdtempSync(join(tmpdir(), 'continuity-print-copy-')), 'copy.pdf');
  // As Ctrl+P prints it: the page's own size and margins, no browser-made header or footer.
  writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  await page.close();
  const pages = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);
  const size = /Page size:\s+(.*)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1];
  return { html, pages, size };
}

describe('the print copy, printed by Chromium', () => {
  it('has the emergency page first, the header and "Page N of M" on every A4 page, DRAFT on every page of a draft, and no on-screen note', async () => {
    const { pages, size } = await printed(replaceOnce(cleanPlan(), /^status: .*$/m, 'status: draft'));
    expect(size).toMatch(/\(A4\)/);
    expect(pages.length).toBeGreaterThan(10);
    expect(pages[0]).toMatch(/IT has failed: do this first/);
    pages.forEach((text, i) => {
      expect(text, `page ${i + 1}`).toMatch(
        /Riverside Medical Centre · IT outage business continuity plan · DRAFT - NOT YET APPROVED/,
      );
      expect(text, `page ${i + 1}`).toContain(`Page ${i + 1} of ${pages.length} · Version`);
      expect(text, `page ${i + 1}`).not.toMatch(/Print copy of|Ctrl\+P/);
    });
    // The stamp is drawn across each page (position: fixed repeats it), besides the header (-raw keeps rotated text).
    for (const text of pages) expect(text.split('DRAFT').length - 1).toBeGreaterThanOrEqual(2);
  });

  it('a finished plan prints without DRAFT', async () => {
    const { pages } = await printed(replaceOnce(cleanPlan(), /^status: .*$/m, 'status: approved'));
    for (const text of pages) expect(text).not.toContain('DRAFT');
  });

  it('prints quotes, backslashes and a closing style tag in the practice name as written, and runs nothing', async () => {
    const name = 'Dr "Quote" \\ Partners </style><script>document.title="x"</script>';
    const text = replaceOnce(cleanPlan(), /^ {2}name: Riverside Medical Centre$/m, `  name: '${name}'`);
    const { html, pages } = await printed(text);
    expect(html).not.toMatch(/<script>/i);
    expect(pages[1]).toContain(`${name} · IT outage business continuity plan`);
  });
});
