/**
 * "Mark plan reviewed today": the last review becomes today, the next review 12 months on (the
 * longest the review rule allows), the version goes up by one minor step, and a row is added to the
 * revision history. One set of edits, applied by the client as one undoable step. The row's change
 * is a placeholder: only the reviewer knows what changed, and the plan says so until they write it.
 */
import type { TextEdit } from '../../core/index.js';
import { insertFieldFix, insertRowFix } from '../../core/index.js';
import type { PlanDocument } from '../../core/index.js';
import { FRONT_MATTER_POINTER, pointerOf } from '../../core/index.js';
import { addMonths } from '../../core/index.js';
import type { EditResult } from '../shared/protocol.js';
import { editResult } from './edit-result.js';

/** Months between reviews: NHS England's EPRR framework and the review rule expect at least yearly. */
export const REVIEW_INTERVAL_MONTHS = 12;

export const CHANGE_PLACEHOLDER = '{{what changed at this review, or "no changes"}}';

/** '4.1' -> '4.2', '3' -> '3.1'; anything else is left for the reviewer. */
export function nextVersion(version: string): string | undefined {
  const m = /^(\d{1,4})(?:\.(\d{1,4}))?$/.exec(version.trim());
  if (!m) return undefined;
  return `${m[1]}.${m[2] === undefined ? 1 : Number(m[2]) + 1}`;
}

/** Replace a front-matter scalar's value in place, keeping its quoting; or add the field. */
function setScalar(doc: PlanDocument, key: string, value: string): TextEdit | undefined {
  const entry = doc.sourceMap.get(pointerOf('frontMatter', key));
  if (entry) {
    const written = doc.text.slice(entry.range.start.offset, entry.range.end.offset);
    const quote = written.startsWith("'")
      ? "'"
      : written.startsWith('"')
        ? '"'
        : /^\d/.test(value) && !/^\d{4}-\d{2}-\d{2}$/.test(value)
          ? "'"
          : '';
    return { start: entry.range.start.offset, end: entry.range.end.offset, text: `${quote}${value}${quote}` };
  }
  return insertFieldFix(doc, FRONT_MATTER_POINTER, key, value, false)?.edits[0];
}

export function markReviewed(doc: PlanDocument, today: string): EditResult {
  const fm = doc.frontMatter;
  if (!fm || fm.problems.length > 0) {
    return {
      ok: false,
      message:
        "The plan's details (the front matter at the top) cannot be read, so the review dates cannot be set. Correct the problem shown there first.",
    };
  }
  const edits: TextEdit[] = [];
  const push = (e: TextEdit | undefined) => e && edits.push(e);
  push(setScalar(doc, 'last_reviewed', today));
  push(setScalar(doc, 'next_review', addMonths(today, REVIEW_INTERVAL_MONTHS)));
  const data = doc.model.frontMatter as Record<string, unknown>;
  const table = doc.model.sections['document-control']?.tables.revisions;
  const lastRowVersion = table?.rows.at(-1)?.version;
  const current =
    typeof data.version === 'string' || typeof data.version === 'number' ? String(data.version) : lastRowVersion;
  const version = current ? nextVersion(current) : undefined;
  if (version && data.version !== undefined) push(setScalar(doc, 'version', version));
  if (table) {
    const owner = (data.owner as { name?: unknown } | undefined)?.name;
    const row: Record<string, string> = {
      version: version ?? '{{version}}',
      date: today,
      author: typeof owner === 'string' && owner.trim() ? owner.trim() : '{{your name}}',
      change: CHANGE_PLACEHOLDER,
    };
    push(
      insertRowFix(
        doc,
        pointerOf('sections', 'document-control', 'tables', 'revisions'),
        Object.keys(table.columns),
        row,
        'review',
      )?.edits[0],
    );
  }
  // The edits are far apart (front matter and the table): reveal the row, where the reviewer writes.
  const result = editResult(
    doc.text,
    edits,
    table
      ? 'Review dates set. Write what changed in the new revision history row.'
      : 'Review dates set. The plan has no revision history table to add a row to.',
  );
  const rowEdit = table ? edits.at(-1) : undefined;
  if (rowEdit && result.ok) {
    // The row is the last edit in the text; the one-line edits above it do not move it by any lines.
    const rowLine = doc.text.slice(0, rowEdit.start).split('\n').length; // 0-based line after the table's last row
    const length = rowEdit.text.replace(/^\r?\n/, '').length;
    result.reveal = { start: { line: rowLine, character: 0 }, end: { line: rowLine, character: length } };
  }
  return result;
}
