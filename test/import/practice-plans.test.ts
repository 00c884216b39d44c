// Issue 22, the import's part: a practice's own plan imported right first time: the right practice
// name (or an honest placeholder, said in the report), no subtitle or cover line made a section,
// nothing emptied, every word kept; on documents shaped like published plans and templates.
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { checkPlan } from '../../core/index.js';
import { wordCounts } from '../../core/import/word-check.js';
import { runCliAsync, tempWorkspace, type CliRun } from '../helpers/cli.js';
import { TODAY } from '../helpers/plans.js';
import { NAMELESS_PLAN, twoTitlePlan, unstyledPlan, vendorTemplatePlan, WEBSITE_PLAN } from './practice-documents.js';

interface Imported {
  run: CliRun;
  plan: string;
  dir: string;
}

const imported: Record<string, Imported> = {};
const sources: Record<string, Buffer | string> = {};

beforeAll(async () => {
  Object.assign(sources, {
    'vendor.docx': await vendorTemplatePlan(),
    'two-title.docx': await twoTitlePlan(),
    'unstyled.docx': await unstyledPlan(),
    'website.html': WEBSITE_PLAN,
    'nameless.txt': NAMELESS_PLAN,
  });
  const dir = tempWorkspace(false);
  for (const [name, bytes] of Object.entries(sources)) writeFileSync(join(dir, name), bytes);
  const names = Object.keys(sources);
  const runs = await Promise.all(names.map((n) => runCliAsync(['import', n, '--out', `${n}.md`], dir)));
  names.forEach((n, i) => {
    imported[n] = { run: runs[i], plan: readFileSync(join(dir, `${n}.md`), 'utf8'), dir };
  });
}, 240_000);

function frontMatterName(plan: string): string | undefined {
  return /^practice:\n {2}name: (.*)$/m.exec(plan)?.[1];
}

function diagnostics(plan: string, ruleId: string) {
  return checkPlan(plan, { today: TODAY }).diagnostics.filter((d) => d.ruleId === ruleId);
}

async function shownWords(name: string): Promise<string> {
  const source = sources[name];
  return Buffer.isBuffer(source) ? (await mammoth.extractRawText({ buffer: source })).value : source;
}

describe('a practice plan, imported', () => {
  it('succeeds, keeping every word (counted against Word’s own text by an independent reader)', async () => {
    for (const [name, { run, plan }] of Object.entries(imported)) {
      expect(run.stderr, name).toBe('');
      expect(run.code, name).toBe(0);
      if (!name.endsWith('.docx')) continue;
      const out = wordCounts(plan);
      const lost = [...wordCounts(await shownWords(name))].filter(([w, n]) => (out.get(w) ?? 0) < n);
      expect(lost, name).toEqual([]);
    }
  });

  it('names the practice as its cover, title or page says, never a vendor inside its small print', () => {
    expect(frontMatterName(imported['vendor.docx'].plan)).toBe('The Practice of Health');
    expect(frontMatterName(imported['two-title.docx'].plan)).toBe('Elm Park Surgery');
    // Written in capitals on the cover, as the file's properties write it.
    expect(frontMatterName(imported['unstyled.docx'].plan)).toBe('Hexley Health');
    expect(frontMatterName(imported['website.html'].plan)).toBe('Dr Okafor & Partners');
    expect(imported['vendor.docx'].run.stdout).toMatch(
      /^ {2}practice\.name: The Practice of Health {2}\(from "The Practice of Health"\)$/m,
    );
    for (const { plan } of Object.values(imported))
      expect(plan).not.toMatch(/First Practice(?! Management)|You have reached IT outage/);
  });

  it('says so when the document never names the practice, and leaves the placeholder (never "IT outage")', async () => {
    const { plan, run, dir } = imported['nameless.txt'];
    expect(frontMatterName(plan)).toBe('"{{practice name}}"');
    expect(run.stdout).toMatch(
      /Needs a person:\n {2}- The practice's name was not found in the document: write it in the front matter, under 'practice:' as 'name:' \(it is printed on page 1, the cover, every action card and form, and the drafted patient messages\)\./,
    );
    // Completing the plan afterwards does not make one up from the title the tools wrote either.
    const fixed = await runCliAsync(['lint', '--fix', '--add-missing', 'nameless.txt.md'], dir);
    expect(fixed.stderr).toBe('');
    expect(frontMatterName(readFileSync(join(dir, 'nameless.txt.md'), 'utf8'))).toBe('"{{practice name}}"');
  }, 120_000);

  it('reads the address after the other facts on its line, without the name in front', () => {
    const { plan } = imported['two-title.docx'];
    expect(plan).toMatch(/^ {2}address: 3 Station Road, Hexley$/m);
    expect(plan).toMatch(/^ {2}postcode: HX1 2AB$/m);
    expect(plan).toMatch(/^ {2}ods_code: M85042$/m);
  });

  it('keeps the cover as the title and lines under it: a subtitle or second title line is never a section', () => {
    const vendor = imported['vendor.docx'];
    expect(vendor.plan).toMatch(
      /^# Business Continuity Plan\n\nDisaster Recovery Plan \(DRP\)\n\n\*\*The Practice of Health\*\*$/m,
    );
    const twoTitle = imported['two-title.docx'];
    expect(twoTitle.plan).toMatch(/^# Elm Park Surgery\n\n\*\*Service Continuity Plan & Risk Assessment\*\*$/m);
    expect(twoTitle.run.stdout).toMatch(
      /^ {2}Service Continuity Plan & Risk Assessment \(a line of the cover, kept under the title: not a section\)$/m,
    );
    const unstyled = imported['unstyled.docx'];
    expect(unstyled.plan).toMatch(
      /^# HEXLEY HEALTH\n\n\*\*BUSINESS CONTINUITY PLAN\*\*\n\n\*\*IT and Telephony Outage Procedures\*\*$/m,
    );
    for (const [name, { plan }] of Object.entries(imported)) {
      expect(plan, name).not.toMatch(
        /^#{2,} .*(?:Disaster Recovery Plan|Service Continuity Plan|BUSINESS CONTINUITY|Outage Procedures)/m,
      );
      // No section is offered for a cover line, so none blocks a draft.
      const likely = diagnostics(plan, 'likely-section').map((d) => d.message);
      expect(likely.join('\n'), name).not.toMatch(/Risk assessment|Recovery and back-entry/);
    }
  });

  it('never makes a contents line a heading', () => {
    const { plan } = imported['vendor.docx'];
    expect(plan).not.toMatch(/^#+ .*\t\d+$/m);
    expect(plan.match(/^#+ 2\.2 Loss of Telephone System/gm)).toHaveLength(1);
  });

  it('empties no section: a chapter with no words of its own becomes a line above its parts, a section keeps its only part', () => {
    const { plan, run } = imported['vendor.docx'];
    expect(plan).toMatch(
      /^\*\*2 Incident Response\*\*\n\n## 2\.1 Loss of Computer System\n\n### 2\.1\.1 Short Term Loss$/m,
    );
    expect(plan).toMatch(/^## 2\.2 Loss of Telephone System \{#telephony\}$/m);
    expect(plan).toMatch(/^## 2\.3 Loss of Electricity Supply$/m);
    expect(plan).toMatch(/^## 3 Communication \{#patient-comms\}\n\n### 3\.1 Key Contacts$/m);
    expect(run.stdout).toMatch(
      /^ {4}3\.1 Key Contacts -> 'Contacts and escalation' \(looks like it, but kept as a part of '3 Communication', which has nothing else\)$/m,
    );
    expect(plan).toMatch(/^## Appendix A – Buddy Practice Arrangements \{#mutual-aid\}$/m);
    for (const [name, imp] of Object.entries(imported))
      expect(diagnostics(imp.plan, 'empty-section'), name).toEqual([]);
  });

  it('reports what the checker will list: the same placeholders (none from guidance comments), no Word style notes', () => {
    for (const [name, { plan, run }] of Object.entries(imported)) {
      const listed = diagnostics(plan, 'placeholder').length;
      expect(run.stdout, name).toContain(`  - ${listed} {{placeholders}} to fill in`);
      expect(plan, name).toMatch(/<!-- Draft inserted from the template[^>]*\{\{/); // guidance does hold some
      expect(run.stdout, name).not.toMatch(/Unrecognised|paragraph style|run style/i);
    }
  });

  it('keeps lettered parts and tables under their section', () => {
    const { plan } = imported['two-title.docx'];
    expect(plan).toMatch(
      /^## Loss of Clinical System\n\n### a\) Short outage \(under four hours\)\n\nUse the printed day list/m,
    );
    expect(plan).toMatch(/^## Roles and Responsibilities\n\n\| Role +\| Name +\| Deputy +\| Responsibilities +\|$/m);
  });
});
