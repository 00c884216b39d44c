// `continuity import`: a practice's Word, HTML or text plan as a plan in this format, losing no word.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  AlignmentType,
  Document,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';
import mammoth from 'mammoth';
import { checkPlan } from '../../core/index.js';
import { wordCounts } from '../../core/import/word-check.js';
import { runCliAsync, tempWorkspace } from '../helpers/cli.js';
import { TODAY } from '../helpers/plans.js';

const cell = (t: string) => new TableCell({ children: [new Paragraph(t)] });
const row = (...cells: string[]) => new TableRow({ children: cells.map(cell) });

/** A Word plan shaped like the published ones: numbered headings, a bold pseudo-heading, a table, lists. */
async function practiceDocx(): Promise<Buffer> {
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: 'steps',
          levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START }],
        },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph({ text: 'Castle Street Surgery Business Continuity Plan', heading: HeadingLevel.HEADING_1 }),
          new Paragraph(
            'Castle Street Surgery, 1 Castle Street, Maidstone, ME14 1XX. Telephone: 01632 960123. ODS code: K81003',
          ),
          new Paragraph('Date of issue: 01/03/2025'),
          new Paragraph('Date of next review: September 2027'),
          new Paragraph({ text: '1 Introduction', heading: HeadingLevel.HEADING_2 }),
          new Paragraph(
            'This plan covers the loss of the clinical system, the phones and the network at Castle Street Surgery.',
          ),
          new Paragraph({ text: '1.8.Staff Roles in an Incident', heading: HeadingLevel.HEADING_2 }),
          new Table({
            rows: [
              row('Role', 'Name', 'Deputy', 'Responsibilities'),
              row('Practice Manager', 'Jane Smith', 'Ali Khan', 'Leads the response'),
              row('Reception Supervisor', 'Sam Patel', 'All staff', 'Phones and patients'),
            ],
          }),
          new Paragraph({ text: '2.7 Loss of Telephone System', heading: HeadingLevel.HEADING_2 }),
          new Paragraph({
            text: 'Reception Supervisor: ring Gamma on the fault line 0800 000 0000.',
            numbering: { reference: 'steps', level: 0 },
          }),
          new Paragraph({
            text: 'Reception Supervisor: switch on the divert to 01632 960999.',
            numbering: { reference: 'steps', level: 0 },
          }),
          new Paragraph({
            text: 'Practice Manager: tell patients on the website.',
            numbering: { reference: 'steps', level: 0 },
          }),
          new Paragraph({ children: [new TextRun({ text: 'Key Contact Details', bold: true })] }),
          new Table({
            rows: [
              row('Contact', 'Organisation', 'Phone'),
              row('GP IT service desk', 'Kent IT', '01632 960000'),
              row('Telephony provider', 'Gamma', '0800 000 0000'),
            ],
          }),
          new Paragraph({ text: 'GP IT service desk first', bullet: { level: 0 } }),
          new Paragraph({ text: 'Then the ICB', bullet: { level: 0 } }),
          new Paragraph({ text: '1.3 Cascade Procedure.', heading: HeadingLevel.HEADING_2 }),
          new Paragraph('The practice manager rings every member of staff; naïve café wording kept: £25 and 50% too.'),
          new Paragraph({ text: '2.8 Loss of Electricity Supply', heading: HeadingLevel.HEADING_2 }),
          new Paragraph('Ring the landlord.'),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

function expectEveryWord(source: string, output: string): void {
  const out = wordCounts(output);
  const lost = [...wordCounts(source)].filter(([w, n]) => (out.get(w) ?? 0) < n).map(([w]) => w);
  expect(lost).toEqual([]);
}

describe('continuity import', () => {
  it('a Word plan: every word kept, tables, lists and numbered steps kept, headings mapped, drafts inserted, report printed', async () => {
    const dir = tempWorkspace(false);
    const bytes = await practiceDocx();
    writeFileSync(join(dir, 'Castle Street BCP.docx'), bytes);
    const r = await runCliAsync(['import', 'Castle Street BCP.docx', '--out', 'castle.md'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const plan = readFileSync(join(dir, 'castle.md'), 'utf8');
    // Lossless, counted against Word's own text as an independent reader gives it.
    const raw = (await mammoth.extractRawText({ buffer: bytes })).value;
    expectEveryWord(raw, plan);
    expect(plan).toMatch(/^\| Role +\| Name +\| Deputy +\| Responsibilities +\|$/m);
    expect(plan).toMatch(/^\| Practice Manager +\| Jane Smith +\| Ali Khan +\|/m);
    expect(plan).toMatch(/^1\. Reception Supervisor: ring Gamma/m);
    expect(plan).toMatch(/^3\. Practice Manager: tell patients/m);
    expect(plan).toMatch(/^- GP IT service desk first$/m);
    // Headings: the practice's words, mapped by meaning.
    expect(plan).toMatch(/^## 1\.8\.Staff Roles in an Incident \{#roles\}$/m);
    expect(plan).toMatch(/^## 2\.7 Loss of Telephone System \{#telephony\}$/m);
    expect(plan).toMatch(/^## Key Contact Details \{#contacts\}$/m);
    expect(plan).toMatch(/^## 1\.3 Cascade Procedure\.$/m); // likely only: left for a person
    expect(plan).toMatch(/^## 2\.8 Loss of Electricity Supply$/m);
    // Front matter from the document.
    expect(plan).toMatch(/^ {2}name: Castle Street Surgery$/m);
    expect(plan).toMatch(/^ {2}ods_code: K81003$/m);
    expect(plan).toMatch(/^ {2}postcode: ME14 1XX$/m);
    expect(plan).toMatch(/^ {2}phone: 01632 960123$/m);
    expect(plan).toMatch(/^next_review: 2027-09-01$/m);
    expect(plan).toMatch(/^date_issued: 2025-03-01$/m);
    expect(plan).not.toMatch(/^icb: \{\}/m);
    // Sections found and drafts inserted: nothing required is missing except the one a person decides.
    const check = checkPlan(plan, { today: TODAY });
    const sections = check.doc!.model.sections;
    for (const id of ['roles', 'telephony', 'contacts', 'scope-and-scenarios', 'quick-start', 'prescribing'])
      expect(sections[id], id).toBeDefined();
    const missing = check.diagnostics.filter((d) => d.ruleId === 'schema/required-section');
    expect(missing.map((d) => d.message)).toEqual([
      expect.stringMatching(
        /^The plan has no 'IT failure protocol.*The heading '1\.3 Cascade Procedure\.' on line \d+ looks like it/,
      ),
    ]);
    // Report.
    expect(r.stdout).toMatch(
      /1\.8\.Staff Roles in an Incident -> 'Roles and responsibilities' \(recognised by its meaning/,
    );
    expect(r.stdout).toMatch(
      /Key Contact Details -> 'Contacts and escalation' .*was a bold, numbered or capitalised paragraph/,
    );
    expect(r.stdout).toMatch(/1\.3 Cascade Procedure\. -> 'IT failure protocol: activation and stand-down' \(LIKELY/);
    expect(r.stdout).toMatch(/Inserted as guided drafts \(\d+\):\n {2}If the IT fails: do this first/);
    expect(r.stdout).toMatch(/practice\.ods_code: K81003/);
    expect(r.stdout).toMatch(/Needs a person:\n {2}- '1\.3 Cascade Procedure\.' looks like/);
  }, 60_000);

  it('an HTML plan: headings, numbered steps and tables kept', async () => {
    const dir = tempWorkspace(false);
    const html = `<!doctype html><html><head><title>BCP</title><style>p{color:red}</style></head><body>
<h1>Moorland Surgery – Business Continuity Plan</h1>
<p>Practice code: B82005. Moorland Surgery, 2 High Street, Skipton BD23 1AA</p>
<p>Review date: 1st March 2026</p>
<h2>Section 3: Key Contacts</h2>
<table><thead><tr><th>Contact</th><th>Phone</th></tr></thead><tbody><tr><td>Service desk</td><td>01632 960000</td></tr></tbody></table>
<h2>4) Loss of Clinical System (EMIS Web)</h2>
<ol><li><strong>Reception:</strong> print the day lists.</li><li><strong>Duty GP:</strong> triage on paper.</li></ol>
<h3>Short term loss</h3><ul><li>Use printed lists</li></ul>
<h2>Annex A: Buddy practice arrangements</h2><p>Dales Practice will take our calls.</p>
</body></html>`;
    writeFileSync(join(dir, 'moorland.html'), html);
    const r = await runCliAsync(['import', 'moorland.html'], dir);
    expect(r.code).toBe(0);
    const plan = readFileSync(join(dir, 'moorland.md'), 'utf8');
    expectEveryWord(
      'Moorland Surgery Business Continuity Plan Practice code B82005 Moorland Surgery 2 High Street Skipton BD23 1AA Review date 1st March 2026 Section 3 Key Contacts Contact Phone Service desk 01632 960000 4 Loss of Clinical System EMIS Web Reception print the day lists Duty GP triage on paper Short term loss Use printed lists Annex A Buddy practice arrangements Dales Practice will take our calls',
      plan,
    );
    expect(plan).not.toMatch(/color/); // styles are not words of the plan
    expect(plan).toMatch(/^## Section 3: Key Contacts$/m); // an alias after numbering: recognised as written
    expect(plan).toMatch(/^1\. \*\*Reception:\*\* print the day lists\.$/m);
    expect(plan).toMatch(/^### Short term loss$/m);
    expect(plan).toMatch(/^## Annex A: Buddy practice arrangements \{#mutual-aid\}$/m);
    expect(plan).toMatch(/^ {2}ods_code: B82005$/m);
    expect(plan).toMatch(/^last_reviewed: 2026-03-01$/m);
    expect(r.stdout).toMatch(
      /4\) Loss of Clinical System \(EMIS Web\) -> 'Consultations and record keeping on paper' \(LIKELY/,
    );
  }, 60_000);

  it('a markdown or text plan keeps its words and is completed', async () => {
    const dir = tempWorkspace(false);
    const text =
      'Riverside Practice plan\n\n2.7 Loss of Telephone System\n\nDivert the phones to the mobile.\n\nKey Contact Details\n\n- Service desk 01632 960000\n\nTRAINING AND EXERCISING\n\nA table-top exercise every spring.\n';
    writeFileSync(join(dir, 'riverside.txt'), text);
    const r = await runCliAsync(['import', 'riverside.txt', '--out', 'riverside.md'], dir);
    expect(r.code).toBe(0);
    const plan = readFileSync(join(dir, 'riverside.md'), 'utf8');
    expectEveryWord(text, plan);
    expect(plan).toMatch(/^## 2\.7 Loss of Telephone System \{#telephony\}$/m);
    expect(plan).toMatch(/^## TRAINING AND EXERCISING \{#exercising\}$/m);
  }, 60_000);

  it('a file it cannot read is a clear error (exit 2) and nothing is written', async () => {
    const dir = tempWorkspace(false);
    writeFileSync(join(dir, 'old.docx'), 'This is not a zip file at all');
    writeFileSync(join(dir, 'broken.docx'), Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(200, 7)]));
    writeFileSync(join(dir, 'plan.pdf'), '%PDF-1.4');
    writeFileSync(join(dir, 'exists.md'), 'keep me');
    const cases: [string[], RegExp, string][] = [
      [['import', 'old.docx'], /cannot import old\.docx: .*not a Word \.docx document/, 'old.md'],
      [
        ['import', 'broken.docx'],
        /cannot import broken\.docx: it is damaged: its contents cannot be unpacked/,
        'broken.md',
      ],
      [
        ['import', 'plan.pdf'],
        /only Word \(\.docx\), web pages \(\.html, \.htm\) and text \(\.md, \.txt\) can be imported/,
        'plan.md',
      ],
      [['import', 'missing.docx'], /cannot import missing\.docx: it does not exist\./, 'missing.md'],
    ];
    // independent runs (none writes what another reads): side by side
    const [exists, ...runs] = await Promise.all([
      runCliAsync(['import', 'old.docx', '--out', 'exists.md'], dir),
      ...cases.map(([args]) => runCliAsync(args, dir)),
    ]);
    cases.forEach(([args, message, out], i) => {
      expect(runs[i].code, args.join(' ')).toBe(2);
      expect(runs[i].stderr).toMatch(message);
      expect(runs[i].stdout).toBe('');
      expect(existsSync(join(dir, out)), out).toBe(false);
    });
    expect(exists.code).toBe(2);
    expect(exists.stderr).toMatch(/exists\.md already exists/);
    expect(readFileSync(join(dir, 'exists.md'), 'utf8')).toBe('keep me');
  }, 60_000);
});
