/**
 * Reading the front matter's part of the schema: the one walk from a key path to the schema of that
 * field, and the one rule for what a missing field is filled with (its default, an empty group or
 * list, or a `{{Title}}` placeholder). The missing-field message, its quick fix and the skeleton the
 * front-matter rule inserts all use these, so they cannot disagree.
 */
import type { JsonSchema } from './catalogue.js';

/**
 * The schema of the field at `path` below `root` (`['practice', 'ods_code']`, `['eps_pharmacies', '0', 'phone']`):
 * a numeric key steps into a list's `items`, any other into `properties`.
 */
export function frontMatterSchemaAt(root: JsonSchema | undefined, path: readonly string[]): JsonSchema | undefined {
  let node = root;
  for (const key of path) {
    if (!node) return undefined;
    node = /^[0-9]+$/.test(key) ? node.items : node.properties?.[key];
  }
  return node;
}

/** The field's title, or its key when the schema gives none. */
export function fieldTitle(schema: JsonSchema | undefined, key: string): string {
  return typeof schema?.title === 'string' ? schema.title : key;
}

/** True when the schema gives the field a default value (which a fix may then insert as safe). */
export function hasDefault(schema: JsonSchema | undefined): schema is JsonSchema & { default: unknown } {
  return !!schema && 'default' in schema;
}

/** What a missing field is written as: its default, else its whole shape with placeholders (never `icb: {}`). */
export function missingFieldValue(schema: JsonSchema | undefined, key: string): unknown {
  return skeletonValue(schema, key, key, {});
}

/** Values already known, keyed by dotted path (`practice.name`), used instead of placeholders. */
export type KnownValues = Record<string, unknown>;

const MAX_DEPTH = 6;

function placeholderFor(node: JsonSchema, key: string): string {
  if (Array.isArray(node.enum)) {
    const names = node.enum.map(String);
    return `{{${names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}` : names[0]}}}`;
  }
  if (node['x-kind'] === 'date' || node.format === 'date') return '{{YYYY-MM-DD}}';
  return `{{${typeof node.title === 'string' ? node.title : key.replace(/_/g, ' ')}}}`;
}

function isScalarField(node: JsonSchema): boolean {
  const t = Array.isArray(node.type) ? node.type : [node.type];
  if (Array.isArray(node.enum)) return true;
  return t.some((x) => x === 'string' || x === 'number' || x === 'integer');
}

/**
 * A skeleton value for one schema node. Objects get their required fields and their optional text
 * fields (the shape a person fills in); lists get as many items as they must have; a `contains`
 * with fixed values (one hard copy off site) is honoured on the last item.
 */
export function skeletonValue(
  node: JsonSchema | undefined,
  key: string,
  path: string,
  known: KnownValues,
  depth = 0,
): unknown {
  if (path in known) return known[path];
  if (!node || typeof node !== 'object' || depth > MAX_DEPTH) return `{{${key.replace(/_/g, ' ')}}}`;
  if ('const' in node) return node.const;
  if ('default' in node) return node.default;
  const type = Array.isArray(node.type) ? node.type : [node.type];
  if (type.includes('object') || node.properties) {
    const required: string[] = node.required ?? [];
    const out: Record<string, unknown> = {};
    for (const [k, child] of Object.entries<JsonSchema>(node.properties ?? {})) {
      const childPath = `${path}.${k}`;
      if (required.includes(k) || childPath in known || (isScalarField(child) && !('default' in child))) {
        out[k] = skeletonValue(child, k, childPath, known, depth + 1);
      }
    }
    return out;
  }
  if (type.includes('array') || node.items) {
    const count = Math.max(1, Math.min(typeof node.minItems === 'number' ? node.minItems : 1, 3));
    const items: unknown[] = [];
    for (let i = 0; i < count; i++) items.push(skeletonValue(node.items, key, `${path}.${i}`, known, depth + 1));
    const fixed = node.contains?.properties;
    if (fixed && typeof fixed === 'object') {
      const last = items[items.length - 1];
      if (last && typeof last === 'object') {
        for (const [k, p] of Object.entries<JsonSchema>(fixed))
          if (p && 'const' in p) (last as Record<string, unknown>)[k] = p.const;
      }
    }
    return items;
  }
  if (type.includes('boolean')) return false;
  return placeholderFor(node, key);
}
