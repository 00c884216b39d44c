/**
 * The readiness view's insert actions: one missing section, or every missing one at once. Both are
 * the core's fixes (insertSectionFix; the add-missing engine for all), returned as edits the client
 * applies as one undoable step and then reveals.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CheckOptions } from '../../core/check-plan.js';
import { insertSectionFix } from '../../core/fix/insertions.js';
import type { PlanDocument } from '../../core/model/plan-document.js';
import type { EditResult } from '../shared/protocol.js';
import { editResult } from './edit-result.js';

export function insertSection(doc: PlanDocument, id: string): EditResult {
  const def = doc.catalogue.byId.get(id);
  if (!def) return { ok: false, message: `The schema has no section '${id}'.` };
  if (doc.headings.some((h) => h.depth === 2 && h.id === id)) return { ok: false, message: `The plan already has the '${def.title}' section.` };
  return editResult(doc.text, insertSectionFix(doc, def).edits, `Inserted '${def.title}': replace each {{placeholder}} with your practice's details.`);
}

export function insertAllMissing(text: TextDocument, options: CheckOptions): EditResult {
  void text;
  void options;
  return { ok: false, message: 'Inserting every missing section is not available yet.' };
}
