/**
 * The catalogue is what the tools read from the schema's annotations: which sections exist (titles,
 * aliases, guidance, templates, order), their subsections and tables, and which values are dates or
 * phone numbers. Nothing here is hard-coded: adding a section to the schema adds it everywhere.
 */
import { normaliseHeading } from './normalise.js';
import { readSources, type Source } from './sources.js';

export type JsonSchema = Record<string, any>;

export interface Guidance {
  title: string;
  description?: string;
  why?: string;
  write?: string;
  template?: string;
  /** Where the requirement comes from (`x-sources`); empty when the schema names none. */
  sources: Source[];
}

export interface ColumnDef extends Guidance {
  id: string;
  aliases: string[];
  /** Headers that may mean this column but also other things (`x-related`): a suggestion only. */
  related: string[];
  kind?: string;
}

/** A row the table must contain (e.g. the GP IT service desk in contacts), from `rows.allOf[].contains`. */
export interface MandatoryRowDef extends Guidance {
  /** Cells inserted by a quick fix or completion (`x-row`). */
  cells: Record<string, string>;
  /** Column id -> pattern a row must match to count as this row. */
  patterns: Record<string, string>;
  /** The same patterns compiled (once, here): where a step names this row's contact. */
  compiled: RegExp[];
  matches(row: Record<string, string>): boolean;
}

export interface TableDef extends Guidance {
  id: string;
  /** The section (or part) must have this table. */
  required: boolean;
  columns: ColumnDef[];
  requiredColumns: string[];
  mandatoryRows: MandatoryRowDef[];
  /** Rows record what happened (`x-history`: revision history, lessons log): old names in them are history. */
  history: boolean;
}

function readMandatoryRows(rowsNode: JsonSchema | undefined): MandatoryRowDef[] {
  return (rowsNode?.allOf ?? [])
    .filter((m: JsonSchema) => m?.contains)
    .map((m: JsonSchema) => {
      const patterns: Record<string, string> = {};
      for (const [col, p] of Object.entries<JsonSchema>(m.contains.properties ?? {}))
        if (typeof p?.pattern === 'string') patterns[col] = p.pattern;
      const compiled = Object.entries(patterns).map(([col, p]) => [col, new RegExp(p, 'u')] as const);
      return {
        ...guidanceOf(m, 'row'),
        cells: (m['x-row'] ?? {}) as Record<string, string>,
        patterns,
        compiled: compiled.map(([, re]) => re),
        matches: (row: Record<string, string>) =>
          compiled.every(([col, re]) => typeof row[col] === 'string' && re.test(row[col])),
      };
    });
}

export interface SectionDef extends Guidance {
  id: string;
  aliases: string[];
  /** Words that identify the section in a practice's own heading (`x-keywords`). */
  keywords: string[];
  /** Words that point to the section but may mean something else (`x-related`): a suggestion only. */
  related: string[];
  required: boolean;
  recommended: boolean;
  /** Position in the schema: the order sections should appear in a plan. */
  order: number;
  /** What matters most in an outage, 1 first (`x-priority`); the editor's "Do these first" order. */
  priority?: number;
  subsections: SectionDef[];
  tables: TableDef[];
}

export interface Catalogue {
  sections: SectionDef[];
  byId: Map<string, SectionDef>;
  /** Normalised heading -> section id, for the top level. */
  headingIndex: Map<string, string>;
  /** Front-matter pointer patterns (`*` for array items) whose value has an `x-kind`. */
  frontMatterKinds: { path: string[]; kind: string; title: string }[];
  frontMatterSchema: JsonSchema;
}

function guidanceOf(node: JsonSchema, fallbackTitle: string): Guidance {
  return {
    title: typeof node.title === 'string' ? node.title : fallbackTitle,
    description: node.description,
    why: node['x-why'],
    write: node['x-write'],
    template: node['x-template'],
    sources: readSources(node['x-sources']),
  };
}

function readTables(sectionNode: JsonSchema): TableDef[] {
  const tables = sectionNode.properties?.tables?.properties ?? {};
  const required: unknown = sectionNode.properties?.tables?.required;
  return Object.entries<JsonSchema>(tables).map(([id, node]) => {
    const columnProps = node.properties?.rows?.items?.properties ?? {};
    return {
      id,
      required: Array.isArray(required) && required.includes(id),
      ...guidanceOf(node, `${id} table`),
      requiredColumns: node.properties?.columns?.required ?? [],
      mandatoryRows: readMandatoryRows(node.properties?.rows),
      history: node['x-history'] === true,
      columns: Object.entries<JsonSchema>(columnProps).map(([colId, col]) => ({
        id: colId,
        ...guidanceOf(col, colId),
        aliases: col['x-aliases'] ?? [],
        related: stringList(col['x-related']),
        kind: col['x-kind'],
      })),
    };
  });
}

/** An annotation that should be a list of words: anything else (an extension's mistake) is ignored. */
function stringList(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.length <= 200).slice(0, 200) : [];
}

function readSections(container: JsonSchema | undefined, startOrder: number): SectionDef[] {
  const props = container?.properties ?? {};
  const required: string[] = container?.required ?? [];
  return Object.entries<JsonSchema>(props).map(([id, node], i) => ({
    id,
    ...guidanceOf(node, id),
    aliases: node['x-aliases'] ?? [],
    keywords: stringList(node['x-keywords']),
    related: stringList(node['x-related']),
    required: required.includes(id),
    recommended: node['x-recommended'] === true,
    order: startOrder + i,
    ...(typeof node['x-priority'] === 'number' ? { priority: node['x-priority'] } : {}),
    subsections: readSections(node.properties?.subsections, 0),
    tables: readTables(node),
  }));
}

/** The `sections` nodes of a schema and of the schemas it combines with allOf (an ICB extension). */
function sectionContainers(schema: JsonSchema): JsonSchema[] {
  const found: JsonSchema[] = [];
  if (schema.properties?.sections) found.push(schema.properties.sections);
  for (const member of schema.allOf ?? []) found.push(...sectionContainers(member));
  return found;
}

function frontMatterContainers(schema: JsonSchema): JsonSchema[] {
  const found: JsonSchema[] = [];
  if (schema.properties?.frontMatter) found.push(schema.properties.frontMatter);
  for (const member of schema.allOf ?? []) found.push(...frontMatterContainers(member));
  return found;
}

function collectKinds(node: JsonSchema, path: string[], out: Catalogue['frontMatterKinds'], title: string): void {
  if (!node || typeof node !== 'object') return;
  if (typeof node['x-kind'] === 'string') out.push({ path, kind: node['x-kind'], title: node.title ?? title });
  for (const [key, child] of Object.entries<JsonSchema>(node.properties ?? {})) {
    collectKinds(child, [...path, key], out, child?.title ?? key);
  }
  if (node.items && typeof node.items === 'object') collectKinds(node.items, [...path, '*'], out, node.title ?? title);
}

/** Build the catalogue from the project's schema and, optionally, an ICB's extension schema. */
export function buildCatalogue(schemas: JsonSchema[]): Catalogue {
  const sections: SectionDef[] = [];
  const byId = new Map<string, SectionDef>();
  for (const schema of schemas) {
    for (const container of sectionContainers(schema)) {
      for (const def of readSections(container, sections.length)) {
        const existing = byId.get(def.id);
        if (existing) {
          // An extension may make a recommended section required, or add aliases.
          existing.required ||= def.required;
          existing.aliases.push(...def.aliases);
          existing.keywords.push(...def.keywords);
          existing.related.push(...def.related);
          continue;
        }
        byId.set(def.id, def);
        sections.push(def);
      }
    }
  }
  const headingIndex = new Map<string, string>();
  for (const def of sections) {
    for (const name of [def.title, def.id.replace(/-/g, ' '), ...def.aliases]) {
      const key = normaliseHeading(name);
      if (key && !headingIndex.has(key)) headingIndex.set(key, def.id);
    }
  }
  const frontMatterKinds: Catalogue['frontMatterKinds'] = [];
  const fmContainers = schemas.flatMap(frontMatterContainers);
  for (const fm of fmContainers) collectKinds(fm, [], frontMatterKinds, 'front matter');
  return { sections, byId, headingIndex, frontMatterKinds, frontMatterSchema: fmContainers[0] ?? {} };
}

/** Match a heading against a list of definitions (sections or subsections). */
export function matchDefinition<T extends { id: string; title: string; aliases: string[] }>(
  heading: string,
  defs: T[],
): T | undefined {
  const key = normaliseHeading(heading);
  if (!key) return undefined;
  return defs.find((d) => namesOf(d).has(key));
}

// Each definition's normalised names, computed once: headings are matched on every keystroke.
const names = new WeakMap<object, { count: number; set: Set<string> }>();
function namesOf(d: { id: string; title: string; aliases: string[] }): Set<string> {
  const hit = names.get(d);
  // aliases can grow when an extension schema adds some; recompute then
  if (hit && hit.count === d.aliases.length) return hit.set;
  const set = new Set([d.title, d.id.replace(/-/g, ' '), ...d.aliases].map(normaliseHeading));
  names.set(d, { count: d.aliases.length, set });
  return set;
}

export function matchColumn(header: string, columns: ColumnDef[]): ColumnDef | undefined {
  return matchDefinition(header, columns);
}
