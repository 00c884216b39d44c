/**
 * Give a practice's document the plan's shape without changing its words: one H1 title, its main
 * headings as H2 sections, the ones below as H3 parts. Headings are mapped to sections by meaning:
 * exact names stay as written, clear matches get `{#id}` so the mapping is written down, likely ones
 * are left for a person (the checker then says which section they look like). Short bold, numbered
 * or capitalised paragraphs that Word documents use as headings become headings when they name a
 * section and have something under them.
 *
 * Never a section with nothing in it: the cover's lines (title-block.ts) stay lines under the title;
 * a heading with nothing under it that names no section stays as a line in bold (so it blocks no
 * draft and cannot be "empty"); a chapter with no words of its own ("3 Incident Response") whose
 * parts are sections becomes a line in bold above them, its parts sections; and a part is lifted out
 * of its section ("1.8 Staff Roles" under "1 Introduction") only when the section keeps words of its own.
 */
import type { Heading, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Catalogue, SectionDef } from '../schema/catalogue.js';
import { recogniseHeading, type HeadingMatch, type MatchConfidence } from '../schema/heading-match.js';
import { isAllBold, isHeadingLike } from './heading-like.js';
import { isContentsLine, type TitleBlock } from './title-block.js';

export interface MappedHeading {
  heading: string;
  depth: number;
  section?: { id: string; title: string };
  /**
   * How the heading was taken: a section (exact, clear), likely one, none, the title, a second copy,
   * a cover line kept under the title, a line kept in bold (nothing under it, or a chapter whose parts
   * are sections), or a part that looks like another section but is all its section has.
   */
  confidence: MatchConfidence | 'none' | 'title' | 'duplicate' | 'cover' | 'line' | 'chapter' | 'part';
  /** A paragraph (bold or numbered) taken as a heading. */
  promoted?: boolean;
  /** For a part kept in its section: the section it belongs to. */
  parent?: string;
}

/** A heading's words as a paragraph in bold: kept, never a section. */
function asBoldLine(heading: Heading | Paragraph): Paragraph {
  const children: PhrasingContent[] = isAllBold(heading)
    ? heading.children
    : [{ type: 'strong', children: heading.children }];
  return { type: 'paragraph', children, position: heading.position };
}

function isSection(match: HeadingMatch<SectionDef> | undefined): match is HeadingMatch<SectionDef> {
  return !!match && match.confidence !== 'likely';
}

export function mapHeadings(
  tree: Root,
  catalogue: Catalogue,
  cover: TitleBlock,
  practiceName?: string,
): MappedHeading[] {
  const sections = catalogue.sections;
  const children = tree.children;
  // Headings kept as lines, by the line they became: reported where they stand.
  const lines = new Map<RootContent, MappedHeading>();

  // 1. The cover: its title line is the plan's title; its other headings stay lines under it.
  let title: Heading;
  if (cover.title) {
    const line = children[cover.title.index] as Heading | Paragraph;
    // A line all in bold is a heading by its place: the bold goes.
    const bold = line.type === 'paragraph' && isAllBold(line);
    const words = bold ? line.children.flatMap((c) => (c.type === 'strong' ? c.children : [])) : line.children;
    title = { type: 'heading', depth: 1, children: words, position: line.position };
    children[cover.title.index] = title;
  } else {
    const name = practiceName && !practiceName.includes('{{') ? `${practiceName}: ` : '';
    title = {
      type: 'heading',
      depth: 1,
      children: [{ type: 'text', value: `${name}IT outage business continuity plan` }],
    };
    children.splice(children[0]?.type === 'yaml' ? 1 : 0, 0, title);
  }
  const coverEnd = cover.end + (cover.title ? 0 : 1);
  for (let i = 0; i < coverEnd; i++) {
    const node = children[i];
    if (node.type !== 'heading' || node === title) continue;
    children[i] = asBoldLine(node);
    lines.set(children[i], { heading: toString(node).trim(), depth: 2, confidence: 'cover' });
  }

  // 2. After the cover, paragraphs that are headings in all but style, when they name a section and
  //    have something under them (from the end, so a line's next line is already decided).
  const promoted = new Set<Heading>();
  for (let i = children.length - 1; i >= coverEnd; i--) {
    const node = children[i];
    if (node.type !== 'paragraph' || !isHeadingLike(node) || isContentsLine(node)) continue;
    const next = children[i + 1];
    if (!next || next.type === 'heading') continue;
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

  // 3. Levels: the document's top heading level becomes H2; promoted paragraphs are sections.
  const headingsAfterCover = () =>
    children.slice(coverEnd).filter((n): n is Heading => n.type === 'heading' && n !== title);
  let top = 6;
  for (const h of headingsAfterCover()) if (!promoted.has(h)) top = Math.min(top, h.depth);
  for (const h of headingsAfterCover())
    h.depth = (promoted.has(h) ? 2 : Math.min(6, h.depth - top + 2)) as Heading['depth'];

  // 4. Sections that would hold nothing, chapters, and parts that are sections of their own.
  const parts = new Map<Heading, string>();
  shapeSections(children, coverEnd, sections, lines, parts);

  // 5. Write the mapping down and report it, in the document's order.
  const mapped: MappedHeading[] = [];
  const used = new Set<string>();
  for (const h of children) {
    const line = lines.get(h);
    if (line) mapped.push(line);
    if (h.type !== 'heading') continue;
    if (h === title) {
      mapped.push({ heading: toString(title).trim(), depth: 1, confidence: 'title' });
      continue;
    }
    const text = toString(h).trim();
    if (h.depth > 3) continue;
    if (h.depth === 3) {
      const parent = parts.get(h);
      const entry: MappedHeading = {
        heading: text,
        depth: 3,
        confidence: 'none',
        ...(promoted.has(h) ? { promoted: true } : {}),
      };
      if (parent) {
        const m = recogniseHeading(text, sections)!;
        Object.assign(entry, { confidence: 'part', section: { id: m.def.id, title: m.def.title }, parent });
      }
      mapped.push(entry);
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
    if (isSection(m)) {
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

/** Does anything but headings lie between children[from] and the next heading? */
function hasOwnWords(children: RootContent[], from: number): boolean {
  for (let i = from + 1; i < children.length; i++) {
    const n = children[i];
    if (n.type === 'heading') return false;
    if (n.type !== 'html') return true;
  }
  return false;
}

/**
 * Step 4 of mapHeadings, section by section (each H2 with its H3 parts). `parts` receives the parts
 * kept in their section though they look like another one, for the report.
 */
function shapeSections(
  children: RootContent[],
  from: number,
  sections: SectionDef[],
  lines: Map<RootContent, MappedHeading>,
  parts: Map<Heading, string>,
): void {
  for (let i = from; i < children.length; i++) {
    const node = children[i];
    if (node.type !== 'heading' || node.depth !== 2) continue;
    // The section's parts: its H3 headings, up to the next H2.
    const own = hasOwnWords(children, i);
    const subs: number[] = [];
    for (let j = i + 1; j < children.length; j++) {
      const n = children[j];
      if (n.type === 'heading' && n.depth <= 2) break;
      if (n.type === 'heading' && n.depth === 3) subs.push(j);
    }
    const text = toString(node).trim();
    const match = recogniseHeading(text, sections);
    const section = isSection(match) ? match.def : undefined;
    const isOtherSection = (j: number) => {
      const partText = toString(children[j]).trim();
      if (section && recogniseHeading(partText, section.subsections)) return false;
      const m = recogniseHeading(partText, sections);
      return isSection(m) && m.def.id !== section?.id;
    };
    if (!section && !own) {
      // Names no section and says nothing itself: a line in bold, never an empty section. A chapter
      // whose parts are sections hands them up a level (and everything below them with them).
      const chapter = subs.some(isOtherSection);
      if (subs.length > 0 && !chapter) continue;
      children[i] = asBoldLine(node);
      lines.set(children[i], { heading: text, depth: 2, confidence: subs.length ? 'chapter' : 'line' });
      if (chapter) {
        for (let j = i + 1; j < children.length; j++) {
          const n = children[j];
          if (n.type === 'heading' && n.depth <= 2) break;
          if (n.type === 'heading') n.depth = (n.depth - 1) as Heading['depth'];
        }
      }
      continue;
    }
    // A part that is a section of its own is lifted only if its section keeps words: its own, or a
    // part before it that stays. Lifted, it takes the parts after it along (they follow it in the text).
    for (const [k, j] of subs.entries()) {
      if (!isOtherSection(j)) continue;
      const keeps = own || k > 0;
      const part = children[j] as Heading;
      if (keeps) {
        part.depth = 2;
        break;
      }
      parts.set(part, text);
    }
  }
}
