/**
 * ajv errors -> Diagnostics: each on the exact words at fault (or the parent heading / key for
 * something missing), worded from the schema's annotations. Raw ajv text never reaches a user.
 */
import type { ErrorObject } from 'ajv';
import type { Diagnostic, Fix, Range } from '../diagnostic.js';
import type { PlanDocument } from '../model/plan-document.js';
import {
  FRONT_MATTER_POINTER,
  isAtOrBelow,
  parentPointer,
  pointerFromJson,
  type ModelPointer,
} from '../model/model-pointer.js';
import type { JsonSchema } from '../schema/catalogue.js';
import { insertMandatoryRowFix, mandatoryRowCells } from '../fix/table-drafts.js';
import { looseDateToIso } from '../dates/loose-date.js';
import { groupShapeFix } from '../fix/group-shape-fix.js';
import { describeValue, fieldPath, partsOf, sectionName, sentence, tableName, type PointerParts } from './describe.js';
import { capitalise, titleOf, type Placed } from './placed.js';
import { placeRequired } from './place-required.js';
import { ruleDocsUrl } from '../rules/docs-url.js';
import { PLACEHOLDER } from '../model/placeholder-pattern.js';

function valueAt(model: unknown, segments: string[]): unknown {
  let v: any = model;
  for (const s of segments) {
    if (v === null || typeof v !== 'object') return undefined;
    v = v[s];
  }
  return v;
}

function containsPlaceholder(v: unknown): boolean {
  if (typeof v === 'string') return PLACEHOLDER.test(v);
  if (Array.isArray(v)) return v.some(containsPlaceholder);
  if (v && typeof v === 'object') return Object.values(v).some(containsPlaceholder);
  return false;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  array: 'a list (one "- " line per entry)',
  object: 'a group of fields',
  null: 'empty',
};

function typeWords(t: unknown): string {
  const list = Array.isArray(t) ? t : [t];
  return list.map((x) => TYPE_WORDS[String(x)] ?? String(x)).join(' or ');
}

function rangeFor(doc: PlanDocument, pointer: ModelPointer, onAnchor: boolean): Range {
  let p = pointer;
  for (;;) {
    const entry = doc.sourceMap.get(p);
    if (entry) return onAnchor ? (entry.anchor ?? entry.range) : entry.range;
    if (p === '') return doc.lines.range(0, 0);
    p = parentPointer(p);
    onAnchor = true;
  }
}

function describeWhere(doc: PlanDocument, parts: PointerParts): string {
  const seg = parts.segments;
  if (seg[0] === 'frontMatter') return `'${fieldPath(seg)}' in the front matter`;
  const rowIndex = seg.indexOf('rows');
  if (rowIndex >= 0 && parts.tableDef) {
    const col = parts.tableDef.columns.find((c) => c.id === seg[rowIndex + 2]);
    return `the '${col?.title ?? seg[rowIndex + 2]}' cell in row ${Number(seg[rowIndex + 1]) + 1} of ${tableName(doc, parts)}`;
  }
  return `the ${sectionName(doc, parts)} section`;
}

/** ", or 'never'" for a field that also accepts fixed words. */
function alternativesOf(schema: JsonSchema | undefined): string[] {
  return Array.isArray(schema?.['x-alternatives']) ? schema!['x-alternatives'] : [];
}

function alternativesWords(schema: JsonSchema | undefined): string {
  const alts = alternativesOf(schema);
  return alts.length ? `, or ${alts.map((a) => `'${a}'`).join(' or ')}` : '';
}

function placeValue(doc: PlanDocument, err: ErrorObject, parts: PointerParts): Placed | undefined {
  const schema = err.parentSchema as JsonSchema | undefined;
  const value = valueAt(doc.model, parts.segments);
  const title = titleOf(schema, parts.segments[parts.segments.length - 1] ?? 'value');
  const where = describeWhere(doc, parts);
  const why = schema?.['x-why'];
  const write = schema?.['x-write'];
  const pointer = parts.pointer;
  const base = { ruleId: 'schema/invalid-value', pointer, onAnchor: false };
  switch (err.keyword) {
    case 'format': {
      if ((err.params as { format: string }).format === 'date') {
        const iso = typeof value === 'string' ? looseDateToIso(value) : undefined;
        const range = rangeFor(doc, pointer, false);
        const word =
          typeof value === 'string'
            ? alternativesOf(schema).find((a) => a.toLowerCase() === value.trim().toLowerCase())
            : undefined;
        const fix: Fix | undefined = iso
          ? {
              title: `Write the date as ${iso}`,
              safe: true,
              edits: [{ start: range.start.offset, end: range.end.offset, text: iso }],
            }
          : word !== undefined
            ? {
                title: `Change to '${word}'`,
                safe: true,
                edits: [{ start: range.start.offset, end: range.end.offset, text: word }],
              }
            : undefined;
        if (word !== undefined)
          return {
            ...base,
            message: sentence(`Write ${describeValue(value)} in ${where} as '${word}' (in small letters)`, why),
            fix,
          };
        return {
          ...base,
          message: sentence(
            `${describeValue(value)} in ${where} is not a date written as YYYY-MM-DD`,
            iso
              ? `If you meant ${iso}, write that`
              : `Write the date as YYYY-MM-DD, for example 2026-03-01${alternativesWords(schema)}`,
            why,
          ),
          fix,
        };
      }
      return { ...base, message: sentence(`${describeValue(value)} in ${where} is not a valid ${title}`, write, why) };
    }
    case 'pattern':
      return {
        ...base,
        message: sentence(`${describeValue(value)} is not a valid ${title}`, write ?? `Check ${where}`, why),
      };
    case 'enum': {
      const allowed = (err.params as { allowedValues: unknown[] }).allowedValues;
      const near =
        typeof value === 'string'
          ? allowed.find((a) => typeof a === 'string' && a.toLowerCase() === value.trim().toLowerCase())
          : undefined;
      const range = rangeFor(doc, pointer, false);
      return {
        ...base,
        message: sentence(
          `${describeValue(value)} is not one of the ${title} values this plan format knows`,
          `Use one of: ${allowed.map((a) => String(a)).join(', ')}`,
          why,
        ),
        fix:
          near !== undefined
            ? {
                title: `Change to '${String(near)}'`,
                safe: true,
                edits: [{ start: range.start.offset, end: range.end.offset, text: String(near) }],
              }
            : undefined,
      };
    }
    case 'const':
      return { ...base, message: sentence(`${describeValue(value)} is not allowed for ${title} here`, write, why) };
    case 'type': {
      const seg = parts.segments;
      const empty = value === null && seg[0] === 'frontMatter' && seg.length === 2;
      return {
        ...base,
        message: sentence(
          `The ${title} (${where}) should be ${typeWords((err.params as { type: unknown }).type)}, not ${describeValue(value)}`,
          write,
          why,
        ),
        fix: empty ? groupShapeFix(doc, seg[1], schema) : undefined,
      };
    }
    case 'minLength':
      return { ...base, message: sentence(`The ${title} (${where}) is empty`, write ?? `Write the ${title}`, why) };
    case 'maxLength':
      return { ...base, message: sentence(`The ${title} (${where}) is too long`, write, why) };
    default:
      return undefined;
  }
}

function placeCount(doc: PlanDocument, err: ErrorObject, parts: PointerParts): Placed {
  const schema = err.parentSchema as JsonSchema | undefined;
  const value = valueAt(doc.model, parts.segments);
  const n = Array.isArray(value) ? value.length : 0;
  const limit = (err.params as { limit: number }).limit;
  const seg = parts.segments;
  const last = seg[seg.length - 1];
  const title = titleOf(schema, last === 'rows' ? 'rows' : last);
  const where =
    seg[0] === 'frontMatter'
      ? `'${fieldPath(seg)}' in the front matter`
      : last === 'rows' && parts.tableDef
        ? tableName(doc, parts)
        : `the ${sectionName(doc, parts)} section`;
  const few = err.keyword === 'minItems';
  return {
    ruleId: few ? 'schema/too-few' : 'schema/too-many',
    message: sentence(
      seg[0] === 'frontMatter'
        ? `${capitalise(where)} has ${n} ${n === 1 ? 'entry' : 'entries'}; it needs ${few ? 'at least' : 'at most'} ${limit}`
        : few
          ? `${capitalise(where)} has ${n} ${n === 1 ? inTheSingular(title) : title}; it needs at least ${limit}`
          : `${capitalise(where)} has ${n} ${n === 1 ? inTheSingular(title) : title}; keep it to at most ${limit}`,
      schema?.['x-why'],
      schema?.['x-write'],
    ),
    pointer: parts.pointer,
    onAnchor: true,
  };
}

/** "rows" -> "row", "numbered steps" -> "numbered step": the last word, for a count of one. */
function inTheSingular(words: string): string {
  return words.replace(/ies$/, 'y').replace(/([^s])s$/, '$1');
}

function placeContains(doc: PlanDocument, err: ErrorObject, parts: PointerParts): Placed {
  const schema = err.parentSchema as JsonSchema | undefined;
  const seg = parts.segments;
  const pointer = parts.pointer;
  if (seg[seg.length - 1] === 'rows' && parts.tableDef) {
    const title = titleOf(schema, 'required row');
    const tablePtr = parentPointer(pointer);
    const table = valueAt(doc.model, seg.slice(0, -1)) as { columns?: Record<string, string> } | undefined;
    // The template's own row for it (with placeholders for what to write) when it has one.
    const owner = parts.subsectionDef ?? parts.sectionDef;
    const rowDef = parts.tableDef.mandatoryRows.find((r) => r.title === schema?.title);
    const row =
      (owner && rowDef && mandatoryRowCells(owner, parts.tableDef, rowDef)) ??
      ((schema?.['x-row'] ?? {}) as Record<string, string>);
    return {
      ruleId: 'schema/required-row',
      message: sentence(
        `${capitalise(tableName(doc, parts))} has no row for the ${title}`,
        schema?.['x-why'],
        schema?.['x-write'],
      ),
      pointer: tablePtr,
      onAnchor: true,
      fix: table?.columns ? insertMandatoryRowFix(doc, tablePtr, Object.keys(table.columns), row, title) : undefined,
    };
  }
  // A required step (`steps` with `contains`), in a section or one of its '###' parts: name what is missing.
  if (seg[seg.length - 1] === 'steps' && seg[0] !== 'frontMatter' && typeof schema?.title === 'string') {
    return {
      ruleId: 'schema/required-content',
      message: sentence(
        `The ${sectionName(doc, parts)} section has no step for the ${schema.title}`,
        schema['x-why'],
        schema['x-write'],
      ),
      pointer,
      onAnchor: true,
    };
  }
  return {
    ruleId: 'schema/required-row',
    message: sentence(
      `None of the entries in ${seg[0] === 'frontMatter' ? `'${fieldPath(seg)}'` : `the ${sectionName(doc, parts)} section`} is what the plan needs here`,
      schema?.['x-why'],
      schema?.['x-write'],
    ),
    pointer,
    onAnchor: true,
  };
}

/** `#/properties/frontMatter/properties/last_tested/anyOf/0/format` -> the anyOf's owner and the branch. */
function anyOfBranch(schemaPath: string): { ownerPath: string; index: number } | undefined {
  const m = /^(.*)\/anyOf\/(\d+)\/[^/]+$/.exec(schemaPath);
  return m ? { ownerPath: m[1], index: Number(m[2]) } : undefined;
}

/** The front-matter schema node at a schema path (only front-matter fields have alternatives today). */
function schemaAt(doc: PlanDocument, schemaPath: string): JsonSchema | undefined {
  const prefix = '#/properties/frontMatter';
  if (!schemaPath.startsWith(prefix)) return undefined;
  let node: JsonSchema | undefined = doc.catalogue.frontMatterSchema;
  for (const seg of schemaPath.slice(prefix.length).split('/').filter(Boolean)) {
    if (!node || typeof node !== 'object') return undefined;
    node = node[seg.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return node && typeof node === 'object' && Array.isArray(node.anyOf) ? node : undefined;
}

/** Keywords whose failure is explained by another error ajv also reports. */
const WRAPPERS = new Set(['if', 'then', 'else', 'allOf', 'anyOf', 'oneOf', 'not', '$ref']);

export function placeSchemaErrors(doc: PlanDocument, errors: ErrorObject[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  // Without readable front matter every field would be reported missing, burying the one real
  // problem; the front-matter rule reports that problem instead.
  const frontMatterUnreadable = !doc.frontMatter || doc.frontMatter.problems.length > 0;
  for (let err of errors) {
    if (WRAPPERS.has(err.keyword)) continue;
    const alt = anyOfBranch(err.schemaPath);
    if (alt) {
      // A value allowed in more than one form ('never' or a date): the first form's error explains it,
      // worded with the field's own title and guidance; the other forms' errors are not faults.
      if (
        alt.index > 0 &&
        errors.some((o) => o !== err && o.instancePath === err.instancePath && anyOfBranch(o.schemaPath)?.index === 0)
      )
        continue;
      const owner = schemaAt(doc, alt.ownerPath);
      if (owner) {
        const alternatives = (owner.anyOf as JsonSchema[]).filter((b) => b && 'const' in b).map((b) => String(b.const));
        err = {
          ...err,
          parentSchema: {
            ...owner,
            ...(err.parentSchema as JsonSchema),
            anyOf: undefined,
            'x-alternatives': alternatives,
          },
        };
      }
    }
    const pointer = pointerFromJson(err.instancePath);
    if (frontMatterUnreadable && isAtOrBelow(pointer, FRONT_MATTER_POINTER)) continue;
    // Items tried by `contains` that did not match are not faults; the contains error says what is missing.
    if (err.schemaPath.includes('/contains/')) continue;
    const parts = partsOf(doc, pointer);
    if (parts.sectionId && parts.segments.length > 2) {
      const section = doc.model.sections[parts.sectionId];
      if (section && section.words === 0) continue; // the empty-section rule says it once
    }
    const value = valueAt(doc.model, parts.segments);
    let placed: Placed | undefined;
    if (err.keyword === 'required') placed = placeRequired(doc, err, parts);
    else if (err.keyword === 'minItems' || err.keyword === 'maxItems') placed = placeCount(doc, err, parts);
    else if (err.keyword === 'contains' || err.keyword === 'minContains') placed = placeContains(doc, err, parts);
    else {
      if (containsPlaceholder(value)) continue; // the placeholder rule says it once
      placed = placeValue(doc, err, parts);
    }
    if (!placed) {
      placed = {
        ruleId: 'schema/invalid-value',
        message: sentence(
          `Something in ${describeWhere(doc, parts)} does not match the plan format`,
          (err.parentSchema as JsonSchema | undefined)?.['x-write'],
        ),
        pointer,
        onAnchor: false,
      };
    }
    const range = rangeFor(doc, placed.pointer, placed.onAnchor);
    const key = `${placed.ruleId}|${range.start.offset}|${placed.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const d: Diagnostic = {
      ruleId: placed.ruleId,
      severity: 'error',
      message: placed.message,
      range,
      url: ruleDocsUrl(placed.ruleId),
    };
    if (placed.fix) d.fix = placed.fix;
    if (placed.alternatives) d.alternatives = placed.alternatives;
    out.push(d);
  }
  return out;
}
