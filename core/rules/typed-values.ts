/** Every value the schema marks with an `x-kind` (phone, date, duration), with where it is written. */
import type { Range } from '../diagnostic.js';
import type { PlanDocument } from '../model/plan-document.js';
import type { SectionModel } from '../model/plan-model.js';
import {
  cellPointer,
  frontMatterLabel,
  frontMatterPointer,
  sectionPointer,
  subsectionPointer,
  tablePointer,
  type ModelPointer,
  type Segment,
} from '../model/model-pointer.js';
import type { SectionDef } from '../schema/catalogue.js';

export interface TypedValue {
  kind: string;
  value: string;
  range: Range;
  /** "practice.phone in the front matter", "the 'Phone' cell of row 3 of the contacts table". */
  where: string;
  pointer: ModelPointer;
  /** For table cells: the row object, to compare with other cells. */
  row?: Record<string, string>;
  column?: string;
}

function frontMatterValues(doc: PlanDocument, out: TypedValue[]): void {
  for (const { path, kind, title } of doc.catalogue.frontMatterKinds) {
    const walk = (value: unknown, i: number, segs: Segment[]): void => {
      if (i === path.length) {
        if (typeof value !== 'string' && typeof value !== 'number') return;
        const pointer = frontMatterPointer(...segs);
        const entry = doc.sourceMap.get(pointer);
        if (!entry) return;
        const label = frontMatterLabel(segs);
        out.push({
          kind,
          value: String(value),
          range: entry.range,
          where: `'${label}' (${title}) in the front matter`,
          pointer,
        });
        return;
      }
      const key = path[i];
      if (key === '*') {
        if (Array.isArray(value)) value.forEach((v, k) => walk(v, i + 1, [...segs, k]));
      } else if (value && typeof value === 'object' && !Array.isArray(value)) {
        walk((value as Record<string, unknown>)[key], i + 1, [...segs, key]);
      }
    };
    walk(doc.model.frontMatter, 0, []);
  }
}

function sectionValues(
  doc: PlanDocument,
  section: SectionModel,
  def: SectionDef | undefined,
  ptr: ModelPointer,
  out: TypedValue[],
): void {
  if (!def) return;
  for (const tableDef of def.tables) {
    const table = section.tables[tableDef.id];
    if (!table) continue;
    table.rows.forEach((row, r) => {
      for (const col of tableDef.columns) {
        if (!col.kind || !(col.id in row)) continue;
        const pointer = cellPointer(tablePointer(ptr, tableDef.id), r, col.id);
        const entry = doc.sourceMap.get(pointer);
        if (!entry) continue;
        out.push({
          kind: col.kind,
          value: row[col.id],
          range: entry.range,
          where: `the '${col.title}' cell in row ${r + 1} of the ${tableDef.title} ('${section.heading}')`,
          pointer,
          row,
          column: col.id,
        });
      }
    });
  }
  for (const [id, sub] of Object.entries(section.subsections)) {
    sectionValues(
      doc,
      sub,
      def.subsections.find((s) => s.id === id),
      subsectionPointer(ptr, id),
      out,
    );
  }
}

export function typedValues(doc: PlanDocument, kind?: string): TypedValue[] {
  const out: TypedValue[] = [];
  frontMatterValues(doc, out);
  for (const [id, section] of Object.entries(doc.model.sections)) {
    sectionValues(doc, section, doc.catalogue.byId.get(id), sectionPointer(id), out);
  }
  return kind ? out.filter((v) => v.kind === kind) : out;
}

/** Empty, dash or "n/a": nothing written, which the schema (not a format rule) judges. */
export function isBlank(value: string): boolean {
  return /^(|-|–|—|n\/?a|none|not applicable)$/i.test(value.trim());
}
