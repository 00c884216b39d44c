/**
 * Give a practice's document the plan's shape without changing its words: one H1 title, its main
 * headings as H2 sections, the ones below as H3 parts. Headings are mapped to sections by meaning:
 * exact names stay as written, clear matches get `{#id}` so the mapping is written down, likely ones
 * are left for a person (the checker then says which section they look like). Short bold, numbered
 * or capitalised paragraphs that Word documents use as headings become headings when they name a section.
 */
import type { Heading, Paragraph, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Catalogue, SectionDef } from '../schema/catalogue.js';
import { recogniseHeading, type MatchConfidence } from '../schema/heading-match.js';

export interface MappedHeading {
  heading: string;
  depth: number;
  section?: { id: string; title: string };
  confidence: MatchConfidence | 'none' | 'title' | 'duplicate';
  /** A paragraph (bold or numbered) taken as a heading. */
  promoted?: boolean;
}

// The blanks either side of the optional separator are written `\s*(?:sep\s*)?` rather than
// `\s*sep?\s*`: the same strings, but a run of blanks can be split between them only one way.
const NUMBERED =
  /^\s*(?:(?:section|appendix|annex|annexe|part)\s+\w{1,4}\b|[0-9]{1,2}(?:\.[0-9]{1,3}){0,4}\.?\)?)\s*(?:[-\u2013\u2014:.]\s*)?\p{L}/iu;

function isHeadingLike(p: Paragraph): boolean {
  const text = toString(p).trim();
  if (!text || text.length > 120 || text.includes('\n')) return false;
  const words = text.split(/\s+/).length;
  if (words > 12) return false;
  const bold = p.children.every((c) => c.type === 'strong' || (c.type === 'text' && !c.value.trim()));
  // "TRAINING AND EXERCISING": a heading in capitals, as older templates write them.
  const capitals = /\p{Lu}{2}/u.test(text) && !/\p{Ll}/u.test(text);
  return bold || capitals || NUMBERED.test(text);
}

export function mapHeadings(tree: Root, catalogue: Catalogue, practiceName?: string): MappedHeading[] {
  const sections = catalogue.sections;
  const children = tree.children;
  // 1. Paragraphs that are headings in all but style.
  const promoted = new Set<Heading>();
  for (let i = 0; i < children.length; i++) {
    const node = children[i];
    if (node.type !== 'paragraph' || !isHeadingLike(node)) continue;
    const text = toString(node).trim();
    if (!recogniseHeading(text, sections)) continue;
    const heading: Heading = {
      type: 'heading',
      depth: 2,
      children: [{ type: 'text', value: text }],
      position: node.position,
    };
    children[i] = heading;
    promoted.add(heading);
  }
  // 2. The title: a single H1 at the top that is not itself a section; otherwise one is written.
  let headings = children.filter((n): n is Heading => n.type === 'heading');
  const h1s = headings.filter((h) => h.depth === 1 && !promoted.has(h));
  let title: Heading | undefined;
  if (h1s.length === 1 && headings[0] === h1s[0] && !recogniseHeading(toString(h1s[0]), sections)) title = h1s[0];
  if (!title) {
    title = {
      type: 'heading',
      depth: 1,
      children: [
        { type: 'text', value: `${practiceName ? `${practiceName}: ` : ''}IT outage business continuity plan` },
      ],
    };
    children.splice(children[0]?.type === 'yaml' ? 1 : 0, 0, title);
    headings = children.filter((n): n is Heading => n.type === 'heading');
  }
  // 3. Levels: the document's top heading level becomes H2; promoted paragraphs are sections.
  const rest = headings.filter((h) => h !== title);
  const written = rest.filter((h) => !promoted.has(h)).map((h) => h.depth);
  const top = written.length ? Math.min(...written) : 2;
  for (const h of rest) h.depth = (promoted.has(h) ? 2 : Math.min(6, h.depth - top + 2)) as Heading['depth'];
  // 4. A part that clearly is a section of its own (a "1.8 Staff Roles" under "1 Introduction") becomes one.
  let parent: SectionDef | undefined;
  for (const h of rest) {
    const text = toString(h).trim();
    if (h.depth === 2) {
      const m = recogniseHeading(text, sections);
      parent = m && m.confidence !== 'likely' ? m.def : undefined;
      continue;
    }
    if (h.depth !== 3) continue;
    if (parent && recogniseHeading(text, parent.subsections)) continue;
    const m = recogniseHeading(text, sections);
    if (m && m.confidence !== 'likely' && m.def.id !== parent?.id) {
      h.depth = 2;
      parent = m.def;
    }
  }
  // 5. Write the mapping down and report it.
  const used = new Set<string>();
  const mapped: MappedHeading[] = [{ heading: toString(title).trim(), depth: 1, confidence: 'title' }];
  for (const h of rest) {
    const text = toString(h).trim();
    if (h.depth > 3) continue;
    if (h.depth === 3) {
      mapped.push({ heading: text, depth: 3, confidence: 'none', ...(promoted.has(h) ? { promoted: true } : {}) });
      continue;
    }
    const m = recogniseHeading(text, sections);
    const entry: MappedHeading = {
      heading: text,
      depth: 2,
      confidence: m ? m.confidence : 'none',
      ...(promoted.has(h) ? { promoted: true } : {}),
    };
    if (m) entry.section = { id: m.def.id, title: m.def.title };
    if (m && m.confidence !== 'likely') {
      if (used.has(m.def.id)) entry.confidence = 'duplicate';
      else {
        used.add(m.def.id);
        if (m.confidence === 'clear') h.children.push({ type: 'text', value: ` {#${m.def.id}}` });
      }
    }
    mapped.push(entry);
  }
  return mapped;
}
