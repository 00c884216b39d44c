/**
 * Complete a plan: insert every missing required section (and required part of a present section) as
 * a guided draft from the schema's template, at the schema's position, prefilled with what the plan
 * already knows; and the full shape of every missing front-matter field. Only inserts, so no word of
 * the plan is lost; a second run finds nothing missing and changes nothing.
 *
 * The edits are against the text given and never overlap, so an editor can apply them as one edit.
 */
import { nameInLine } from './model/practice-name-in-line.js';
import { checkPlan, type CheckOptions } from './check-plan.js';
import type { TextEdit } from './diagnostic.js';
import type { PlanDocument } from './model/plan-document.js';
import {
  columnPointer,
  readModelPath,
  rowPointer,
  sectionPointer,
  subsectionPointer,
  tablePointer,
  type ModelPointer,
} from './model/model-pointer.js';
import type { SectionModel } from './model/plan-model.js';
import type { JsonSchema, SectionDef, TableDef } from './schema/catalogue.js';
import { likelyColumnFor, recogniseColumn } from './model/column-match.js';
import { insertMandatoryRowFix, insertTableFix, missingRows } from './fix/table-drafts.js';
import { applyEdits } from './fix/apply-edits.js';
import { isItThatSection, likelyHeadingFor } from './model/claim-hint.js';
import { fieldYaml, skeletonValue, type KnownValues } from './fix/front-matter-skeleton.js';
import { frontMatterInsertEdits, type FieldInsert } from './fix/front-matter-edit.js';
import { eolOf } from './input/line-ends.js';
import { groupShapeEdit } from './fix/group-shape-fix.js';
import { addContactFills, knownFills, prefillTemplate } from './fix/prefill.js';

export interface AddMissingOptions extends CheckOptions {
  /** Front-matter values found elsewhere (by `continuity import`), by dotted path: `practice.name`. */
  known?: KnownValues;
  /** Only these section ids (default: every missing required section). */
  only?: string[];
}

export type InsertedKind = 'section' | 'part' | 'table' | 'row' | 'column' | 'front-matter' | 'field';

export interface InsertedItem {
  kind: InsertedKind;
  /**
   * Section id, `section/part`, a table's model pointer (`/sections/roles/tables/roles`), a row's
   * (`.../rows#IG lead`) or a claimed column's (`.../columns/change`), or the front-matter field path.
   */
  id: string;
  title: string;
  /** Where the inserted text is in the new text (0-based offsets, end exclusive). */
  start: number;
  end: number;
}

export interface AddMissingResult {
  text: string;
  /** Against the original text, sorted, non-overlapping. */
  edits: TextEdit[];
  inserted: InsertedItem[];
  /** What could not be inserted safely, in words for a person. */
  notes: string[];
}

interface Pending {
  at: number;
  /** Order among insertions at the same offset. */
  rank: number;
  text: string;
  kind: InsertedKind;
  id: string;
  title: string;
}

/** Guidance as an HTML comment: never printed, never counted as content, and safe for `--`. */
function guidanceComment(def: SectionDef): string {
  const text = [
    `Draft inserted from the template: complete it and replace every {{placeholder}}.`,
    def.description,
    def.write ? `What to write: ${def.write}` : '',
  ]
    .filter(Boolean)
    .join(' ')
    .replace(/-{2,}/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
  return `<!-- ${text} -->`;
}

/**
 * "Riverside Surgery" from "# Riverside Surgery: IT outage business continuity plan", when clear;
 * never a name made of the plan's type ("IT outage" from the tool's own title).
 */
export function practiceNameFromTitle(title: string): string | undefined {
  const t = title.replace(/\s+/g, ' ').trim();
  if (!t || t.includes('{{')) return undefined;
  return nameInLine(t, true);
}

function sectionBlock(def: SectionDef, depth: number, fills: ReturnType<typeof knownFills>, eol: string): string {
  const body = prefillTemplate((def.template ?? '').trim(), fills);
  const hashes = '#'.repeat(depth);
  return [`${hashes} ${def.title}`, '', guidanceComment(def), '', body]
    .filter((l, i, a) => !(l === '' && a[i - 1] === ''))
    .join('\n')
    .trimEnd()
    .replace(/\n/g, eol);
}

export function addMissing(text: string, options: AddMissingOptions = {}): AddMissingResult {
  if (text.startsWith('\uFEFF')) {
    // A byte-order mark stays first: everything is inserted after it.
    const r = addMissingTo(text.slice(1), options);
    return {
      ...r,
      text: '\uFEFF' + r.text,
      edits: r.edits.map((e) => ({ ...e, start: e.start + 1, end: e.end + 1 })),
      inserted: r.inserted.map((i) => ({ ...i, start: i.start + 1, end: i.end + 1 })),
    };
  }
  return addMissingTo(text, options);
}

function addMissingTo(text: string, options: AddMissingOptions): AddMissingResult {
  const own = checkPlan(text, { ...options, shared: false });
  const doc = own.doc;
  if (!doc) return { text, edits: [], inserted: [], notes: ['The plan could not be read, so nothing was inserted.'] };
  const merged = options.path && options.shared !== false ? (checkPlan(text, options).doc ?? doc) : doc;
  const eol = eolOf(text);
  const pending: Pending[] = [];
  const notes: string[] = [];
  const catalogue = doc.catalogue;
  const fmSchema: JsonSchema = catalogue.frontMatterSchema;
  const titleText = doc.titleRange
    ? text.slice(doc.titleRange.start.offset, doc.titleRange.end.offset).replace(/^#+\s*/, '')
    : '';
  const known: KnownValues = { ...(options.known ?? {}) };
  const guessedName = practiceNameFromTitle(titleText);
  if (guessedName && !('practice.name' in known)) known['practice.name'] = guessedName;

  // Front matter: the plan's own (shared content never supplies it).
  const frontMatter = doc.frontMatter;
  const data = frontMatter?.data ?? {};
  const fillsSource: Record<string, unknown> = { ...data };
  if (!frontMatter && /^---[ \t]*\r?\n/.test(text)) {
    // Front matter that is never closed: a second block above it would leave the practice's own
    // details as text. The front-matter message says how to close it.
    notes.push(
      "The front matter that starts on line 1 is never closed, so its missing fields were not added: close it with a line of just '---' after its last field (--fix does this when its last line is '...'), then run this again.",
    );
  } else if (!frontMatter) {
    const yaml = (fmSchema.required ?? [])
      .map((k: string) => fieldYaml(k, fmSchema.properties?.[k], known, eol))
      .join(eol);
    pending.push({
      at: 0,
      rank: -1,
      text: `---${eol}${yaml}${eol}---${eol}${eol}`,
      kind: 'front-matter',
      id: 'front matter',
      title: 'front matter',
    });
    for (const k of fmSchema.required ?? []) fillsSource[k] = skeletonValue(fmSchema.properties?.[k], k, k, known);
  } else if (frontMatter.problems.length > 0) {
    notes.push(
      'The front matter could not be read, so its missing fields were not added: correct it first (see the front-matter message).',
    );
  } else {
    const order = Object.keys(fmSchema.properties ?? {});
    const required: string[] = fmSchema.required ?? [];
    // Fields to add, proved together against the front matter as written (block or flow, `...`,
    // comments): each after the nearest field before it in the schema's order, so the groups read as
    // in the template; a group's missing fields inside it, just after the group.
    const inserts: { ins: FieldInsert; rank: number; id: string; title: string }[] = [];
    for (const key of required) {
      const present = data[key];
      const node = fmSchema.properties?.[key] as JsonSchema | undefined;
      const rank = order.indexOf(key);
      if (present === null) {
        // `telephony:` with nothing under it: its fields go under the key.
        const edit = node?.type === 'object' || node?.type === 'array' ? groupShapeEdit(doc, key, node) : undefined;
        if (edit && edit.start === edit.end) {
          pending.push({ at: edit.start, rank, text: edit.text, kind: 'field', id: key, title: node?.title ?? key });
          fillsSource[key] = skeletonValue(node, key, key, known);
        } else {
          notes.push(
            `The front matter's '${key}' is empty: fill it in as ${fieldYaml(key, node).split('\n').length > 1 ? 'a group of fields' : 'a value'} (see the message on it).`,
          );
        }
        continue;
      }
      if (present === undefined) {
        const before = order
          .slice(0, Math.max(0, rank))
          .reverse()
          .find((b) => b in data);
        const value = skeletonValue(node, key, key, known);
        inserts.push({
          ins: { parent: [], key, value, after: before ?? null },
          rank,
          id: key,
          title: node?.title ?? key,
        });
        fillsSource[key] = value;
        continue;
      }
      // A group that is there but lacks required fields: each with its own shape, inside the group.
      if (node && typeof present === 'object' && !Array.isArray(present) && node.properties) {
        for (const sub of (node.required ?? []) as string[]) {
          if ((present as Record<string, unknown>)[sub] !== undefined) continue;
          const subNode = node.properties[sub] as JsonSchema | undefined;
          const value = skeletonValue(subNode, sub, `${key}.${sub}`, known);
          inserts.push({
            ins: { parent: [key], key: sub, value },
            rank: rank + 0.5,
            id: `${key}.${sub}`,
            title: subNode?.title ?? sub,
          });
        }
      }
    }
    inserts.sort((a, b) => a.rank - b.rank);
    const edits = inserts.length
      ? frontMatterInsertEdits(
          doc,
          inserts.map((i) => i.ins),
        )
      : [];
    if (edits) {
      edits.forEach((e, i) =>
        pending.push({
          at: e.start,
          rank: inserts[i].rank,
          text: e.text,
          kind: 'field',
          id: inserts[i].id,
          title: inserts[i].title,
        }),
      );
    } else {
      notes.push(
        `The front matter's missing fields (${inserts.map((i) => i.id).join(', ')}) were not added: the front matter is written in a way the tools cannot add to without changing what it says. Add them by hand, each on its own line (the template shows them).`,
      );
    }
  }

  // Sections and parts: from the schema's templates, prefilled.
  const fills = knownFills(fillsSource, fmSchema);
  addContactFills(fills, merged.model.sections.contacts?.tables.contacts);
  const present = new Set(Object.keys(merged.model.sections));
  const wanted = options.only ? new Set(options.only) : undefined;
  const h2 = doc.headings.filter((h) => h.depth === 2 && !h.duplicate);
  for (const def of catalogue.sections) {
    if (wanted && !wanted.has(def.id)) continue;
    if (present.has(def.id)) {
      // Required parts missing from a section the plan has itself.
      const heading = h2.find((h) => h.id === def.id);
      const model = doc.model.sections[def.id];
      if (!heading || !model) continue;
      pending.push(...tableDrafts(doc, def, sectionPointer(def.id), model, notes));
      for (const sub of def.subsections) {
        if (sub.id in model.subsections) {
          pending.push(
            ...tableDrafts(
              doc,
              sub,
              subsectionPointer(sectionPointer(def.id), sub.id),
              model.subsections[sub.id],
              notes,
            ),
          );
          continue;
        }
        if (!sub.required) continue;
        const block = sectionBlock(sub, 3, fills, eol);
        pending.push({
          at: heading.endOffset,
          rank: 2000 + sub.order,
          text: `${eol}${eol}${block}`,
          kind: 'part',
          id: `${def.id}/${sub.id}`,
          title: `${def.title}: ${sub.title}`,
        });
      }
      continue;
    }
    if (!def.required && !wanted) continue;
    const likely = likelyHeadingFor(doc, def.id);
    if (likely) {
      // Never a second copy of what the practice probably wrote under its own heading: a person decides.
      notes.push(
        `'${def.title}' was not inserted: the heading '${likely.text}' on line ${likely.range.start.line} looks like it: ${isItThatSection(def.id)}, and run this again to insert the draft.`,
      );
      continue;
    }
    const block = sectionBlock(def, 2, fills, eol);
    const next = h2.find((h) => {
      const other = catalogue.byId.get(h.id);
      return other !== undefined && other.order > def.order;
    });
    if (next) {
      pending.push({
        at: next.range.start.offset,
        rank: 3000 + def.order,
        text: `${block}${eol}${eol}`,
        kind: 'section',
        id: def.id,
        title: def.title,
      });
    } else {
      pending.push({
        at: text.length,
        rank: 3000 + def.order,
        text: block + eol,
        kind: 'section',
        id: def.id,
        title: def.title,
      });
    }
  }

  // An insertion that would not be read as what it is (inside a comment or code block left open, or
  // after front matter that is not closed) is left out with a note, so a second run never adds it again.
  // Everything inserted at the same place shares its fate (a draft's own comment could close an open
  // one and let the next draft be read), so a place where anything is lost gets nothing.
  let result = assemble(text, pending, eol);
  for (let round = 0; round < 5 && result.edits.length > 0; round++) {
    const after = checkPlan(result.text, { ...options, shared: false }).doc;
    const lostAt = new Set(pending.filter((p) => !landed(p, after)).map((p) => p.at));
    const lost = pending.filter((p) => lostAt.has(p.at));
    if (lost.length === 0) break;
    for (const p of lost) {
      notes.push(
        p.kind === 'field'
          ? `'${p.title}' could not be added to the front matter without changing what it says: add it by hand (the template shows it).`
          : `'${p.title}' could not be inserted where it would be read: the plan has a comment (<!--), a code block (\`\`\`) or front matter (---) that is not closed. Close it, then run this again.`,
      );
      pending.splice(pending.indexOf(p), 1);
    }
    result = assemble(text, pending, eol);
  }
  return { ...result, notes };
}

/**
 * What a section (or part) the plan has needs in its tables: a required table it lacks, the rows a
 * table must have, and a column the practice probably wrote under its own name ("Comments" for
 * "Change") when that is certain: the only header likely to be it, and likely to be no other.
 */
function tableDrafts(
  doc: PlanDocument,
  owner: SectionDef,
  ownerPtr: ModelPointer,
  model: SectionModel,
  notes: string[],
): Pending[] {
  const out: Pending[] = [];
  owner.tables.forEach((def, t) => {
    const tablePtr = tablePointer(ownerPtr, def.id);
    const table = model.tables[def.id];
    if (!table) {
      if (!def.required) return;
      const fix = insertTableFix(doc, ownerPtr, owner, def);
      if (!fix) {
        notes.push(
          `The ${def.title} of '${model.heading}' was not inserted: its template has no such table. Add it by hand.`,
        );
        return;
      }
      const e = fix.edits[0];
      out.push({
        at: e.start,
        rank: 1500 + t,
        text: e.text,
        kind: 'table',
        id: tablePtr,
        title: `${model.heading}: ${def.title}`,
      });
      return;
    }
    // Columns first: a claimed column takes the row cells written for it.
    const claimed = new Map<string, string>();
    for (const columnId of def.requiredColumns) {
      if (columnId in table.columns) continue;
      const likely = likelyColumnFor(doc, tablePtr, def.columns, columnId);
      if (!likely || recogniseColumnIds(likely.header, def).length !== 1) continue;
      const slug = Object.keys(table.columns).find((id) => table.columns[id] === likely.header);
      if (!slug || claimed.has(slug)) continue;
      claimed.set(slug, columnId);
      const title = def.columns.find((c) => c.id === columnId)?.title ?? columnId;
      notes.push(
        `The column '${likely.header}' of the ${def.title} in '${model.heading}' was taken as its '${title}' column ({#${columnId}} added to it): check that is what it holds.`,
      );
      out.push({
        at: likely.edit.start,
        rank: 1600 + t,
        text: likely.edit.text,
        kind: 'column',
        id: columnPointer(tablePtr, columnId),
        title: `${def.title}: ${title}`,
      });
    }
    const columnIds = Object.keys(table.columns).map((id) => claimed.get(id) ?? id);
    missingRows(owner, def, table).forEach(({ row, cells }, r) => {
      if (!cells) {
        notes.push(
          `The ${def.title} in '${model.heading}' has no row for the ${row.title}: add it by hand (${row.write ?? ''}).`,
        );
        return;
      }
      const fix = insertMandatoryRowFix(doc, tablePtr, columnIds, cells, row.title);
      if (!fix) return;
      const e = fix.edits[0];
      out.push({
        at: e.start,
        rank: 1700 + r,
        text: e.text,
        kind: 'row',
        id: `${rowPointer(tablePtr)}#${row.title}`,
        title: `${def.title}: ${row.title}`,
      });
    });
  });
  return out;
}

/** The required columns a header is likely to be: one, or the claim is not certain. */
function recogniseColumnIds(header: string, def: TableDef): string[] {
  return def.requiredColumns.filter((id) =>
    recogniseColumn(
      header,
      def.columns.filter((c) => c.id === id),
    ),
  );
}

/** Is the inserted thing there, as what it is, when the new text is read? */
function landed(p: Pending, doc: PlanDocument | undefined): boolean {
  if (!doc) return false;
  if (p.kind === 'table' || p.kind === 'row' || p.kind === 'column') {
    const [pointer, rowTitle] = p.id.split('#');
    const path = readModelPath(pointer as ModelPointer);
    const section = doc.model.sections[path.sectionId ?? ''];
    const owner = path.subsectionId ? section?.subsections[path.subsectionId] : section;
    const table = owner?.tables[path.tableId ?? ''];
    if (!table) return false;
    if (p.kind === 'column') return path.rest[1] !== undefined && path.rest[1] in table.columns;
    if (p.kind === 'row') {
      const def = doc.catalogue.byId.get(path.sectionId ?? '');
      const tableDef = (
        path.subsectionId ? def?.subsections.find((s) => s.id === path.subsectionId) : def
      )?.tables.find((t) => t.id === path.tableId);
      const row = tableDef?.mandatoryRows.find((m) => m.title === rowTitle);
      return !!row && table.rows.some((r) => row.matches(r));
    }
    return true;
  }
  if (p.kind === 'section') return doc.headings.some((h) => h.depth === 2 && h.id === p.id && !h.duplicate);
  if (p.kind === 'part') {
    const [sectionId, partId] = p.id.split('/');
    return partId in (doc.model.sections[sectionId]?.subsections ?? {});
  }
  if (!doc.frontMatter || doc.frontMatter.problems.length > 0) return false;
  if (p.kind === 'front-matter') return true;
  const [key, sub] = p.id.split('.');
  const value = doc.frontMatter.data[key];
  return sub === undefined
    ? value !== undefined
    : !!value && typeof value === 'object' && sub in (value as Record<string, unknown>);
}

/** One edit per offset, the insertions in order; the end of the text gets the blank line it needs. */
function assemble(text: string, pendingIn: Pending[], eol: string): Omit<AddMissingResult, 'notes'> {
  const pending = [...pendingIn].sort((a, b) => a.at - b.at || a.rank - b.rank);
  const edits: TextEdit[] = [];
  const inserted: InsertedItem[] = [];
  let shift = 0;
  for (let i = 0; i < pending.length;) {
    const at = pending[i].at;
    let chunk = '';
    if (at === text.length && pending[i].kind !== 'front-matter' && text.length > 0) {
      chunk = /(\r?\n){2}$/.test(text) ? '' : /\r?\n$/.test(text) ? eol : eol + eol;
    }
    const startInNew = at + shift;
    for (; i < pending.length && pending[i].at === at; i++) {
      const p = pending[i];
      let piece = p.text;
      // Consecutive sections at the end of the text: a blank line between them.
      if (at === text.length && p.kind === 'section' && chunk && !/(\r?\n){2}$/.test(chunk) && chunk.trim())
        piece = eol + piece;
      const start = startInNew + chunk.length + (piece.length - piece.trimStart().length);
      chunk += piece;
      inserted.push({ kind: p.kind, id: p.id, title: p.title, start, end: startInNew + chunk.trimEnd().length });
    }
    edits.push({ start: at, end: at, text: chunk });
    shift += chunk.length;
  }
  return { text: applyEdits(text, edits), edits, inserted };
}
