/**
 * Which column of a table a header cell is, as practices write headers: its name or an alias ("Ver",
 * "Changed by"), a column the practice claimed with `{#id}` at the end of the header ("Comments
 * {#change}"), or only a likely one by meaning ("Comments" for "Change", "Version no." for "Version"),
 * which is offered to a person and never taken silently. Words in brackets are kept: in a header they
 * say which column it is ("Phone (out of hours)").
 */
import { matchColumn, type ColumnDef } from '../schema/catalogue.js';
import { recogniseHeading, singular, type MatchableDef } from '../schema/heading-match.js';
import { normaliseHeading } from '../schema/normalise.js';
import { declinedId, explicitId } from './explicit-id.js';
import type { TextEdit } from '../diagnostic.js';
import type { PlanDocument } from './plan-document.js';
import type { TableModel } from './plan-model.js';
import { columnPointer, readModelPath, type ModelPointer } from './model-pointer.js';

export interface ColumnMatch {
  def: ColumnDef;
  /** name: its name or an alias; claimed: `{#id}`; likely: a suggestion only. */
  how: 'name' | 'claimed' | 'likely';
}

/** The header's words, without a trailing `{#id}`. */
export function headerText(header: string): string {
  const explicit = explicitId(header);
  return explicit ? header.slice(0, explicit.index).trim() : header.trim();
}

const unbracket = (s: string) => s.replace(/[()[\]]/g, ' ');

// The columns as the heading matcher reads them, made once per table definition: its phrase cache
// is keyed by these objects, and headers are matched on every check.
const matchable = new WeakMap<ColumnDef[], (MatchableDef & { def: ColumnDef })[]>();
function matchableColumns(columns: ColumnDef[]): (MatchableDef & { def: ColumnDef })[] {
  let found = matchable.get(columns);
  if (!found) {
    found = columns.map((def) => ({
      def,
      id: def.id,
      title: unbracket(def.title),
      aliases: def.aliases.map(unbracket),
      related: def.related.map(unbracket),
    }));
    matchable.set(columns, found);
  }
  return found;
}

export function recogniseColumn(header: string, columnsIn: ColumnDef[]): ColumnMatch | undefined {
  const explicit = explicitId(header);
  const declined = declinedId(explicit);
  if (explicit && !declined) {
    const def = columnsIn.find((c) => c.id === explicit.id);
    if (def) return { def, how: 'claimed' };
  }
  // "Comments {#not-change}": the practice said it is not that column.
  const columns = declined ? columnsIn.filter((c) => c.id !== declined) : columnsIn;
  const text = headerText(header);
  const named = matchColumn(text, columns) ?? byNameInTheSingular(text, columns);
  if (named) return { def: named, how: 'name' };
  if (text.length > 200) return undefined;
  // "Checked by" is who checked, not when: a header naming a person is only likely a column whose
  // own names name a person ("Changed by", "Who").
  const candidates = matchableColumns(columns).filter(
    (c) => !namesAPerson(text) || [c.title, ...c.aliases, ...(c.related ?? [])].some(namesAPerson),
  );
  const meant = recogniseHeading(unbracket(text), candidates);
  return meant ? { def: meant.def.def, how: 'likely' } : undefined;
}

const namesAPerson = (s: string) => /(?:^|\s)by\s*$|^\s*who(?:m|se)?\b/i.test(s);

/** "Summary of changes" is the alias "Summary of change": a name that differs only by plurals. */
function byNameInTheSingular(text: string, columns: ColumnDef[]): ColumnDef | undefined {
  const key = inTheSingular(text);
  if (!key) return undefined;
  return columns.find((c) => [c.title, ...c.aliases].some((name) => inTheSingular(name) === key));
}

const inTheSingular = (s: string) => normaliseHeading(s).split(' ').filter(Boolean).map(singular).join(' ');

/** The column a header is taken for: by name or by claim, never by likeness. */
export function takenColumn(header: string, columns: ColumnDef[]): ColumnDef | undefined {
  const m = recogniseColumn(header, columns);
  return m && m.how !== 'likely' ? m.def : undefined;
}

/**
 * The one header of a table that is likely the missing column `columnId`, with the edit that claims
 * it (` {#id}` after the header's words). Undefined when no header, or more than one, is likely it,
 * or when that header is likely another missing column too: a person decides then.
 */
export function likelyColumnFor(
  doc: PlanDocument,
  tablePtr: ModelPointer,
  columns: ColumnDef[],
  columnId: string,
): { header: string; edit: TextEdit } | undefined {
  const table = tableAt(doc, tablePtr);
  if (!table) return undefined;
  const known = new Set(columns.map((c) => c.id));
  const candidates = Object.entries(table.columns).filter(([id, header]) => {
    if (known.has(id)) return false;
    return recogniseColumn(header, columns)?.def.id === columnId;
  });
  if (candidates.length !== 1) return undefined;
  const [id, header] = candidates[0];
  const range = doc.sourceMap.get(columnPointer(tablePtr, id))?.range;
  if (!range) return undefined;
  return { header, edit: { start: range.end.offset, end: range.end.offset, text: ` {#${columnId}}` } };
}

function tableAt(doc: PlanDocument, tablePtr: ModelPointer): TableModel | undefined {
  const p = readModelPath(tablePtr);
  const section = p.sectionId ? doc.model.sections[p.sectionId] : undefined;
  const owner = p.subsectionId ? section?.subsections[p.subsectionId] : section;
  return p.tableId ? owner?.tables[p.tableId] : undefined;
}
