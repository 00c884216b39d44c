// Every requirement says where it comes from: sections carry `x-sources` in the schema, content rules
// carry `sources`, and both reach the generated docs and the editor's hover.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkPlan } from '../../core/check-plan.js';
import { rules } from '../../core/rules/index.js';
import { readSources, sourceLink, sourcesMarkdown, type Source } from '../../core/schema/sources.js';
import type { SectionDef } from '../../core/schema/catalogue.js';
import { hoverAt } from '../../extension/server/hover.js';
import { ROOT, TODAY, cleanPlan } from '../helpers/plans.js';

/** Rules about the file's form rather than a requirement of NHS guidance: no source to cite. */
const FORM_RULES = ['front-matter', 'merge-conflict', 'empty-section', 'duplicate-section', 'uk-phone'];

const doc = checkPlan(cleanPlan(), { today: TODAY }).doc!;
const read = (...p: string[]) => readFileSync(join(ROOT, ...p), 'utf8');

describe('sources on every requirement', () => {
  /** Every source the schema cites anywhere (sections, parts, tables, columns, mandatory rows) and every rule's. */
  function allSources(): { where: string; source: Source }[] {
    const out: { where: string; source: Source }[] = [];
    const visit = (where: string, def: SectionDef) => {
      for (const source of def.sources) out.push({ where, source });
      for (const t of def.tables)
        for (const g of [t, ...t.columns, ...t.mandatoryRows])
          for (const source of g.sources) out.push({ where, source });
      for (const sub of def.subsections) visit(`${where}/${sub.id}`, sub);
    };
    for (const def of doc.catalogue.sections) visit(def.id, def);
    for (const rule of rules) for (const source of rule.sources ?? []) out.push({ where: `rule ${rule.id}`, source });
    return out;
  }

  it('every section of the schema names at least one source', () => {
    expect(doc.catalogue.sections.length).toBeGreaterThan(20);
    for (const section of doc.catalogue.sections) expect(section.sources.length, section.id).toBeGreaterThan(0);
  });

  it('every source, in the schema sources and in the rules, has a title, an https address and a publisher', () => {
    const raw = [
      ...readdirSync(join(ROOT, 'schema', 'src', 'sections')).map((f) => read('schema', 'src', 'sections', f)),
      read('schema', 'src', 'plan.schema.yaml'),
    ].join('\n');
    // as written, not as read: a source missing its publisher must fail here, not be filled in from its host
    const written = raw.split('\n').filter((l) => /^\s*- \{ title: /.test(l));
    expect(written.length).toBeGreaterThan(50);
    for (const line of written) expect(line, line).toMatch(/, publisher: "[^"]{3,}", url: "https:\/\//);
    const found = allSources();
    for (const { where, source } of found) {
      expect(source.title.length, where).toBeGreaterThan(10);
      expect(source.url, where).toMatch(/^https:\/\/[a-z0-9.-]+\.[a-z]{2,}\//);
      expect(source.publisher.length, where).toBeGreaterThan(2);
      expect(source.publisher, `${where}: ${source.url}`).not.toMatch(/^[a-z0-9.-]+\.[a-z]{2,}$/);
    }
  });

  it("no source is a retired body's website, an AI-written vendor page or revoked legislation", () => {
    for (const { where, source } of allSources()) {
      // CCGs were abolished on 1 July 2022: their websites are not a current source
      expect(source.url, where).not.toMatch(/ccg\.nhs\.uk/i);
      expect(source.url, where).not.toMatch(/sorena\.io/);
      // the Prescription Only Medicines Order 1997 was revoked by the Human Medicines Regulations 2012
      expect(source.url, where).not.toMatch(/uksi\/1997\/1830/);
      expect(source.title, where).not.toMatch(/Prescription Only Medicines .*Order 1997/);
    }
  });

  it('one address, one source: the same document has the same title and publisher wherever it is cited', () => {
    const byUrl = new Map<string, Set<string>>();
    for (const { source } of allSources())
      byUrl.set(source.url, (byUrl.get(source.url) ?? new Set()).add(`${source.title} | ${source.publisher}`));
    expect(
      [...byUrl].filter(([, names]) => names.size > 1).map(([url, names]) => `${url}: ${[...names].join(' / ')}`),
    ).toEqual([]);
  });

  it('docs/sources.md lists every source under its publisher, with what it is cited for', () => {
    const page = read('docs', 'sources.md');
    const sections = page.split(/^## /m).slice(1);
    const publisherOf = new Map(sections.map((s) => [s.slice(0, s.indexOf('\n')), s]));
    for (const { where, source } of allSources()) {
      const section = publisherOf.get(source.publisher);
      expect(section, `${where}: ${source.publisher}`).toBeDefined();
      expect(section, where).toContain(`- ${sourceLink(source)}: cited for `);
    }
    expect(page).toContain('[Prescribing fallback](plan-format.md#prescribing)');
    expect(page).toContain('rule [`recovery-time`](rules.md#recovery-time)');
  });

  it('every content rule names its sources; only rules about the file itself do not', () => {
    for (const rule of rules) {
      if (FORM_RULES.includes(rule.id)) continue;
      expect(rule.sources?.length ?? 0, rule.id).toBeGreaterThan(0);
    }
    expect(rules.map((r) => r.id)).toEqual(expect.arrayContaining(FORM_RULES));
  });

  it("the generated docs show each section's and each content rule's sources", () => {
    const format = read('docs', 'plan-format.md');
    for (const section of doc.catalogue.sections)
      expect(format, section.id).toContain(sourcesMarkdown(section.sources));
    const ruleDocs = read('docs', 'rules.md');
    for (const rule of rules)
      if (rule.sources?.length) expect(ruleDocs, rule.id).toContain(sourcesMarkdown(rule.sources));
  });

  it('hover on a section heading, and on a part of it, shows the sources', () => {
    const heading = doc.headings.find((h) => h.depth === 2 && h.id === 'prescribing')!;
    const hover = hoverAt(doc, heading.range.start.offset + 3, { line: heading.range.start.line - 1, character: 3 });
    const text = (hover!.contents as { value: string }).value;
    expect(text).toContain('Sources: [Human Medicines Regulations 2012, regulation 225');
    const part = doc.headings.find((h) => h.depth === 3 && h.parentId === 'prescribing' && h.id === 'repeat')!;
    const partHover = hoverAt(doc, part.range.start.offset + 4, { line: part.range.start.line - 1, character: 4 });
    expect((partHover!.contents as { value: string }).value).toContain('Sources: [');
  });

  it('malformed x-sources (from an ICB extension) are ignored, not shown; a missing publisher is shown as the host', () => {
    expect(
      readSources([
        { title: 'ok', url: 'https://example.nhs.uk/page', publisher: 'NHS Example ICB' },
        { title: 'no publisher', url: 'https://example.nhs.uk/other' },
        { title: 'no url' },
        'text',
        { title: 'js', url: 'javascript:alert(1)' },
        { title: 'plain http', url: 'http://example.nhs.uk/' },
      ]),
    ).toEqual([
      { title: 'ok', url: 'https://example.nhs.uk/page', publisher: 'NHS Example ICB' },
      { title: 'no publisher', url: 'https://example.nhs.uk/other', publisher: 'example.nhs.uk' },
    ]);
    expect(readSources('not a list')).toEqual([]);
    expect(sourcesMarkdown([{ title: 'A [b]', url: 'https://x.nhs.uk/a (b)', publisher: 'X' }])).toBe(
      'Sources: [A \\[b\\]](https://x.nhs.uk/a%20%28b%29)',
    );
  });
});
