// Facts the content audit (research/content-audit.md, section 3) found wrong. Each test reads every
// place the text can come back from (schema sources and generated schema, template, examples, shared
// content, generated docs, rule texts, paper forms) and fails if the wrong fact returns.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/plans.js';
import { rules } from '../../core/rules/index.js';
import { FORMS } from '../../core/render/forms.js';

const read = (...p: string[]) => readFileSync(join(ROOT, ...p), 'utf8');
const planFiles = readdirSync(join(ROOT, 'plans')).filter((f) => f.endsWith('.md'));
const sectionFiles = readdirSync(join(ROOT, 'schema', 'src', 'sections')).map((f) =>
  join('schema', 'src', 'sections', f),
);
const ruleTexts = rules.map((r) => ({
  where: `rule ${r.id}`,
  text: [r.description, r.rationale, read('core', 'rules', `${fileOf(r.id)}.ts`)].join('\n'),
}));

function fileOf(id: string): string {
  const files = readdirSync(join(ROOT, 'core', 'rules'));
  return (
    files.find((f) => f === `${id}.ts`) ??
    files.find((f) => read('core', 'rules', f).includes(`id: '${id}'`)) ??
    ''
  ).replace(/\.ts$/, '');
}

/** Every text a practice manager may read, one entry per source. */
const corpus: { where: string; text: string }[] = [
  ...planFiles.map((f) => ({ where: `plans/${f}`, text: read('plans', f) })),
  ...readdirSync(join(ROOT, 'plans', 'shared')).map((f) => ({
    where: `plans/shared/${f}`,
    text: read('plans', 'shared', f),
  })),
  ...sectionFiles.map((f) => ({ where: f, text: read(f) })),
  { where: 'schema/src/plan.schema.yaml', text: read('schema', 'src', 'plan.schema.yaml') },
  // the generated schema holds each template on one line: split its escaped line breaks too
  { where: 'schema/plan.schema.json', text: read('schema', 'plan.schema.json').replaceAll('\\n', '\n') },
  // every page of documentation, generated or written by hand (the README's text moved to docs/)
  ...['README.md', 'extension/README.md', ...readdirSync(join(ROOT, 'docs')).map((f) => `docs/${f}`)]
    .filter((f) => f.endsWith('.md'))
    .map((f) => ({ where: f, text: read(f) })),
  { where: 'core/render/forms.ts', text: JSON.stringify(FORMS) },
  ...ruleTexts,
];

/** Lines (from every source) matching a pattern, as "where: line" for a readable failure. */
function linesMatching(pattern: RegExp): string[] {
  return corpus.flatMap(({ where, text }) =>
    text
      .split('\n')
      .filter((l) => pattern.test(l))
      .map((l) => `${where}: ${l.trim()}`),
  );
}

describe('content facts (audit section 3)', () => {
  it('the corpus covers the template, three examples and every section source', () => {
    expect(planFiles).toContain('template.md');
    expect(planFiles.filter((f) => f.startsWith('example-')).length).toBeGreaterThanOrEqual(3);
    expect(sectionFiles.length).toBeGreaterThan(20);
  });

  it('#1 non-urgent requests are never sent to a pharmacy for an emergency supply (the law needs an immediate need)', () => {
    expect(linesMatching(/non-urgent[^\n]*emergency supply/i)).toEqual([]);
    // the NHS route for a patient who will run out is NHS 111 (Pharmacy First), and it is in the template
    expect(read('plans', 'template.md')).toMatch(/will run out[^\n]*NHS 111[^\n]*community pharmacy/);
  });

  it("#2 every controlled-drug writing list includes the prescriber's address", () => {
    const lists = linesMatching(/Schedule 2 and 3 prescriptions in full/);
    expect(lists.length).toBeGreaterThan(4);
    expect(lists.filter((l) => !/prescriber's signature and UK address/.test(l))).toEqual([]);
  });

  it('#3 the 30-day supply is not called a legal limit', () => {
    expect(linesMatching(/30-day limit(?! on supply)|limit in law/i)).toEqual([]);
  });

  it("#4 drug history is never taken from 'repackaging'", () => {
    expect(linesMatching(/repackaging/i)).toEqual([]);
  });

  it('#5 repeats are for the minimum period unless the drug history is verified, never a long period unless verified', () => {
    const unless = linesMatching(/urgent repeats only[^\n]*unless the drug history/i);
    expect(unless.length).toBeGreaterThanOrEqual(4);
    for (const line of unless) {
      const before = line.slice(0, line.indexOf('unless'));
      const days = [...before.matchAll(/(\d+) days/g)].map((m) => Number(m[1]));
      expect(
        days.every((d) => d <= 7),
        line,
      ).toBe(true);
    }
  });

  it('#6 no annual-test requirement is attributed to the DSPT', () => {
    expect(linesMatching(/(Toolkit|DSPT)\b[^\n.]*(expects|requires|asks)[^\n.]*(test|exercis)/i)).toEqual([]);
  });

  it('#7 the contacts rule cites the Toolkit for what its evidence item says (hard copy, up to date)', () => {
    const rule = rules.find((r) => r.id === 'contacts-verified')!;
    expect(rule.rationale).not.toMatch(/last updated and printed/);
    expect(rule.rationale).toMatch(/hard copy and up to date/);
  });

  it('#8 practices tell the Directory of Services team, not NHS 111, when they cannot take calls', () => {
    expect(linesMatching(/and NHS 111 (if|through)/)).toEqual([]);
    expect(read('plans', 'template.md')).toMatch(/Directory of Services \(DoS\) team/);
  });

  it('#9 urgent and suspected cancer referrals are never left until the system is restored', () => {
    const eRs = linesMatching(/^\| e-RS \|/);
    expect(eRs.length).toBeGreaterThanOrEqual(3);
    for (const row of eRs) expect(row, row).toMatch(/urgent suspected cancer|suspected cancer/i);
  });

  it('#10 no two-week-wait (abolished October 2023) on the forms or in the plans', () => {
    // allowed only where the old name is explained: the outdated-names rule and its docs, and a source's title
    const explained = (l: string) =>
      l.startsWith('rule outdated-nhs-names') ||
      l.startsWith('docs/rules.md') ||
      /outdated-nhs-names|replaces the two-week wait/.test(l);
    expect(linesMatching(/\b2WW\b|two[- ]week[- ]wait/i).filter((l) => !explained(l))).toEqual([]);
  });

  it('#11 no claim that SystmOne itself offers an offline mode', () => {
    expect(linesMatching(/SystmOne offline|nightly read-only/i)).toEqual([]);
  });

  it('#12 a practice that exceeds the DSPT standards can say so', () => {
    const schema = JSON.parse(read('schema', 'plan.schema.json'));
    expect(schema.properties.frontMatter.properties.dspt.properties.status.enum).toContain('standards-exceeded');
  });

  it('#13 the classification reason is not staff phone numbers (they belong in a separate annex)', () => {
    expect(linesMatching(/plan holds staff phone numbers/i)).toEqual([]);
  });

  it('#15 no unsupported claim that practices with recommended sections coped better', () => {
    expect(linesMatching(/coped better/i)).toEqual([]);
  });

  it('#16 no national paper-retention period is invented', () => {
    expect(linesMatching(/paper originals for \d+ months/i)).toEqual([]);
  });

  it('#17 a suspected attack means disconnecting first, not switching off', () => {
    expect(linesMatching(/switch off at once/i)).toEqual([]);
    expect(linesMatching(/unplug the network cable or turn Wi-Fi off at once/).length).toBeGreaterThanOrEqual(3);
  });
});

// The second audit (research/content-reaudit.md): new errors N1 to N10 and the SystmOne offline copy.
describe('content facts (second audit)', () => {
  it('N1 the 72 hours are for reporting a breach, with what is known, not for deciding whether to report', () => {
    expect(linesMatching(/decid\w*[^.\n]{0,60}72 ?hours|72 ?hours[^.\n]{0,60}whether/i)).toEqual([]);
    // every breach step that mentions 72 hours says when the clock starts
    const steps = linesMatching(/IG lead:\*\*[^\n]*72 hours/);
    expect(steps.length).toBeGreaterThanOrEqual(5);
    for (const step of steps) {
      expect(step, step).toMatch(/within 72 hours of becoming aware/);
      expect(step, step).toMatch(/what is known so far and add detail later/);
      expect(step, step).toMatch(/reasons if the report is late/);
      expect(step, step).toMatch(/Data Security and Protection Toolkit incident reporting tool in England/);
    }
  });

  it('N2 crimes are reported to Report Fraud (Action Fraud was replaced on 4 December 2025; same number)', () => {
    const explained = (l: string) => /replaced Action Fraud|outdated-nhs-names|^docs\/(rules|sources)\.md/.test(l);
    expect(linesMatching(/Action Fraud/).filter((l) => !explained(l))).toEqual([]);
    expect(read('plans', 'template.md')).toMatch(/Report a crime to Report Fraud \([^)]*0300 123 2040\)/);
  });

  it('N3 no source or text cites the revoked Prescription Only Medicines Order 1997; emergency supply cites HMR 2012', () => {
    expect(linesMatching(/Medicines (\(Human Use\) )?Order 1997|uksi\/1997\/1830|POM Order/i)).toEqual([]);
    expect(read('schema', 'src', 'sections', '11-prescribing.yaml')).toContain(
      'https://www.legislation.gov.uk/uksi/2012/1916/regulation/224',
    );
  });

  it('N6 emergency supply names the controlled-drug limits (no Schedule 1-3 except phenobarbital; Schedule 4-5 at most 5 days)', () => {
    expect(linesMatching(/most controlled drugs/i)).toEqual([]);
    const urgentSupply = linesMatching(/refer them to a community pharmacy for an urgent supply/);
    expect(urgentSupply.length).toBeGreaterThanOrEqual(5);
    for (const l of urgentSupply)
      expect(l, l).toMatch(
        /Schedule 1, 2 or 3 .*except phenobarbital for epilepsy; at most 5 days of a Schedule 4 or 5/,
      );
    // at the prescriber's request: Schedule 1-3 excluded too, everywhere it is offered
    for (const l of linesMatching(/emergency supply at prescriber request/))
      expect(l, l).toMatch(/Schedule 1, 2 or 3 controlled drugs, except phenobarbital/);
  });

  it("N4 and N10: no retired CCG website, no AI-written vendor page; the ransomware link is NCSC's ransomware guidance", () => {
    expect(linesMatching(/ccg\.nhs\.uk|sorena\.io/i)).toEqual([]);
    const cyber = read('schema', 'src', 'sections', '17-cyber.yaml');
    expect(cyber).toContain('https://www.ncsc.gov.uk/guidance/mitigating-malware-and-ransomware-attacks');
    expect(cyber).not.toContain('https://www.ncsc.gov.uk/section/respond-recover"');
    expect(linesMatching(/ISO 22300/).some((l) => l.includes('https://www.iso.org/'))).toBe(true);
  });

  it('N5 the power row does not claim a DSPT requirement no cited source states', () => {
    expect(linesMatching(/(Toolkit|DSPT)\b[^\n.]*(expects|requires)[^\n.]*(plan to cover|cover it)/i)).toEqual([]);
  });

  it('N7 the MDU is cited for the DSPT route through its England page (the one that says so)', () => {
    const mdu = linesMatching(/themdu\.com\/guidance-and-advice\/guides\/gdpr-data-breaches/);
    expect(mdu.length).toBeGreaterThan(0);
    for (const l of mdu) expect(l, l).toMatch(/gdpr-data-breaches\?Region=England/);
  });

  it('N8 no unsourced superlatives about harms and breaches', () => {
    expect(linesMatching(/\bthe commonest\b|\bthe main harm\b|\bthe most common way\b/i)).toEqual([]);
  });

  it('N9 recommended sections are not said to be expected by NHS guidance under ISO 22301', () => {
    const rule = rules.find((r) => r.id === 'recommended-section')!;
    expect(rule.rationale).not.toMatch(/NHS guidance expects|exemplar/i);
    expect(rule.rationale).toMatch(/ISO 22301, the international standard/);
    expect(rule.sources?.map((s) => s.publisher)).not.toContain('Unattributed (a copy on docsbay.net)');
  });

  it('the SystmOne "offline copy" is not offered as a standard mode, nor assumed in the examples', () => {
    const schema = JSON.parse(read('schema', 'plan.schema.json'));
    const modes: string[] = schema.properties.frontMatter.properties.clinical_system.properties.bc_mode.items.enum;
    expect(modes.filter((m) => /offline|copy/i.test(m))).toEqual([]);
    expect(modes).toContain('supplier-bc-access');
    expect(linesMatching(/systmone-offline|last night's copy|read-only copy|as at the last copy/i)).toEqual([]);
    // a local copy of the records is mentioned only to say not to assume one
    for (const l of linesMatching(/local copy/i)) expect(l, l).toMatch(/no local copy|not assume a local copy/);
  });

  it('the examples name no form codes the printed forms do not carry', () => {
    expect(linesMatching(/\(form [A-Z]{2}\d\)/)).toEqual([]);
  });
});
