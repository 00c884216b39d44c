/**
 * How a practice says what its own heading is: `{#id}` at the end of the heading when it is that
 * section, `{#not-id}` when it is not. The words for it live here, once, so the likely-section
 * warning, the missing-section messages, `--add-missing` and the import report all say the same.
 */
import type { TextEdit } from '../diagnostic.js';
import type { HeadingInfo, PlanDocument } from './plan-document.js';
import { declineTag } from './explicit-id.js';

/** The H2 heading that probably is this section, if one was found and nothing else claimed it. */
export function likelyHeadingFor(doc: PlanDocument, sectionId: string): HeadingInfo | undefined {
  return doc.headings.find((h) => h.depth === 2 && !h.known && h.likely?.id === sectionId);
}

/**
 * The one instruction for a heading that looks like a section: "if it is, add {#activation} to the end
 * of the heading; if it is not, add {#not-activation} to the end of the heading instead". Every tool
 * that asks uses these words (the import report too), so a practice learns one way.
 */
export function isItThatSection(id: string): string {
  return `if it is, add {#${id}} to the end of the heading; if it is not, add ${declineTag(id)} to the end of the heading instead`;
}

/** What each answer does, with the command that inserts the section's draft. */
export function afterTheAnswer(id: string): string {
  return `With {#${id}} the plan is checked and printed with the heading as that section; with ${declineTag(id)} the tools stop asking, and the section's draft is inserted by its quick fix or by 'continuity lint --fix --add-missing'.`;
}

/** The sentence every "no such section" message ends with. */
export function claimHint(doc: PlanDocument, def: { id: string; title: string }): string {
  const likely = likelyHeadingFor(doc, def.id);
  if (likely) {
    return `The heading '${likely.text}' on line ${likely.range.start.line} looks like it: ${isItThatSection(def.id)}.`;
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
  return tagEdit(doc, heading, `{#${id}}`);
}

/** Insert ` {#not-id}`: the heading is not that section. */
export function declineEdit(doc: PlanDocument, heading: HeadingInfo, id: string): TextEdit {
  return tagEdit(doc, heading, declineTag(id));
}

function tagEdit(doc: PlanDocument, heading: HeadingInfo, tag: string): TextEdit {
  const lineStart = heading.range.start.offset;
  const nl = doc.text.indexOf('\n', lineStart);
  const lineEnd = nl === -1 ? doc.text.length : nl;
  const line = doc.text.slice(lineStart, lineEnd).replace(/\r$/, '');
  // "## Contacts ##": the tag goes before the closing sequence, which must stay last to be one.
  const at = lineStart + closingStart(line);
  return { start: at, end: at, text: ` ${tag}` };
}
