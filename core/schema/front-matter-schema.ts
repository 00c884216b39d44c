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

/** What a missing field is written as: its default, `{}` for a group, `[]` for a list, else `{{Title}}`. */
export function missingFieldValue(schema: JsonSchema | undefined, key: string): unknown {
  if (hasDefault(schema)) return schema.default;
  if (schema?.type === 'object') return {};
  if (schema?.type === 'array') return [];
  return `{{${fieldTitle(schema, key)}}}`;
}
