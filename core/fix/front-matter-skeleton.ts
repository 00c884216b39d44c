/**
 * The full shape of a front-matter field, read from the schema: a group gets every field a practice
 * must fill in (with placeholders), never `icb: {}`. Used by add-missing, import and the messages.
 */
import { stringify } from 'yaml';
import type { JsonSchema } from '../schema/catalogue.js';
import { skeletonValue, type KnownValues } from '../schema/front-matter-schema.js';

export { skeletonValue, type KnownValues };

/** `key:` and its whole shape as YAML lines (no trailing newline), for insertion into front matter. */
export function fieldYaml(key: string, node: JsonSchema | undefined, known: KnownValues = {}, eol = '\n'): string {
  const value = skeletonValue(node, key, key, known);
  return stringify({ [key]: value }, { lineWidth: 0 })
    .trimEnd()
    .replace(/\n/g, eol);
}

/** The shape written out for a message: "icb:\n  name: ...\n  ods_code: ..." on one line each. */
export function shapeForMessage(key: string, node: JsonSchema | undefined): string {
  return fieldYaml(key, node);
}
