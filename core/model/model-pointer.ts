/**
 * Paths into the plan model: JSON pointers (RFC 6901, e.g. `/sections/contacts/tables/contacts/rows/2/phone`).
 * The one place they are built and read, so the escaping (`~` -> `~0`, `/` -> `~1`) cannot be forgotten
 * by one writer or reader and the model's layout (where steps, tables and cells live) is written once.
 *
 * A `ModelPointer` is a branded string: only this module makes one, so a pointer glued together by hand
 * does not type-check as a key of the source map.
 */

declare const modelPointerBrand: unique symbol;
export type ModelPointer = string & { readonly [modelPointerBrand]: true };

export type Segment = string | number;

/** The parts of a section (or subsection) the model files content under. */
export type SectionPart = 'steps' | 'bullets' | 'tables' | 'subsections' | 'text';
export const SECTION_PARTS: readonly SectionPart[] = ['steps', 'bullets', 'tables', 'subsections', 'text'];

/** The whole model. */
export const ROOT_POINTER = '' as ModelPointer;

function escapeSegment(segment: Segment): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

function unescapeSegment(segment: string): string {
  // `~1` first would turn `~01` into `/` instead of `~1` (RFC 6901 section 4).
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** A pointer from the model's root through these segments, each escaped. */
export function pointerOf(...segments: Segment[]): ModelPointer {
  return segments.map((s) => '/' + escapeSegment(s)).join('') as ModelPointer;
}

/** A pointer below `parent`. */
export function childPointer(parent: ModelPointer, ...segments: Segment[]): ModelPointer {
  return (parent + pointerOf(...segments)) as ModelPointer;
}

/**
 * A pointer that arrived from elsewhere already escaped: ajv's `instancePath`, which ajv builds with
 * the same RFC 6901 escaping from the same model.
 */
export function pointerFromJson(pointer: string): ModelPointer {
  if (pointer !== '' && !pointer.startsWith('/')) throw new Error(`Not a JSON pointer: ${pointer}`);
  return pointer as ModelPointer;
}

/** The segments of a pointer, unescaped. */
export function segmentsOf(pointer: ModelPointer): string[] {
  if (pointer === '') return [];
  return pointer.slice(1).split('/').map(unescapeSegment);
}

/** The pointer one level up; the root's parent is the root. */
export function parentPointer(pointer: ModelPointer): ModelPointer {
  return pointer.slice(0, Math.max(0, pointer.lastIndexOf('/'))) as ModelPointer;
}

/** True when `pointer` is `ancestor` or anywhere below it. */
export function isAtOrBelow(pointer: ModelPointer, ancestor: ModelPointer): boolean {
  return pointer === ancestor || pointer.startsWith(ancestor + '/');
}

/** True when `pointer` is anywhere below `ancestor` (not `ancestor` itself). */
export function isBelow(pointer: ModelPointer, ancestor: ModelPointer): boolean {
  return pointer.startsWith(ancestor + '/');
}

/** True when `pointer` is exactly one level below `parent`. */
export function isChildOf(pointer: ModelPointer, parent: ModelPointer): boolean {
  return pointer.startsWith(parent + '/') && !pointer.slice(parent.length + 1).includes('/');
}

// The model's layout: where each kind of thing lives.

export const FRONT_MATTER_POINTER = pointerOf('frontMatter');
export const SECTIONS_POINTER = pointerOf('sections');

/** A front-matter value: `frontMatterPointer('practice', 'ods_code')`, `frontMatterPointer('eps_pharmacies', 0)`. */
export function frontMatterPointer(...keys: Segment[]): ModelPointer {
  return childPointer(FRONT_MATTER_POINTER, ...keys);
}

export function sectionPointer(sectionId: string): ModelPointer {
  return childPointer(SECTIONS_POINTER, sectionId);
}

export function subsectionPointer(section: ModelPointer, subsectionId: string): ModelPointer {
  return childPointer(section, 'subsections', subsectionId);
}

/** One of a section's containers: its steps, bullets, tables, subsections or text. */
export function partPointer(owner: ModelPointer, part: SectionPart): ModelPointer {
  return childPointer(owner, part);
}

export function stepPointer(owner: ModelPointer, index: number, field?: 'text' | 'role'): ModelPointer {
  return field ? childPointer(owner, 'steps', index, field) : childPointer(owner, 'steps', index);
}

export function bulletPointer(owner: ModelPointer, index: number): ModelPointer {
  return childPointer(owner, 'bullets', index);
}

export function tablePointer(owner: ModelPointer, tableId: string): ModelPointer {
  return childPointer(owner, 'tables', tableId);
}

export function columnPointer(table: ModelPointer, columnId?: string): ModelPointer {
  return columnId === undefined ? childPointer(table, 'columns') : childPointer(table, 'columns', columnId);
}

export function rowPointer(table: ModelPointer, row?: number): ModelPointer {
  return row === undefined ? childPointer(table, 'rows') : childPointer(table, 'rows', row);
}

export function cellPointer(table: ModelPointer, row: number, columnId: string): ModelPointer {
  return childPointer(table, 'rows', row, columnId);
}

/** How a front-matter field is named to people: `practice.ods_code`, `eps_pharmacies[0].phone`. */
export function frontMatterLabel(keys: readonly Segment[]): string {
  return keys.map((k, i) => (typeof k === 'number' || /^[0-9]+$/.test(k) ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');
}

/**
 * A pointer read back into the model's terms: which section, subsection and table it is inside, and
 * the segments after the innermost of those.
 */
export interface ModelPath {
  pointer: ModelPointer;
  segments: string[];
  /** `frontMatter`, `sections`, or undefined for the root. */
  area?: 'frontMatter' | 'sections';
  sectionId?: string;
  subsectionId?: string;
  tableId?: string;
  /** The pointer of the innermost section, subsection or table named above. */
  owner?: ModelPointer;
  /** Segments after `owner` (after the area for front matter). */
  rest: string[];
}

export function readModelPath(pointer: ModelPointer): ModelPath {
  const segments = segmentsOf(pointer);
  const [area] = segments;
  if (area === 'frontMatter') return { pointer, segments, area, rest: segments.slice(1) };
  if (area !== 'sections') return { pointer, segments, rest: segments };
  const path: ModelPath = { pointer, segments, area, rest: segments.slice(1) };
  if (segments.length < 2) return path;
  path.sectionId = segments[1];
  path.owner = sectionPointer(segments[1]);
  let rest = segments.slice(2);
  if (rest[0] === 'subsections' && rest[1]) {
    path.subsectionId = rest[1];
    path.owner = subsectionPointer(path.owner, rest[1]);
    rest = rest.slice(2);
  }
  if (rest[0] === 'tables' && rest[1]) {
    path.tableId = rest[1];
    path.owner = tablePointer(path.owner, rest[1]);
    rest = rest.slice(2);
  }
  path.rest = rest;
  return path;
}
