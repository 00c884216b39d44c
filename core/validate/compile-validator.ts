/**
 * The plan schema compiled once per schema set (ajv set up in plan-ajv.ts). `verbose` keeps the
 * failing subschema on each error: that is where the plain-English wording comes from. An ICB
 * extension is validated beside the project's schema (it may also $ref it by $id; duplicates are
 * merged later).
 */
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import type { JsonSchema } from '../schema/catalogue.js';
import { createPlanAjv } from './plan-ajv.js';

export interface PlanValidator {
  validate(model: unknown): ErrorObject[];
}

export class SchemaCompileError extends Error {}

const cache = new Map<string, PlanValidator>();
const identities = new WeakMap<JsonSchema, number>();
let nextIdentity = 1;

/** Schema objects are loaded once and reused, so their identity is a cheap cache key. */
function identityOf(schema: JsonSchema): number {
  let id = identities.get(schema);
  if (id === undefined) identities.set(schema, (id = nextIdentity++));
  return id;
}

export function compileValidator(schemas: JsonSchema[]): PlanValidator {
  const key = schemas.map(identityOf).join(',');
  const hit = cache.get(key);
  if (hit) return hit;
  const ajv = createPlanAjv({ verbose: true });
  const fns: ValidateFunction[] = schemas.map((schema, i) => {
    try {
      return ajv.compile(schema);
    } catch (e) {
      const which = i === 0 ? 'The plan schema' : 'The schema extension';
      throw new SchemaCompileError(`${which} is not a valid JSON Schema: ${(e as Error).message}`);
    }
  });
  const validator: PlanValidator = {
    validate(model) {
      const errors: ErrorObject[] = [];
      for (const fn of fns) if (!fn(model)) errors.push(...(fn.errors ?? []));
      return errors;
    },
  };
  cache.set(key, validator);
  if (cache.size > 20) cache.delete(cache.keys().next().value as string);
  return validator;
}
