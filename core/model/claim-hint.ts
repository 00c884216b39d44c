/**
 * How a practice uses its own heading for a section the tools did not recognise: `{#id}` at the end
 * of the heading. Shared by the likely-section rule, the missing-section messages and import.
 */
import type { TextEdit } from '../diagnostic.js';
import type { HeadingInfo, PlanDocument } from './plan-document.js';

/** The H2 heading that probably is this section, if one was found and nothing else claimed it. */
export function likelyHeadingFor(doc: PlanDocument, sectionId: string): HeadingInfo | undefined {
  return doc.headings.find((h) => h.depth === 2 && !h.known && h.likely?.id === sectionId);
}

/** The sentence every "no such section" message ends with. */
export function claimHint(doc: PlanDocument, def: { id: string; title: string }): string {
  const likely = likelyHeadingFor(doc, def.id);
  if (likely) {
    return `The heading '${likely.text}' on line ${likely.range.start.line} looks like it: if it is, add {#${def.id}} to the end of that heading ('## ${likely.text} {#${def.id}}').`;
  }
  return `If the plan already covers this under a heading of its own, add {#${def.id}} to the end of that heading (for example '## Our own heading {#${def.id}}') instead of adding a new section.`;
}

/**
 * Where /(?:\s+#+)?\s*$/ first matches in a heading line: before the blanks that lead a closing run
 * of #s, or else before the trailing blanks. Found with trimEnd and a scan back, as the regular
 * expression retried from every position backtracks quadratically on a long run of blanks.
 */
function closingStart(line: string): number {
  const end = line.trimEnd().length;
  let hashes = end;
  while (hashes > 0 && line[hashes - 1] === '#') hashes--;
  if (hashes === end || hashes === 0 || line[hashes - 1].trim() !== '') return end;
  let blanks = hashes;
  while (blanks > 0 && line[blanks - 1].trim() === '') blanks--;
  return blanks;
}

/** Insert ` {#id}` at the end of a heading's text (before any closing #s), never touching its words. */
export function claimEdit(doc: PlanDocument, heading: HeadingInfo, id: string): TextEdit {
  const lineStart = heading.range.start.offset;
  const nl = doc.text.indexOf('\n', lineStart);
  const lineEnd = nl === -1 ? doc.text.length : nl;
  const line = doc.text.slice(lineStart, lineEnd).replace(/\r$/, '');
  // "## Contacts ##": the tag goes before the closing sequence, which must stay last to be one.
  const at = lineStart + closingStart(line);
  return { start: at, end: at, text: ` {#${id}}` };
}
