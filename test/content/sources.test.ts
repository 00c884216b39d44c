// Every requirement says where it comes from: sections carry `x-sources` in the schema, content rules
// carry `sources`, and both reach the generated docs and the editor's hover.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkPlan } from '../../core/check-plan.js';
import { rules } from '../../core/rules/index.js';
import { readSources, sourcesMarkdown } from '../../core/schema/sources.js';
import { hoverAt } from '../../extension/server/hover.js';
import { ROOT, TODAY, cleanPlan } from '../helpers/plans.js';

/** Rules about the file's form rather than a requirement of NHS guidance: no source to cite. */
const FORM_RULES = ['front-matter', 'merge-conflict', 'empty-section', 'duplicate-section', 'uk-phone'];

const doc = checkPlan(cleanPlan(), { today: TODAY }).doc!;
const read = (...p: string[]) => readFileSync(join(ROOT, ...p), 'utf8');

describe('sources on every requirement', () => {
  it('every section of the schema names at least one source, each with a title and a web address', () => {
    expect(doc.catalogue.sections.length).toBeGreaterThan(20);
    for (const section of doc.catalogue.sections) {
      expect(section.sources.length, section.id).toBeGreaterThan(0);
      for (const s of section.sources) {
        expect(s.title.length, section.id).toBeGreaterThan(10);
        expect(s.url, section.id).toMatch(/^https?:\/\/[a-z0-9.-]+\.[a-z]{2,}\//);
      }
    }
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

  it('malformed x-sources (from an ICB extension) are ignored, not shown', () => {
    expect(
      readSources([
        { title: 'ok', url: 'https://example.nhs.uk/' },
        { title: 'no url' },
        'text',
        { title: 'js', url: 'javascript:alert(1)' },
      ]),
    ).toEqual([{ title: 'ok', url: 'https://example.nhs.uk/' }]);
    expect(readSources('not a list')).toEqual([]);
    expect(sourcesMarkdown([{ title: 'A [b]', url: 'https://x.nhs.uk/a (b)' }])).toBe(
      'Sources: [A \\[b\\]](https://x.nhs.uk/a%20%28b%29)',
    );
  });
});
