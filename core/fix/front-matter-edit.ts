/**
 * Adding fields to the front matter as the practice wrote it, in any valid YAML: block or flow
 * mappings (`{title: Plan, version: '1'}`), a `...` end marker, comments, anchors, CRLF, quoted keys,
 * fields inside list items. The place for the new text is read from the yaml library's node ranges
 * (never from a guess at the layout), and every edit is proved before it is offered: the front matter
 * is read back and must hold exactly the data it held plus what was inserted. When it would not, the
 * edit is not made and the caller says so: a fix never turns valid front matter into invalid YAML.
 */
import {
  isMap,
  isScalar,
  parseDocument,
  stringify,
  type Document,
  type Node as YamlNode,
  type Pair,
  type YAMLMap,
} from 'yaml';
import type { TextEdit } from '../diagnostic.js';
import type { PlanDocument } from '../model/plan-document.js';
import { eolOf } from '../input/line-ends.js';

export type FieldPath = (string | number)[];

/** One field to add: `key: value` in the mapping at `parent` (`[]` for the top level). */
export interface FieldInsert {
  parent: FieldPath;
  key: string;
  value: unknown;
  /**
   * Where in a block mapping: after the field named here, or at the start with `null`; by default
   * after the last field. A flow mapping always gets it at its end.
   */
  after?: string | null;
}

interface Source {
  /** The YAML between the fences, as written. */
  text: string;
  /** As the checker read it (node ranges are offsets in `text`). */
  yaml: Document;
  /** Where it starts in the plan. */
  offset: number;
  eol: string;
  data: Record<string, unknown>;
}

/** The YAML text of a readable front matter and where it is, or undefined (nothing to edit safely). */
function sourceOf(doc: PlanDocument): Source | undefined {
  const fm = doc.frontMatter;
  const node = doc.tree.children[0];
  if (!fm || fm.problems.length > 0 || !fm.document || !node || node.type !== 'yaml') return undefined;
  const text = node.value;
  if (doc.text.slice(fm.valueOffset, fm.valueOffset + text.length) !== text) return undefined;
  return { text, yaml: fm.document, offset: fm.valueOffset, eol: eolOf(doc.text), data: fm.data };
}

/** The same reading as the front matter's own (model/front-matter.ts), for the proof. */
function read(text: string): { ok: true; data: unknown } | { ok: false } {
  try {
    const d = parseDocument(text, { uniqueKeys: true, prettyErrors: false, schema: 'core', strict: true });
    if (d.errors.length > 0) return { ok: false };
    return { ok: true, data: d.toJS({ maxAliasCount: 100 }) ?? {} };
  } catch {
    return { ok: false };
  }
}

function lineStartAfter(text: string, at: number): number {
  if (at > 0 && text[at - 1] === '\n') return at;
  const nl = text.indexOf('\n', at);
  return nl === -1 ? text.length : nl + 1;
}

function columnOf(text: string, at: number): number {
  return at - (text.lastIndexOf('\n', at - 1) + 1);
}

function flowText(value: unknown): string {
  return stringify(value, { collectionStyle: 'flow', lineWidth: 0 }).trim();
}

function blockLines(key: string, value: unknown, indent: number, eol: string): string {
  const pad = ' '.repeat(indent);
  return stringify({ [key]: value }, { lineWidth: 0 })
    .trimEnd()
    .split('\n')
    .map((l) => pad + l)
    .join(eol);
}

/**
 * The insertions into the YAML text (offsets in `source.text`), from the node ranges, in the order
 * given; inserts at one place keep that order. Undefined when any has no safe place.
 */
function placeInserts(source: Source, inserts: FieldInsert[]): TextEdit[] | undefined {
  const { text, eol, yaml } = source;
  /** Flow mappings already given a field by an earlier insert: the next one needs a comma. */
  const filled = new Set<unknown>();
  const out: TextEdit[] = [];
  for (const ins of inserts) {
    const parent: unknown = ins.parent.length === 0 ? yaml.contents : yaml.getIn(ins.parent, true);
    const edit = parent === null || parent === undefined ? emptyInsert(ins) : mapInsert(parent, ins);
    if (!edit) return undefined;
    out.push(edit);
  }
  return out;

  function emptyInsert(ins: FieldInsert): TextEdit | undefined {
    // An empty front matter (or one of comments only): the fields are its first lines.
    const onlyComments = text.split('\n').every((l) => l.trim() === '' || l.trim().startsWith('#'));
    if (ins.parent.length > 0 || !onlyComments) return undefined;
    const at = text.length;
    const lead = at === 0 || text.endsWith('\n') ? '' : eol;
    return { start: at, end: at, text: `${lead}${blockLines(ins.key, ins.value, 0, eol)}${at === 0 ? eol : ''}` };
  }

  function mapInsert(parent: unknown, ins: FieldInsert): TextEdit | undefined {
    if (!isMap(parent)) return undefined;
    const map = parent as YAMLMap;
    const pairs = map.items as Pair<YamlNode, YamlNode | null>[];
    if (map.flow) {
      const last = pairs[pairs.length - 1];
      const end = last ? (last.value?.range?.[1] ?? last.key?.range?.[1]) : map.range ? map.range[0] + 1 : undefined;
      if (end === undefined) return undefined;
      // The top level written as one flow mapping gets a field per line, indented, to stay readable.
      const comma = last || filled.has(map) ? (ins.parent.length === 0 ? `,${eol}  ` : ', ') : '';
      filled.add(map);
      return { start: end, end, text: `${comma}${ins.key}: ${flowText(ins.value)}` };
    }
    const firstStart = pairs[0]?.key?.range?.[0];
    if (firstStart === undefined) return undefined;
    const indent = columnOf(text, firstStart);
    const line = blockLines(ins.key, ins.value, indent, eol);
    if (ins.after === null) {
      // At the start: before the first field, on its own line (a first field after '- ' keeps its place).
      const lineStart = firstStart - indent;
      if (text.slice(lineStart, firstStart).trim() !== '') return undefined;
      return { start: lineStart, end: lineStart, text: `${line}${eol}` };
    }
    const afterPair =
      (ins.after !== undefined &&
        pairs.find((p) => isScalar(p.key) && String((p.key as { value: unknown }).value) === ins.after)) ||
      pairs[pairs.length - 1];
    const end = afterPair.value?.range?.[1] ?? afterPair.key?.range?.[1];
    if (end === undefined) return undefined;
    const at = lineStartAfter(text, end);
    // The last line of the YAML has no line break of its own (the closing fence's line follows).
    return at === text.length && !text.endsWith('\n')
      ? { start: at, end: at, text: `${eol}${line}` }
      : { start: at, end: at, text: `${line}${eol}` };
  }
}

/** The data the front matter should hold after the inserts: a copy, never the checked plan's own. */
function expectedData(data: Record<string, unknown>, inserts: FieldInsert[]): unknown {
  const copy = structuredClone(data) as Record<string, unknown>;
  for (const ins of inserts) {
    let node: unknown = copy;
    for (const step of ins.parent) node = (node as Record<string | number, unknown> | undefined)?.[step];
    if (!node || typeof node !== 'object' || Array.isArray(node)) return undefined;
    (node as Record<string, unknown>)[ins.key] = ins.value;
  }
  return copy;
}

function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return (
    ka.length === kb.length &&
    ka.every((k) => sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}

/** Apply inserts; several at one place go in the order given. */
function insertInOrder(text: string, edits: TextEdit[]): string | undefined {
  const sorted = edits.map((e, i) => ({ e, i })).sort((a, b) => a.e.start - b.e.start || a.i - b.i);
  let out = '';
  let at = 0;
  for (const { e } of sorted) {
    if (e.start < at || e.end !== e.start) return undefined; // only inserts are proved
    out += text.slice(at, e.start) + e.text;
    at = e.start;
  }
  return out + text.slice(at);
}

/**
 * Are these edits of the plan (inside its front matter) exactly these inserts? The front matter is
 * read back as the checker reads it and compared with what it held plus what was inserted.
 */
export function provesInserts(doc: PlanDocument, edits: TextEdit[], inserts: FieldInsert[]): boolean {
  const source = sourceOf(doc);
  if (!source) return false;
  const end = source.offset + source.text.length;
  const local: TextEdit[] = [];
  for (const e of edits) {
    if (e.start < source.offset || e.end > end) return false;
    local.push({ start: e.start - source.offset, end: e.end - source.offset, text: e.text });
  }
  const next = insertInOrder(source.text, local);
  if (next === undefined) return false;
  const after = read(next);
  const expected = expectedData(source.data, inserts);
  return after.ok && expected !== undefined && sameData(after.data, expected);
}

/**
 * The edits that add these fields to the front matter, proved together (one per insert, in order);
 * undefined when the front matter cannot be read, a place is not a mapping the tools can add to (an
 * alias, a list), or the result would not read back as the same data plus the fields.
 */
export function frontMatterInsertEdits(doc: PlanDocument, inserts: FieldInsert[]): TextEdit[] | undefined {
  const source = sourceOf(doc);
  if (!source || inserts.length === 0) return undefined;
  const local = placeInserts(source, inserts);
  if (!local) return undefined;
  const edits = local.map((e) => ({ start: e.start + source.offset, end: e.end + source.offset, text: e.text }));
  return provesInserts(doc, edits, inserts) ? edits : undefined;
}

/** One field: see frontMatterInsertEdits. */
export function frontMatterInsertEdit(doc: PlanDocument, ins: FieldInsert): TextEdit | undefined {
  return frontMatterInsertEdits(doc, [ins])?.[0];
}
