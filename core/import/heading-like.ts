/**
 * A paragraph written to be a heading in all but style, as Word documents without heading styles do:
 * short, on one line, and all in bold, in capitals ("TRAINING AND EXERCISING"), or numbered as a
 * heading ("2.7 Loss of Telephone System", "Section 3: Key Contacts", "Appendix A").
 */
import type { Paragraph, PhrasingContent } from 'mdast';
import { toString } from 'mdast-util-to-string';

// The blanks either side of the optional separator are written `\s*(?:sep\s*)?` rather than
// `\s*sep?\s*`: the same strings, but a run of blanks can be split between them only one way.
const NUMBERED =
  /^\s*(?:(?:section|appendix|annex|annexe|part)\s+\w{1,4}\b|[0-9]{1,2}(?:\.[0-9]{1,3}){0,4}\.?\)?)\s*(?:[-\u2013\u2014:.]\s*)?\p{L}/iu;

/** Every word of the line in bold. */
export function isAllBold(line: { children: PhrasingContent[] }): boolean {
  return line.children.every((c) => c.type === 'strong' || (c.type === 'text' && !c.value.trim()));
}

export function isHeadingLike(p: Paragraph): boolean {
  const text = toString(p).trim();
  if (!text || text.length > 120 || text.includes('\n')) return false;
  const words = text.split(/\s+/).length;
  if (words > 12) return false;
  const bold = isAllBold(p);
  const capitals = /\p{Lu}{2}/u.test(text) && !/\p{Ll}/u.test(text);
  return bold || capitals || NUMBERED.test(text);
}
