/**
 * Drafts of what a table needs, from the schema's template: a whole missing table (the roles,
 * scenarios or revision history table of a section that is there) and the rows a table must have (the
 * scenarios a plan must cover, the mandatory contacts). One engine for the editor's quick fixes and
 * for `continuity lint --fix --add-missing`; every edit only inserts.
 */
import type { Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Fix, TextEdit } from '../diagnostic.js';
import type { PlanDocument } from '../model/plan-document.js';
import type { TableModel } from '../model/plan-model.js';
import { readModelPath, type ModelPointer } from '../model/model-pointer.js';
import { recogniseColumn } from '../model/column-match.js';
import type { MandatoryRowDef, SectionDef, TableDef } from '../schema/catalogue.js';
import { markdownParser } from '../parse/markdown-processor.js';
import { eolOf } from '../input/line-ends.js';
import { knownFills, prefillTemplate } from './prefill.js';

interface TemplateTable {
  /** The table's markdown as the template writes it. */
  text: string;
  /** Each row by column id. */
  rows: Record<string, string>[];
}

const templates = new WeakMap<TableDef, TemplateTable | null>();

/** The table of the owner's template whose columns are this table's, read once per definition. */
function templateTable(owner: SectionDef, def: TableDef): TemplateTable | undefined {
  const cached = templates.get(def);
  if (cached !== undefined) return cached ?? undefined;
  const template = owner.template ?? '';
  let found: TemplateTable | undefined;
  if (template.includes('|')) {
    const tree = markdownParser().parse(template);
    for (const node of tree.children) {
      if (node.type !== 'table') continue;
      const ids = headerIds(node, def);
      if (!def.requiredColumns.every((c) => ids.includes(c))) continue;
      const rows = node.children.slice(1).map((row) => {
        const cells: Record<string, string> = {};
        row.children.forEach((cell, i) => {
          if (ids[i]) cells[ids[i]!] = toString(cell).trim();
        });
        return cells;
      });
      found = { text: template.slice(node.position!.start.offset!, node.position!.end.offset!), rows };
      break;
    }
  }
  templates.set(def, found ?? null);
  return found;
}

function headerIds(table: Table, def: TableDef): (string | undefined)[] {
  return (table.children[0]?.children ?? []).map((cell) => {
    const m = recogniseColumn(toString(cell), def.columns);
    return m && m.how !== 'likely' ? m.def.id : undefined;
  });
}

/**
 * The cells of a mandatory row as a draft: the template's own row for it when the template has one
 * (placeholders for what the practice must write), otherwise the schema's `x-row`. Undefined when
 * neither would count as that row (a schema whose row and check disagree): never a row added for ever.
 */
export function mandatoryRowCells(
  owner: SectionDef,
  def: TableDef,
  row: MandatoryRowDef,
): Record<string, string> | undefined {
  const fromTemplate = templateTable(owner, def)?.rows.find((r) => row.matches(r));
  if (fromTemplate) return fromTemplate;
  return row.matches(row.cells) ? row.cells : undefined;
}

/** A row for a table whose columns (by id, in the table's order) are given: `| a | b |`. */
function rowLine(columnIds: string[], cells: Record<string, string>): string {
  return `| ${columnIds.map((c) => (cells[c] ?? '').replace(/\r?\n/g, ' ')).join(' | ')} |`;
}

/** Insert the mandatory row at the end of the table. */
export function insertMandatoryRowFix(
  doc: PlanDocument,
  tablePtr: ModelPointer,
  columnIds: string[],
  cells: Record<string, string>,
  title: string,
): Fix | undefined {
  const entry = doc.sourceMap.get(tablePtr);
  if (!entry) return undefined;
  const at = entry.range.end.offset;
  const line = prefillTemplate(rowLine(columnIds, cells), fillsOf(doc));
  return {
    title: `Add a row for the ${title}`,
    safe: false,
    edits: [{ start: at, end: at, text: `${eolOf(doc.text)}${line}` }],
  };
}

/** The rows a table lacks, each with its draft cells. */
export function missingRows(
  owner: SectionDef,
  def: TableDef,
  table: TableModel,
): { row: MandatoryRowDef; cells: Record<string, string> | undefined }[] {
  return def.mandatoryRows
    .filter((row) => !table.rows.some((r) => row.matches(r)))
    .map((row) => ({ row, cells: mandatoryRowCells(owner, def, row) }));
}

/**
 * Where a missing table of a section (or part) goes: after the section's own words, before its first
 * part, so it is read as the section's. Undefined when the section is not in the plan.
 */
function tableInsertAt(doc: PlanDocument, ownerPtr: ModelPointer): number | undefined {
  const p = readModelPath(ownerPtr);
  const heading = doc.headings.find((h) =>
    p.subsectionId
      ? h.depth === 3 && h.parentId === p.sectionId && h.id === p.subsectionId && !h.duplicate
      : h.depth === 2 && h.id === p.sectionId && !h.duplicate,
  );
  if (!heading) return undefined;
  if (p.subsectionId) return heading.endOffset;
  const firstPart = doc.headings.find(
    (h) =>
      h.depth === 3 &&
      h.range.start.offset > heading.range.start.offset &&
      h.range.start.offset < heading.sectionRange.end.offset,
  );
  if (!firstPart) return heading.endOffset;
  // The end of the section's own words: the last non-blank before the part's heading.
  let end = firstPart.range.start.offset;
  while (end > heading.range.end.offset && /\s/.test(doc.text[end - 1])) end--;
  return end;
}

/** The text of a missing table as a guided draft: guidance as a comment, then the template's table. */
function tableDraft(doc: PlanDocument, owner: SectionDef, def: TableDef): string | undefined {
  const table = templateTable(owner, def);
  if (!table) return undefined;
  const eol = eolOf(doc.text);
  const guidance = [
    `Draft inserted from the template: complete the ${def.title} and replace every {{placeholder}}.`,
    def.why,
    def.write ? `What to write: ${def.write}` : '',
  ]
    .filter(Boolean)
    .join(' ')
    .replace(/-{2,}/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
  return [`<!-- ${guidance} -->`, '', prefillTemplate(table.text, fillsOf(doc))].join('\n').replace(/\n/g, eol);
}

/** Insert a missing table, with its guidance, at the end of the section's own words. */
export function insertTableFix(
  doc: PlanDocument,
  ownerPtr: ModelPointer,
  owner: SectionDef,
  def: TableDef,
): Fix | undefined {
  const at = tableInsertAt(doc, ownerPtr);
  const draft = tableDraft(doc, owner, def);
  if (at === undefined || draft === undefined) return undefined;
  const eol = eolOf(doc.text);
  const edit: TextEdit = { start: at, end: at, text: `${eol}${eol}${draft}` };
  return { title: `Insert the ${def.title}`, safe: false, edits: [edit] };
}

function fillsOf(doc: PlanDocument): ReturnType<typeof knownFills> {
  return knownFills(doc.model.frontMatter ?? {}, doc.catalogue.frontMatterSchema);
}
