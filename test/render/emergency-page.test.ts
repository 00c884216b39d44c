// Page 1's numbers are the contact rows the schema makes mandatory, found by the schema's own test:
// a row that passes the check is always printed, whatever the practice calls it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkPlan } from '../../core/check-plan.js';
import { buildPrintDocument } from '../../core/render/print-document.js';
import { runCliAsync, tempWorkspace } from '../helpers/cli.js';
import { EMERGENCY_SIZES, emergencyDensity } from '../../core/render/emergency-layout.js';
import { PRINT_CSS } from '../../core/render/styles.js';
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

/** The plan with its quick-start steps replaced. */
function withSteps(steps: string[]): string {
  return replaceOnce(
    cleanPlan(),
    /(^## If the IT fails: do this first\n\n)[\s\S]*?\n\n(?=## )/m,
    `$1${steps.map((s, i) => `${i + 1}. ${s}`).join('\n')}\n\n`,
  );
}

const TEN_STEPS = withSteps(
  Array.from(
    { length: 10 },
    () =>
      '**Reception (08:00 to 18:30):** Take the red BCP folder and the grab pack from the reception safe and hand out the paper lists.',
  ),
);

describe('page 1 as printed', () => {
  it('a role with a time in it prints whole, on page 1 as on the cards', () => {
    const text = withSteps([
      '**Reception (08:00 to 18:30):** Answer the emergency mobile.',
      '**Log keeper:** Start the log.',
      '**Incident lead:** Ring the service desk.',
    ]);
    const page = page1Html(text);
    expect(page).toContain('<b>Reception (08:00 to 18:30):</b> Answer the emergency mobile.</li>');
    const { html } = buildPrintDocument(checkPlan(text, { today: TODAY }).doc!, { revision: 'r', printedDate: TODAY });
    expect(html).toMatch(/<span class="tick"><\/span><span>Answer the emergency mobile\.<\/span>/);
  });

  it('the footer never prints a placeholder: a review date not yet written is said to be not set', () => {
    const text = replaceOnce(
      replaceOnce(cleanPlan(), /^next_review: .*$/m, "next_review: '{{YYYY-MM-DD}}'"),
      /^version: .*$/m,
      "version: '{{version}}'",
    );
    const { doc } = checkPlan(text, { today: TODAY });
    const { footerText, headerText } = buildPrintDocument(doc!, { revision: 'r', printedDate: TODAY });
    expect(footerText).not.toContain('{{');
    expect(headerText).not.toContain('{{');
    expect(footerText).toContain('Uncontrolled when printed: no review date set');
  });

  it('every number and reference in type read by torchlight, as large as the page allows', () => {
    // Nothing on page 1 smaller than 11pt, in any density.
    const page1Css = PRINT_CSS.split('\n').filter((l) => /^\.(emergency|numbers|first-steps|then)/.test(l));
    const sizes = page1Css.flatMap((l) => [...l.matchAll(/font-size: ([0-9.]+)pt/g)].map((m) => Number(m[1])));
    expect(sizes.length).toBeGreaterThan(10);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(11);
    for (const z of Object.values(EMERGENCY_SIZES))
      expect(Math.min(z.step, z.who, z.phone, z.alt, z.note)).toBeGreaterThanOrEqual(11);
    // The other number and the reference have columns of their own, not 9pt notes after the number.
    expect(page1Html(cleanPlan())).toMatch(
      /<tr><th>GP IT service desk<\/th><td class="phone">01632 960500<\/td><td class="alt">01632 960501 \(out of hours\)<\/td><td class="note">Site G82999<\/td><\/tr>/,
    );
    // A page with room prints larger than a full one.
    const order = Object.keys(EMERGENCY_SIZES);
    const density = (text: string) => page1Html(text).match(/data-density="([a-z]+)"/)![1];
    const short = withSteps([
      '**Reception:** Get the grab pack.',
      '**Incident lead:** Ring the service desk.',
      '**Log keeper:** Start the log.',
    ]);
    expect(order.indexOf(density(short))).toBeLessThan(order.indexOf(density(cleanPlan())));
    expect(emergencyDensity([], [], '')).toBe('roomy');
  });
});

describe('emergency page in a real PDF', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempWorkspace();
    writeFileSync(join(dir, 'plans', 'renamed.md'), renamed());
    writeFileSync(join(dir, 'plans', 'ten-steps.md'), TEN_STEPS);
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
        'plans/ten-steps.md',
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
    expect(page1).toMatch(/Telecommunications\s+provider\s+0808 157 0220/);
    expect(page1).toContain('IT has failed: do this first');
    // every mandatory number and the closing line on page 1; page 2 is the cover
    for (const name of ['renamed', 'example-moorland-surgery', 'example-castle-street-practice', 'ten-steps']) {
      const pdf = join(dir, 'out', `${name}.pdf`);
      const first = execFileSync('pdftotext', ['-layout', '-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' });
      expect(first, name).toMatch(/Cyber incident: NHS[\s\S]*Neighbouring practice[\s\S]*Then: declare the incident/);
      expect(
        execFileSync('pdftotext', ['-layout', '-f', '2', '-l', '2', pdf, '-'], { encoding: 'utf8' }),
        name,
      ).toContain('Uncontrolled when printed. Check that the review date');
    }
  }, 120_000);
});
