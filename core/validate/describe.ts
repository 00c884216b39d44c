/** Plain-English names for the things a pointer refers to: sections, tables, columns, fields. */
import type { PlanDocument } from '../model/plan-document.js';
import { frontMatterLabel, readModelPath, type ModelPath, type ModelPointer } from '../model/model-pointer.js';
import type { SectionDef, TableDef } from '../schema/catalogue.js';

/** A model path with the catalogue's definitions of the section, subsection and table it is in. */
export interface PointerParts extends ModelPath {
  sectionDef?: SectionDef;
  subsectionDef?: SectionDef;
  tableDef?: TableDef;
}

export function partsOf(doc: PlanDocument, pointer: ModelPointer): PointerParts {
  const parts: PointerParts = readModelPath(pointer);
  if (parts.sectionId === undefined) return parts;
  parts.sectionDef = doc.catalogue.byId.get(parts.sectionId);
  if (parts.subsectionId !== undefined)
    parts.subsectionDef = parts.sectionDef?.subsections.find((s) => s.id === parts.subsectionId);
  if (parts.tableId !== undefined) {
    const owner = parts.subsectionId !== undefined ? parts.subsectionDef : parts.sectionDef;
    parts.tableDef = owner?.tables.find((t) => t.id === parts.tableId);
  }
  return parts;
}

/** "'Contacts and escalation'" or "'Prescribing fallback: Controlled drugs'". */
export function sectionName(doc: PlanDocument, parts: PointerParts): string {
  const section = parts.sectionId ? doc.model.sections[parts.sectionId] : undefined;
  const title = section?.heading ?? parts.sectionDef?.title ?? parts.sectionId ?? 'plan';
  if (!parts.subsectionId) return `'${title}'`;
  const sub = section?.subsections[parts.subsectionId];
  return `'${title}: ${sub?.heading ?? parts.subsectionDef?.title ?? parts.subsectionId}'`;
}

export function tableName(doc: PlanDocument, parts: PointerParts): string {
  const t = parts.tableDef?.title ?? 'table';
  return `the ${t} in ${sectionName(doc, parts)}`;
}

/** `practice.ods_code`, `eps_pharmacies[0].phone`. */
export function fieldPath(segments: string[]): string {
  return frontMatterLabel(segments.slice(1));
}

export function sentence(...parts: (string | undefined)[]): string {
  return parts
    .filter((p): p is string => !!p && p.trim().length > 0)
    .map((p) => p.trim())
    .map((p) => (/[.!?]$/.test(p) ? p : p + '.'))
    .join(' ');
}

export function describeValue(v: unknown): string {
  if (typeof v === 'string') return `'${v.length > 60 ? v.slice(0, 57) + '...' : v}'`;
  if (v === null) return 'an empty value';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a group of fields';
  return `'${String(v)}'`;
}
