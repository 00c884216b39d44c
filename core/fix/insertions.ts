/**
 * Where and how to insert what is missing, as minimal text edits that never touch the user's words.
 */
import { stringify } from 'yaml';
import type { Fix } from '../diagnostic.js';
import type { PlanDocument } from '../model/plan-document.js';
import { FRONT_MATTER_POINTER, isBelow, isChildOf, type ModelPointer } from '../model/model-pointer.js';
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

/** Add a missing front-matter field, with the schema's default when it has one. */
export function insertFieldFix(
  doc: PlanDocument,
  parentPointer: ModelPointer,
  key: string,
  value: unknown,
  safe: boolean,
): Fix | undefined {
  const fm = doc.frontMatter;
  if (!fm || fm.problems.length > 0) return undefined;
  const eol = eolOf(doc.text);
  const rendered = stringify({ [key]: value }, { lineWidth: 0 })
    .trimEnd()
    .replace(/\n/g, eol);
  const children = [...doc.sourceMap.entries()].filter(([p]) => isChildOf(p, parentPointer));
  if (parentPointer === FRONT_MATTER_POINTER) {
    // Before the closing `---`.
    const yamlEnd = doc.tree.children[0]?.position?.end.offset ?? 0;
    const closeLineStart = doc.text.lastIndexOf('\n', yamlEnd - 1) + 1;
    return {
      title: `Add '${key}' to the front matter`,
      safe,
      edits: [{ start: closeLineStart, end: closeLineStart, text: rendered + eol }],
    };
  }
  if (children.length === 0) return undefined;
  const first = children.reduce((a, b) =>
    (a[1].anchor ?? a[1].range).start.offset <= (b[1].anchor ?? b[1].range).start.offset ? a : b,
  );
  const indent = ' '.repeat((first[1].anchor ?? first[1].range).start.column - 1);
  if (
    /^\s*-/.test(
      doc.text.slice(
        doc.lines.lineStart((first[1].anchor ?? first[1].range).start.line),
        (first[1].anchor ?? first[1].range).start.offset,
      ),
    )
  ) {
    return undefined; // inside a list item: too easy to get wrong
  }
  // After the last line that belongs to the parent (the deepest descendant's end).
  const lastEnd = [...doc.sourceMap.entries()]
    .filter(([p]) => isBelow(p, parentPointer))
    .reduce((m, [, e]) => Math.max(m, e.range.end.offset), 0);
  const lineEnd = doc.text.indexOf('\n', lastEnd);
  const at = lineEnd === -1 ? doc.text.length : doc.text[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd;
  const lines = rendered
    .split(eol)
    .map((l) => indent + l)
    .join(eol);
  return { title: `Add '${key}'`, safe, edits: [{ start: at, end: at, text: eol + lines }] };
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
