/**
 * A front-matter group written empty (`icb: {}`, or `telephony:` with nothing under it) filled in
 * with its full shape: every field to fill in, under the key (or inside the brackets of `{}`). Only
 * inserts: nothing the practice wrote is replaced.
 */
import type { Fix, TextEdit } from '../diagnostic.js';
import type { PlanDocument } from '../model/plan-document.js';
import { frontMatterPointer } from '../model/model-pointer.js';
import type { JsonSchema } from '../schema/catalogue.js';
import { skeletonValue } from './front-matter-skeleton.js';
import { eolOf } from '../input/line-ends.js';
import { stringify } from 'yaml';
import { provesInserts } from './front-matter-edit.js';

const isBlank = (ch: string | undefined) => ch !== undefined && ch.trim() === '';

/**
 * `key:` alone, or `key: {}` / `key: []` (blanks allowed around the brackets): [line, the blanks after
 * the colon, the opening bracket if any], as /^key:(\s*)(?:(\{|\[)\s*[}\]]\s*)?$/ would give. Read
 * by a scan rather than a pattern built from the key at run time.
 */
function emptyGroupLine(line: string, name: string): [string, string, string | undefined] | undefined {
  if (!line.startsWith(`${name}:`)) return undefined;
  let i = name.length + 1;
  while (isBlank(line[i])) i++;
  const blanks = line.slice(name.length + 1, i);
  if (i === line.length) return [line, blanks, undefined];
  const open = line[i];
  if (open !== '{' && open !== '[') return undefined;
  i++;
  while (isBlank(line[i])) i++;
  if (line[i] !== '}' && line[i] !== ']') return undefined;
  i++;
  while (isBlank(line[i])) i++;
  return i === line.length ? [line, blanks, open] : undefined;
}

/** The edit that writes a top-level group's shape under its key, when the key's line holds nothing else. */
export function groupShapeEdit(doc: PlanDocument, key: string, node: JsonSchema | undefined): TextEdit | undefined {
  const entry = doc.sourceMap.get(frontMatterPointer(key));
  if (!entry || !doc.frontMatter || doc.frontMatter.problems.length > 0) return undefined;
  const lineStart = doc.lines.lineStart((entry.anchor ?? entry.range).start.line);
  const nl = doc.text.indexOf('\n', lineStart);
  const lineEnd = nl === -1 ? doc.text.length : doc.text[nl - 1] === '\r' ? nl - 1 : nl;
  const line = doc.text.slice(lineStart, lineEnd);
  const m = emptyGroupLine(line, key.replace(/[^a-z0-9_]/gi, ''));
  if (!m) return undefined;
  const value = skeletonValue(node, key, key, {});
  if (!value || typeof value !== 'object') return undefined;
  let edit: TextEdit;
  if (m[2]) {
    // `icb: {}`: the fields go inside the brackets (only added, nothing replaced).
    const flow = stringify(value, { collectionStyle: 'flow', lineWidth: 0 }).trim();
    const at = lineStart + key.length + 1 + m[1].length + 1;
    edit = { start: at, end: at, text: ` ${flow.slice(1, -1).trim()} ` };
  } else {
    // `telephony:` with nothing after it: the fields go on the lines under it.
    const eol = eolOf(doc.text);
    const body = stringify(value, { lineWidth: 0 })
      .trimEnd()
      .split('\n')
      .map((l) => `  ${l}`)
      .join(eol);
    edit = { start: lineEnd, end: lineEnd, text: `${eol}${body}` };
  }
  // Offered only when the front matter reads back as before with the group filled in.
  return provesInserts(doc, [edit], [{ parent: [], key, value }]) ? edit : undefined;
}

export function groupShapeFix(doc: PlanDocument, key: string, node: JsonSchema | undefined): Fix | undefined {
  const edit = groupShapeEdit(doc, key, node);
  return edit ? { title: `Write '${key}' with its fields`, safe: false, edits: [edit] } : undefined;
}
