// Page 1's numbers are the contact rows the schema makes mandatory, found by the schema's own test:
// a row that passes the check is always printed, whatever the practice calls it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkPlan } from '../../core/check-plan.js';
import { buildPrintDocument } from '../../core/render/print-document.js';
import { runCliAsync, tempWorkspace } from '../helpers/cli.js';
import { TODAY, cleanPlan, replaceOnce } from '../helpers/plans.js';

const renamed = () =>
  replaceOnce(
    cleanPlan(),
    '| Telephony provider | Tollgate Cloud Telephony |',
    '| Telecommunications provider | Tollgate Cloud Telephony |',
  );

function page1Html(text: string): string {
  const { doc, diagnostics } = checkPlan(text, { today: TODAY });
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const { html } = buildPrintDocument(doc!, { revision: 'r', printedDate: TODAY });
  return html.slice(html.indexOf('class="emergency"'), html.indexOf('class="cover"'));
}

describe('emergency page numbers', () => {
  it('one number per mandatory contact row of the schema, in schema order', () => {
    const { doc } = checkPlan(cleanPlan(), { today: TODAY });
    const mandatory = doc!.catalogue.byId.get('contacts')!.tables.find((t) => t.id === 'contacts')!.mandatoryRows;
    const rows = doc!.model.sections.contacts.tables.contacts.rows;
    const expected = mandatory.map((m) => rows.find((r) => m.matches(r))!.contact);
    const { html } = buildPrintDocument(doc!, { revision: 'r', printedDate: TODAY });
    const page = html.slice(html.indexOf('class="emergency"'), html.indexOf('class="cover"'));
    const printed = [...page.matchAll(/<tr><th>([^<]*)<\/th>/g)].map((m) => m[1]);
    expect(printed.slice(0, expected.length)).toEqual(expected.map((e) => e.replace(/&/g, '&amp;')));
    expect(expected.length).toBeGreaterThanOrEqual(6);
  });
  it("a telephony row called 'Telecommunications provider' passes the check and is on page 1", () => {
    expect(page1Html(renamed())).toContain(
      '<tr><th>Telecommunications provider</th><td class="phone">0808 157 0220</td>',
    );
  });
});

describe('emergency page in a real PDF', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempWorkspace();
    writeFileSync(join(dir, 'plans', 'renamed.md'), renamed());
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  it("page 1 carries the renamed telephony provider and its number, and every example's emergency page fits on one page", async () => {
    // Not spawnSync: vitest's worker must keep answering while Chromium prints (under load, minutes).
    const r = await runCliAsync(
      [
        'render',
        'plans/renamed.md',
        'plans/example-moorland-surgery.md',
        'plans/example-castle-street-practice.md',
        '--out',
        'out',
      ],
      dir,
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    // -raw keeps each table row in reading order (name, number, notes) whatever the font sizes
    const page1 = execFileSync('pdftotext', ['-raw', '-f', '1', '-l', '1', join(dir, 'out', 'renamed.pdf'), '-'], {
      encoding: 'utf8',
    });
    expect(page1).toMatch(/Telecommunications provider\s+0808 157 0220/);
    expect(page1).toContain('IT has failed: do this first');
    // every mandatory number and the closing line on page 1; page 2 is the cover
    for (const name of ['renamed', 'example-moorland-surgery', 'example-castle-street-practice']) {
      const pdf = join(dir, 'out', `${name}.pdf`);
      const first = execFileSync('pdftotext', ['-layout', '-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' });
      expect(first, name).toMatch(
        /Cyber incident: NHS England[\s\S]*Neighbouring practice[\s\S]*Then: declare the incident/,
      );
      expect(
        execFileSync('pdftotext', ['-layout', '-f', '2', '-l', '2', pdf, '-'], { encoding: 'utf8' }),
        name,
      ).toContain('Uncontrolled when printed. Check that the review date');
    }
  }, 120_000);
});
