/** What placing one ajv error produces, and the small wording helpers the placers share. */
import type { Fix } from '../diagnostic.js';
import type { ModelPointer } from '../model/model-pointer.js';
import type { JsonSchema } from '../schema/catalogue.js';

export interface Placed {
  ruleId: string;
  message: string;
  pointer: ModelPointer;
  /** Put it on the container's anchor (something missing inside) rather than the value itself. */
  onAnchor: boolean;
  fix?: Fix;
  /** Other fixes a person may choose instead. */
  alternatives?: Fix[];
}

export function titleOf(schema: JsonSchema | undefined, fallback: string): string {
  return typeof schema?.title === 'string' ? schema.title : fallback;
}

export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
