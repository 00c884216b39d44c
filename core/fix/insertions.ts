/**
 * Where and how to insert what is missing, as minimal text edits that never touch the user's words.
 */
import type { Fix } from '../diagnostic.js';
import type { PlanDocument } from '../model/plan-document.js';
import { FRONT_MATTER_POINTER, isAtOrBelow, segmentsOf, type ModelPointer } from '../model/model-pointer.js';
import { frontMatterInsertEdit } from './front-matter-edit.js';
import type { SectionDef } from '../schema/catalogue.js';
import { eolOf } from '../input/line-ends.js';

function withEol(s: string, eol: string): string {
  return s.replace(/\r?\n/g, eol);
}

/** Insert a whole missing H2 section from the schema's template, before the next section in catalogue order. */
export function insertSectionFix(doc: PlanDocument, def: SectionDef): Fix {
  const eol = eolOf(doc.text);
  const body = (def.template ?? `${def.write ?? ''}`).trimEnd();
  const block = `## ${def.title}${eol}${eol}${withEol(body, eol)}${eol}`;
  const next = doc.headings.find((h) => {
    if (h.depth !== 2 || h.duplicate) return false;
    const other = doc.catalogue.byId.get(h.id);
    return other !== undefined && other.order > def.order;
  });
  if (next) {
    return {
      title: `Insert the '${def.title}' section`,
      safe: false,
      edits: [{ start: next.range.start.offset, end: next.range.start.offset, text: block + eol }],
    };
  }
  const end = doc.text.length;
  const t = doc.text;
  const lead = t.length === 0 || /(\r?\n){2}$/.test(t) ? '' : /\r?\n$/.test(t) ? eol : eol + eol;
  return { title: `Insert the '${def.title}' section`, safe: false, edits: [{ start: end, end, text: lead + block }] };
}

/** Insert a missing H3 part at the end of its section. */
export function insertSubsectionFix(doc: PlanDocument, sectionId: string, def: SectionDef): Fix | undefined {
  const heading = doc.headings.find((h) => h.depth === 2 && h.id === sectionId && !h.duplicate);
  if (!heading) return undefined;
  const eol = eolOf(doc.text);
  const body = (def.template ?? '').trimEnd();
  const text = `${eol}${eol}### ${def.title}${eol}${eol}${withEol(body, eol)}`.trimEnd();
  return {
    title: `Insert the '${def.title}' part`,
    safe: false,
    edits: [{ start: heading.endOffset, end: heading.endOffset, text }],
  };
}

/**
 * Add a missing front-matter field, with the schema's default when it has one: a proved insert into
 * the mapping as the practice wrote it (block or flow, any layout), or no fix when that cannot be done.
 */
export function insertFieldFix(
  doc: PlanDocument,
  parentPointer: ModelPointer,
  key: string,
  value: unknown,
  safe: boolean,
): Fix | undefined {
  if (!isAtOrBelow(parentPointer, FRONT_MATTER_POINTER)) return undefined;
  const parent = segmentsOf(parentPointer)
    .slice(1)
    .map((s) => (/^[0-9]+$/.test(s) ? Number(s) : s));
  const edit = frontMatterInsertEdit(doc, { parent, key, value });
  if (!edit) return undefined;
  const title = parentPointer === FRONT_MATTER_POINTER ? `Add '${key}' to the front matter` : `Add '${key}'`;
  return { title, safe, edits: [edit] };
}

/** Append a mandatory row to a table, with the row's label and empty cells for the rest. */
export function insertRowFix(
  doc: PlanDocument,
  tablePointer: ModelPointer,
  columns: string[],
  row: Record<string, string>,
  title: string,
): Fix | undefined {
  const entry = doc.sourceMap.get(tablePointer);
  if (!entry) return undefined;
  const eol = eolOf(doc.text);
  const cells = columns.map((c) => row[c] ?? '');
  const at = entry.range.end.offset;
  return {
    title: `Add a row for the ${title}`,
    safe: false,
    edits: [{ start: at, end: at, text: `${eol}| ${cells.join(' | ')} |` }],
  };
}

/**
 * Add a missing column at the right-hand end of a table: its header, the delimiter and an empty cell
 * in every row. Only appends at line ends, so no cell the user wrote is touched.
 */
export function insertColumnFix(doc: PlanDocument, tablePointer: ModelPointer, title: string): Fix | undefined {
  const entry = doc.sourceMap.get(tablePointer);
  if (!entry) return undefined;
  const edits: Fix['edits'] = [];
  const { start, end } = entry.range;
  for (let line = start.line; line <= end.line; line++) {
    const range = doc.lines.lineRange(line);
    const text = doc.text.slice(range.start.offset, range.end.offset).replace(/\r$/, '');
    const trimmed = text.trimEnd();
    if (!trimmed.includes('|')) continue;
    const at = range.start.offset + trimmed.length;
    const cell = line === start.line ? ` ${title} ` : line === start.line + 1 ? ' --- ' : '  ';
    edits.push({ start: at, end: at, text: trimmed.endsWith('|') ? `${cell}|` : ` |${cell}` });
  }
  return edits.length ? { title: `Add a '${title}' column`, safe: false, edits } : undefined;
}
