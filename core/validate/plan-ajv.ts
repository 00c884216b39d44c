/**
 * The one ajv set-up for the plan schema, used by the checker and by the schema generator (so a
 * schema that would not compile in the tools never ships): JSON Schema 2020-12 in strict mode, with
 * the `date` format and the schema's annotation keywords registered, each with the shape of its value.
 * strictRequired is off only because `if/then: required` (approvers when approved) is idiomatic.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { ANNOTATION_SHAPES } from '../schema/annotations.js';

export interface PlanAjvOptions {
  /** Keep the failing subschema on each error: the checker words its messages from it. */
  verbose?: boolean;
}

export function createPlanAjv(options: PlanAjvOptions = {}): Ajv2020 {
  const ajv = new Ajv2020({
    strict: true,
    strictRequired: false,
    allErrors: true,
    allowUnionTypes: true,
    verbose: options.verbose ?? false,
  });
  (addFormats as unknown as (a: Ajv2020, f: string[]) => void)(ajv, ['date']);
  // Annotations validate nothing in a plan (no-op code), but ajv checks each one's value against its
  // shape (metaSchema) when a schema is compiled.
  for (const [keyword, metaSchema] of Object.entries(ANNOTATION_SHAPES))
    ajv.addKeyword({ keyword, metaSchema, code() {} });
  return ajv;
}
