/**
 * The readiness view's insert actions: one missing section, or every missing one at once. Both use
 * the core's add-missing engine (guided drafts in schema order, prefilled with what the plan already
 * says), returned as edits the client applies as one undoable step, then reveals.
 */
import { TextDocument as MemDocument } from 'vscode-languageserver-textdocument';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CheckOptions } from '../../core/index.js';
import { addMissing, type InsertedItem } from '../../core/index.js';
import type { PlanDocument } from '../../core/index.js';
import type { EditResult, Range0 } from '../shared/protocol.js';
import { editResult } from './edit-result.js';

function rangeIn(newText: string, item: InsertedItem): Range0 {
  const doc = MemDocument.create('mem:', 'markdown', 0, newText);
  return { start: doc.positionAt(item.start), end: doc.positionAt(item.end) };
}

export function insertSection(doc: PlanDocument, id: string, options: CheckOptions): EditResult {
  const def = doc.catalogue.byId.get(id);
  if (!def) return { ok: false, message: `The schema has no section '${id}'.` };
  if (doc.headings.some((h) => h.depth === 2 && h.id === id))
    return { ok: false, message: `The plan already has the '${def.title}' section.` };
  const result = addMissing(doc.text, { ...options, only: [id] });
  // The engine also completes the front matter; here only the section the user asked for goes in.
  const item = result.inserted.find((i) => i.kind === 'section' && i.id === id);
  const edit = result.edits.find((e) => e.text.includes(`## ${def.title}`));
  if (!item || !edit)
    return {
      ok: false,
      message: `The '${def.title}' section could not be inserted: ${result.notes.join(' ') || 'the plan could not be read.'}`,
    };
  const r = editResult(
    doc.text,
    [edit],
    `Inserted '${def.title}': replace each {{placeholder}} with your practice's details.`,
  );
  // Select the section itself (its heading to its end), not the blank lines around it.
  const heading = edit.text.indexOf(`## ${def.title}`);
  const after = MemDocument.create(
    'mem:',
    'markdown',
    0,
    doc.text.slice(0, edit.start) + edit.text + doc.text.slice(edit.end),
  );
  const end = edit.start + edit.text.trimEnd().length;
  return { ...r, reveal: { start: after.positionAt(edit.start + heading), end: after.positionAt(end) } };
}

export function insertAllMissing(text: TextDocument, options: CheckOptions): EditResult {
  const result = addMissing(text.getText(), options);
  if (result.edits.length === 0)
    return {
      ok: false,
      message: result.notes.join(' ') || 'Nothing is missing: the plan has every required section and detail.',
    };
  const sections = result.inserted.filter((i) => i.kind === 'section' || i.kind === 'part');
  const fields = result.inserted.filter((i) => i.kind === 'field' || i.kind === 'front-matter');
  const tables = result.inserted.filter((i) => i.kind === 'table');
  const rows = result.inserted.filter((i) => i.kind === 'row');
  const said = [
    sections.length ? `${sections.length} section${sections.length === 1 ? '' : 's'}` : '',
    tables.length ? `${tables.length} table${tables.length === 1 ? '' : 's'}` : '',
    rows.length ? `${rows.length} table row${rows.length === 1 ? '' : 's'}` : '',
    fields.length ? `${fields.length} detail${fields.length === 1 ? '' : 's'} at the top` : '',
  ].filter(Boolean);
  const list = said.length > 1 ? `${said.slice(0, -1).join(', ')} and ${said.at(-1)}` : said[0];
  const r = editResult(
    text.getText(),
    result.edits,
    (list ? `Inserted ${list} as drafts to complete: replace each {{placeholder}}. ` : '') + result.notes.join(' '),
  );
  const first = sections[0] ?? result.inserted[0];
  return first ? { ...r, reveal: rangeIn(result.text, first) } : r;
}
