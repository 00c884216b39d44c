/**
 * The plan details form's server side. `detailsFormOf` gives the form what it is generated from: the
 * schema's front-matter definition, the plan's values and the problems on each field. `setDetail`
 * changes one value with the `yaml` library's document API, so comments, key order, quoting and the
 * user's layout survive, and returns the smallest text edit that makes the change.
 */
import { isMap, isScalar, isSeq, parseDocument, type Document } from 'yaml';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from '../../core/index.js';
import type { PlanDocument } from '../../core/index.js';
import { segmentsOf } from '../../core/index.js';
import type { JsonSchema } from '../../core/index.js';
import type { DetailsFormResult, EditResult, SetDetailParams } from '../shared/protocol.js';
import { changedRange } from './changed-range.js';

const UNREADABLE =
  "The plan's details (the front matter at the top) cannot be read as they are written. Correct the problem shown on them in the editor, then open the form again.";

/** Keys and indexes the form may address: bounded, and nothing that reaches the prototype. */
function validPath(path: unknown): path is (string | number)[] {
  return (
    Array.isArray(path) &&
    path.length > 0 &&
    path.length <= 8 &&
    path.every(
      (p) =>
        (typeof p === 'number' && Number.isInteger(p) && p >= 0 && p < 10_000) ||
        (typeof p === 'string' && /^[A-Za-z_][\w-]{0,100}$/.test(p) && p !== '__proto__'),
    )
  );
}

/** The deepest front-matter pointer whose source range holds `offset`, as a path joined with '/'. */
function fieldAt(doc: PlanDocument, offset: number): string {
  let best: { key: string; size: number } | undefined;
  for (const [pointer, entry] of doc.sourceMap) {
    if (!pointer.startsWith('/frontMatter/')) continue;
    const { start, end } = entry.range;
    if (offset < start.offset || offset > end.offset) continue;
    const size = end.offset - start.offset;
    if (!best || size < best.size) best = { key: segmentsOf(pointer).slice(1).join('/'), size };
  }
  return best?.key ?? '';
}

/** A form value is a short text or a small row of them; anything bigger is not from the form. */
function tooBig(value: unknown): boolean {
  try {
    return JSON.stringify(value).length > 10_000;
  } catch {
    return true;
  }
}

export function detailsFormOf(doc: PlanDocument, diagnostics: Diagnostic[], version: number): DetailsFormResult {
  const fm = doc.frontMatter;
  if (!fm || fm.problems.length > 0)
    return {
      ok: false,
      message: fm
        ? UNREADABLE
        : 'The plan has no details block (front matter) at the top yet. Use the light bulb on line 1 to insert it, then open the form again.',
    };
  const end = yamlRegion(doc)?.end ?? 0;
  const problems: Record<string, string[]> = {};
  for (const d of diagnostics) {
    if (d.file !== undefined || d.range.start.offset >= end) continue;
    const key = fieldAt(doc, d.range.start.offset);
    (problems[key] ??= []).push(d.message);
  }
  return { ok: true, schema: doc.catalogue.frontMatterSchema as JsonSchema, values: fm.data, problems, version };
}

/** The YAML text between the front matter's `---` lines, as offsets in the plan. */
function yamlRegion(doc: PlanDocument): { start: number; end: number } | undefined {
  const fm = doc.frontMatter;
  const node = doc.tree.children[0];
  if (!fm || node?.type !== 'yaml' || node.position?.end.offset === undefined) return undefined;
  const closeLineStart = doc.text.lastIndexOf('\n', node.position.end.offset - 1) + 1;
  return { start: fm.valueOffset, end: Math.max(fm.valueOffset, closeLineStart) };
}

function applyToYaml(yaml: Document, p: SetDetailParams): string | undefined {
  const { path, op } = p;
  if (op === 'delete') {
    if (!yaml.hasIn(path)) return undefined;
    yaml.deleteIn(path);
    return 'deleted';
  }
  if (op === 'append') {
    const list = yaml.getIn(path, true);
    if (list !== undefined && !isSeq(list)) return undefined;
    if (list === undefined) yaml.setIn(path, yaml.createNode([p.value]));
    else list.items.push(yaml.createNode(p.value));
    return 'appended';
  }
  const existing = yaml.getIn(path, true);
  if (
    isScalar(existing) &&
    (typeof p.value === 'string' || typeof p.value === 'number' || typeof p.value === 'boolean')
  ) {
    // Keep the node (its quotes and comments); a date typed into a quoted date stays quoted.
    existing.value = p.value;
    return 'set';
  }
  if (isMap(existing) || isSeq(existing)) return undefined; // the form sets leaves, never whole groups
  yaml.setIn(path, p.value);
  return 'set';
}

export function setDetail(doc: PlanDocument, p: SetDetailParams): EditResult {
  if (!validPath(p?.path) || !['set', 'append', 'delete'].includes(p?.op))
    return { ok: false, message: 'The form asked for a change the plan cannot take.' };
  if (p.op !== 'delete' && (p.value === undefined || tooBig(p.value)))
    return { ok: false, message: 'That value is too long for a plan detail.' };
  const region = yamlRegion(doc);
  if (!region || (doc.frontMatter?.problems.length ?? 1) > 0) return { ok: false, message: UNREADABLE };
  const before = doc.text.slice(region.start, region.end);
  const yaml = parseDocument(before, { schema: 'core', keepSourceTokens: false });
  if (yaml.errors.length > 0) return { ok: false, message: UNREADABLE };
  let done: string | undefined;
  try {
    done = applyToYaml(yaml, p);
  } catch {
    done = undefined;
  }
  if (!done) return { ok: false, message: 'That field could not be changed from the form; edit it in the text.' };
  const eol = doc.text.includes('\r\n') ? '\r\n' : '\n';
  // Flow lists as the user writes them: `[a, b]` unless the plan already pads them `[ a, b ]`.
  const padded = /\[ \S/.test(before);
  let after = yaml.toString({ lineWidth: 0, flowCollectionPadding: padded }).replace(/\r?\n/g, eol);
  if (!before.endsWith('\n') && after.endsWith(eol)) after = after.slice(0, -eol.length);
  // The smallest edit: common start and end kept, so the rest of the user's text is not touched.
  let s = 0;
  while (s < before.length && s < after.length && before[s] === after[s]) s++;
  let eb = before.length;
  let ea = after.length;
  while (eb > s && ea > s && before[eb - 1] === after[ea - 1]) {
    eb--;
    ea--;
  }
  if (s === eb && s === ea) return { ok: true, edits: [] };
  const text = TextDocument.create('mem:', 'markdown', 0, doc.text);
  const edit = { start: region.start + s, end: region.start + eb, text: after.slice(s, ea) };
  return {
    ok: true,
    edits: [{ range: { start: text.positionAt(edit.start), end: text.positionAt(edit.end) }, newText: edit.text }],
    reveal: changedRange(doc.text, [edit]),
  };
}
