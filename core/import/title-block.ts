/**
 * The top of a practice's document, before its first section: the cover. Plans open with the plan's
 * type as a title, a subtitle or a second title line ("Disaster Recovery Plan (DRP)", "Service
 * Continuity Plan & Risk Assessment"), the practice's name, a version line. None of these lines is a
 * section, however it is styled or whatever words it uses: one becomes the plan's title, the others
 * stay as the practice wrote them, as lines under it. The cover ends where the document starts to say
 * something: at prose, a list or a table, or at a heading that names a section and has words under it.
 */
import type { Heading, Paragraph, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { SectionDef } from '../schema/catalogue.js';
import { recogniseHeading } from '../schema/heading-match.js';
import { isHeadingLike } from './heading-like.js';

export interface CoverLine {
  index: number;
  text: string;
  /** A heading, or a paragraph in bold or capitals: a line written to stand out. */
  prominent: boolean;
}

export interface TitleBlock {
  /** The cover's lines, in order (positions in the root's children). */
  lines: CoverLine[];
  /** The line that is the plan's title: the cover's first heading, else its first prominent line. */
  title?: CoverLine;
  /** Where the cover ends (the first section, or the first words of the plan). */
  end: number;
}

/** Longer than this, a line is the plan speaking, not a cover line. */
const COVER_LINE_WORDS = 15;
/** A cover is a page: more lines than this and the document has started. */
const COVER_LINES = 15;

function isProminent(node: RootContent): boolean {
  return node.type === 'heading' || (node.type === 'paragraph' && isHeadingLike(node));
}

/** "Business Continuity Plan", "IT Outage Business Continuity Plan": the plan's type, never a section. */
const NAMES_THE_PLAN =
  /\b(?:(?:business|service) continuity|continuity plan|disaster recovery|contingency plan|outage plan|emergency plan|bcp)\b/i;

/**
 * Where the plan starts: at a line that names a section (by name or clearly) and has something
 * under it, or at a heading of any name with more under it than cover lines (a list, a table, prose).
 * A line that names the plan's type is the cover's whatever follows it.
 */
function startsPlan(children: RootContent[], i: number, sections: SectionDef[]): boolean {
  const text = toString(children[i]).trim();
  if (NAMES_THE_PLAN.test(text)) return false;
  const match = recogniseHeading(text, sections);
  const named = !!match && match.confidence !== 'likely';
  for (let j = i + 1; j < children.length; j++) {
    const n = children[j];
    if (n.type === 'html' || n.type === 'thematicBreak') continue;
    if (isProminent(n)) return false;
    if (named) return true;
    if (children[i].type === 'heading' && !isCoverLine(n)) return true;
  }
  return false;
}

/** A short paragraph: a cover's kind of line. */
function isCoverLine(node: RootContent): boolean {
  return node.type === 'paragraph' && toString(node).split(/\s+/).length <= COVER_LINE_WORDS;
}

export function findTitleBlock(tree: Root, sections: SectionDef[]): TitleBlock {
  const children = tree.children;
  const lines: CoverLine[] = [];
  let i = children[0]?.type === 'yaml' ? 1 : 0;
  for (; i < children.length && lines.length < COVER_LINES; i++) {
    const node = children[i];
    if (node.type === 'html' || node.type === 'thematicBreak') continue;
    if (node.type !== 'heading' && node.type !== 'paragraph') break;
    const text = toString(node).replace(/\s+/g, ' ').trim();
    if (!text) continue;
    const prominent = isProminent(node);
    if (prominent && startsPlan(children, i, sections)) break;
    if (!prominent && !isCoverLine(node)) break;
    // A contents list is not a cover line (its entries link to the headings).
    if (node.type === 'paragraph' && isContentsLine(node)) break;
    lines.push({ index: i, text, prominent });
  }
  const title = lines.find((l) => children[l.index].type === 'heading') ?? lines.find((l) => l.prominent);
  return { lines, title, end: i };
}

/** "1 Introduction 3": a line of a contents list, a link to a place in the same document. */
export function isContentsLine(node: Paragraph | Heading): boolean {
  return node.children.some((c) => c.type === 'link' && c.url.startsWith('#'));
}
