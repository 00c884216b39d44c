/**
 * ajv `required` errors -> what is missing, worded for the kind of thing it is. The kind is read from
 * where the error points (the front matter, the list of sections, a section's subsections, a table's
 * columns, a step, a row ...); each kind has one small placer below.
 */
import type { ErrorObject } from 'ajv';
import type { PlanDocument } from '../model/plan-document.js';
import { parentPointer, segmentsOf } from '../model/model-pointer.js';
import type { JsonSchema } from '../schema/catalogue.js';
import { frontMatterSchemaAt, hasDefault, missingFieldValue, skeletonValue } from '../schema/front-matter-schema.js';
import { insertColumnFix, insertFieldFix, insertSectionFix, insertSubsectionFix } from '../fix/insertions.js';
import { groupShapeFix } from '../fix/group-shape-fix.js';
import { claimHint } from '../model/claim-hint.js';
import { likelyColumnFor } from '../model/column-match.js';
import { insertTableFix } from '../fix/table-drafts.js';
import { fieldPath, sectionName, sentence, tableName, type PointerParts } from './describe.js';
import { capitalise, titleOf, type Placed } from './placed.js';

/** One missing property, with what the placers need to word it. */
interface Missing {
  doc: PlanDocument;
  parts: PointerParts;
  /** The property's name. */
  key: string;
  /** The property's own schema, when the schema that requires it also defines it. */
  schema: JsonSchema | undefined;
}

type MissingKind =
  | 'front-matter-field'
  | 'section'
  | 'subsection'
  | 'table'
  | 'column'
  | 'step-detail'
  | 'row-cell'
  | 'section-container'
  | 'section-list'
  | 'other';

const last = (m: Missing): string | undefined => m.parts.segments[m.parts.segments.length - 1];

/** The position of `name` in the path when the error is about the item right after it (`.../rows/3`). */
function itemAfter(m: Missing, name: string): number | undefined {
  const seg = m.parts.segments;
  const at = seg.indexOf(name);
  return at >= 0 && seg.length === at + 2 ? Number(seg[at + 1]) : undefined;
}

/** Which kind of thing is missing. Order matters: the first test that holds decides. */
const KIND_TESTS: [MissingKind, (m: Missing) => boolean][] = [
  ['front-matter-field', (m) => m.parts.area === 'frontMatter'],
  ['section', (m) => m.parts.segments.length === 1 && last(m) === 'sections'],
  ['subsection', (m) => last(m) === 'subsections' && !!m.parts.sectionId],
  ['table', (m) => last(m) === 'tables' && !!m.parts.sectionId],
  ['column', (m) => last(m) === 'columns' && !!m.parts.tableDef],
  ['step-detail', (m) => itemAfter(m, 'steps') !== undefined],
  ['row-cell', (m) => !!m.parts.tableDef && itemAfter(m, 'rows') !== undefined],
  [
    'section-container',
    (m) =>
      m.parts.area === 'sections' &&
      !!m.parts.sectionId &&
      !['steps', 'bullets', 'text'].includes(m.key) &&
      m.parts.segments.length <= 4,
  ],
  ['section-list', (m) => m.parts.area === 'sections' && (m.key === 'steps' || m.key === 'bullets')],
];

function kindOf(m: Missing): MissingKind {
  return KIND_TESTS.find(([, holds]) => holds(m))?.[0] ?? 'other';
}

/** The section or subsection the path is in. */
const ownerDef = (m: Missing) => m.parts.subsectionDef ?? m.parts.sectionDef;

const normal = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]+/g, '');

function frontMatterField(m: Missing): Placed | undefined {
  const { doc, parts, key } = m;
  if (!doc.frontMatter) return undefined; // reported once as missing front matter
  const where = parts.segments.length > 1 ? `The front matter's '${fieldPath(parts.segments)}'` : 'The front matter';
  // Properties required from an if/then are not defined next to the `required`: look them up.
  const resolved = m.schema ?? frontMatterSchemaAt(doc.catalogue.frontMatterSchema, [...parts.rest, key]);
  const title = titleOf(resolved, key);
  const withDefault = hasDefault(resolved);
  const group = parts.segments.length === 2 ? doc.model.frontMatter[parts.segments[1]] : undefined;
  const emptyGroup = !!group && typeof group === 'object' && Object.keys(group).length === 0;
  return {
    ruleId: 'schema/required-field',
    message: sentence(
      `${where} has no '${key}'${normal(title) === normal(key) ? '' : ` (${title})`}`,
      resolved?.['x-why'],
      resolved?.['x-write'],
      withDefault
        ? `Add '${key}: ${String(resolved.default)}'`
        : shapeWords(key, resolved, parts.segments.length > 1 ? parts.segments[parts.segments.length - 1] : undefined),
    ),
    pointer: parts.pointer,
    onAnchor: true,
    // A group written empty (`icb: {}`) is written out whole, every field at once; otherwise the field.
    fix:
      (emptyGroup
        ? groupShapeFix(
            doc,
            parts.segments[1],
            frontMatterSchemaAt(doc.catalogue.frontMatterSchema, [parts.segments[1]]),
          )
        : undefined) ?? insertFieldFix(doc, parts.pointer, key, missingFieldValue(resolved, key), withDefault),
  };
}

function section(m: Missing): Placed | undefined {
  const def = m.doc.catalogue.byId.get(m.key);
  if (!def) return undefined;
  return {
    ruleId: 'schema/required-section',
    message: `${sentence(`The plan has no '${def.title}' section`, def.why, def.write)} ${claimHint(m.doc, def)}`,
    pointer: m.parts.pointer,
    onAnchor: true,
    fix: insertSectionFix(m.doc, def),
  };
}

function subsection(m: Missing): Placed | undefined {
  const { doc, parts } = m;
  const def = ownerDef(m)?.subsections.find((s) => s.id === m.key);
  if (!def) return undefined;
  return {
    ruleId: 'schema/required-subsection',
    message: sentence(`The ${sectionName(doc, parts)} section has no '${def.title}' part`, def.why, def.write),
    pointer: parts.pointer,
    onAnchor: true,
    fix: parts.subsectionId ? undefined : insertSubsectionFix(doc, parts.sectionId!, def),
  };
}

function table(m: Missing): Placed {
  const def = ownerDef(m)?.tables.find((t) => t.id === m.key);
  const title = def?.title ?? 'table';
  const looked = whereTablesWereLooked(m.doc, m.parts);
  const unread = looked.unread[0];
  return {
    ruleId: 'schema/required-content',
    message: sentence(
      `The ${sectionName(m.doc, m.parts)} section has no ${title}: none was found under ${looked.where}`,
      unread && def
        ? `The table on line ${unread.line} has none of the ${title}'s columns (${def.columns.map((c) => c.title).join(', ')}): if it is that table, name its columns so`
        : undefined,
      def?.why,
      def?.write,
    ),
    pointer: m.parts.pointer,
    onAnchor: true,
    fix: def && ownerDef(m) ? insertTableFix(m.doc, m.parts.owner!, ownerDef(m)!, def) : undefined,
  };
}

/**
 * Where a section's tables were looked for, in words ("'Document control' or its parts ('A. Purpose',
 * 'C. Document history')"), and the tables there that were not read as any of its tables.
 */
function whereTablesWereLooked(doc: PlanDocument, parts: PointerParts): { where: string; unread: { line: number }[] } {
  const section = parts.sectionId ? doc.model.sections[parts.sectionId] : undefined;
  const owner = parts.subsectionId ? section?.subsections[parts.subsectionId] : section;
  const heading = `'${owner?.heading ?? ownerTitle(parts)}'`;
  const partNames = parts.subsectionId ? [] : Object.values(section?.subsections ?? {}).map((s) => `'${s.heading}'`);
  const where = partNames.length
    ? `${heading} or its ${partNames.length === 1 ? 'part' : 'parts'} (${partNames.length > 4 ? `${partNames.slice(0, 4).join(', ')} ...` : partNames.join(', ')})`
    : heading;
  const range = doc.sourceMap.get(parts.pointer)?.range;
  if (!range) return { where, unread: [] };
  const read = new Set<number>();
  for (const [p, e] of doc.sourceMap) if (segmentsOf(p).at(-2) === 'tables') read.add(e.range.start.offset);
  const unread = doc.tree.children
    .filter((n) => n.type === 'table')
    .map((n) => n.position!.start)
    .filter((at) => at.offset! >= range.start.offset && at.offset! < range.end.offset && !read.has(at.offset!))
    .map((at) => ({ line: at.line }));
  return { where, unread };
}

const ownerTitle = (parts: PointerParts): string =>
  (parts.subsectionDef ?? parts.sectionDef)?.title ?? parts.subsectionId ?? parts.sectionId ?? 'plan';

function column(m: Missing): Placed {
  const { doc, parts, key } = m;
  const col = parts.tableDef!.columns.find((c) => c.id === key);
  const title = col?.title ?? key;
  const tablePtr = parentPointer(parts.pointer);
  const insert = insertColumnFix(doc, tablePtr, title);
  // A header that probably is this column ("Comments" for "Change"): claimed with {#id}, or not.
  const likely = likelyColumnFor(doc, tablePtr, parts.tableDef!.columns, key);
  if (likely) {
    return {
      ruleId: 'schema/required-column',
      message: sentence(
        `${capitalise(tableName(doc, parts))} has no '${title}' column`,
        `Its column '${likely.header}' looks like it: if it is, add {#${key}} to the end of that column's name ('${likely.header} {#${key}}'); if it is not, add a '${title}' column`,
        col?.why,
      ),
      pointer: parts.pointer,
      onAnchor: false,
      fix: { title: `Use the column '${likely.header}' as the '${title}' column`, safe: false, edits: [likely.edit] },
      ...(insert ? { alternatives: [insert] } : {}),
    };
  }
  return {
    ruleId: 'schema/required-column',
    message: sentence(
      `${capitalise(tableName(doc, parts))} has no '${title}' column`,
      col?.why,
      col?.write ?? `Add a '${title}' column to the table`,
    ),
    pointer: parts.pointer,
    onAnchor: false,
    fix: insert,
  };
}

function stepDetail(m: Missing): Placed {
  const n = itemAfter(m, 'steps')! + 1;
  const what = m.key === 'role' ? 'who does it' : `its ${titleOf(m.schema, m.key)}`;
  return {
    ruleId: 'schema/required-content',
    message: sentence(
      `Step ${n} of the ${sectionName(m.doc, m.parts)} section does not say ${what}`,
      m.schema?.['x-why'],
      m.schema?.['x-write'],
    ),
    pointer: m.parts.pointer,
    onAnchor: true,
  };
}

function rowCell(m: Missing): Placed {
  const col = m.parts.tableDef!.columns.find((c) => c.id === m.key);
  const n = itemAfter(m, 'rows')! + 1;
  return {
    ruleId: 'schema/required-content',
    message: sentence(`Row ${n} of ${tableName(m.doc, m.parts)} has no '${col?.title ?? m.key}'`, col?.why, col?.write),
    pointer: m.parts.pointer,
    onAnchor: false,
  };
}

/** "The 'X' section has no <title>", with the property's guidance or else the section's. */
function sectionLacks(m: Missing, fallbackTitle: string): Placed {
  return {
    ruleId: 'schema/required-content',
    message: sentence(
      `The ${sectionName(m.doc, m.parts)} section has no ${titleOf(m.schema, fallbackTitle)}`,
      m.schema?.['x-why'] ?? ownerDef(m)?.why,
      m.schema?.['x-write'] ?? ownerDef(m)?.write,
    ),
    pointer: m.parts.pointer,
    onAnchor: true,
  };
}

/** A section without one of its containers, e.g. its `tables` or `subsections`. */
const sectionContainer = (m: Missing): Placed => sectionLacks(m, m.key);

/** A section without its numbered steps or bullet points. */
const sectionList = (m: Missing): Placed => sectionLacks(m, m.key === 'steps' ? 'numbered steps' : 'bullet points');

function other(m: Missing): Placed {
  return {
    ruleId: 'schema/required-content',
    message: sentence(`'${titleOf(m.schema, m.key)}' is missing here`, m.schema?.['x-why'], m.schema?.['x-write']),
    pointer: m.parts.pointer,
    onAnchor: true,
  };
}

const PLACERS: Record<MissingKind, (m: Missing) => Placed | undefined> = {
  'front-matter-field': frontMatterField,
  section,
  subsection,
  table,
  column,
  'step-detail': stepDetail,
  'row-cell': rowCell,
  'section-container': sectionContainer,
  'section-list': sectionList,
  other,
};

export function placeRequired(doc: PlanDocument, err: ErrorObject, parts: PointerParts): Placed | undefined {
  const key = (err.params as { missingProperty: string }).missingProperty;
  const parentSchema = err.parentSchema as JsonSchema | undefined;
  const m: Missing = { doc, parts, key, schema: parentSchema?.properties?.[key] as JsonSchema | undefined };
  return PLACERS[kindOf(m)](m);
}

/** "Add 'icb:' with its fields name and ods_code, one per line, indented under it" and so on. */
function shapeWords(key: string, node: JsonSchema | undefined, parent?: string): string {
  const fieldsOf = (n: JsonSchema | undefined) =>
    Object.keys((skeletonValue(n, key, key, {}) as Record<string, unknown>) ?? {});
  if (node?.type === 'object' || node?.properties) {
    const fields = fieldsOf(node);
    return fields.length === 1
      ? `Add '${key}:' with its field ${fields[0]} on its own line indented by two spaces under it (the quick fix writes it for you)`
      : `Add '${key}:' with its fields ${listWords(fields)}, each on its own line indented by two spaces under it (the quick fix writes them for you)`;
  }
  if (node?.type === 'array' || node?.items) {
    const item = node.items as JsonSchema | undefined;
    if (item?.type === 'object' || item?.properties)
      return `Add '${key}:' as a list, one entry per '- ' line, each with ${listWords(fieldsOf(item))} (the quick fix writes one for you)`;
    return `Add '${key}:' as a list, one '- ' line per entry`;
  }
  const under = parent ? ` under '${parent}:', indented by two spaces,` : '';
  return `Add a line '${key}: '${under} followed by the ${typeof node?.title === 'string' ? node.title : key.replace(/_/g, ' ')}`;
}

function listWords(words: string[]): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}
