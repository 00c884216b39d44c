/**
 * Rule options checked against the JSON Schema each rule declares (`Rule.options`), as
 * typescript-eslint checks its rules' options: a misspelt option or a value out of range stops the
 * run with a message that names the allowed options and values, instead of being silently ignored.
 * Rules that declare no schema take no options.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import type { JsonSchema } from '../schema/catalogue.js';
import { rules } from '../rules/index.js';

/** The options schema of a rule that takes none (and of the schema's own findings). */
const NO_OPTIONS: JsonSchema = { type: 'object', properties: {}, additionalProperties: false };

const ajv = new Ajv({ strict: true, allErrors: false });
const compiled = new Map<string, ValidateFunction>();

export function ruleOptionsSchema(ruleId: string): JsonSchema {
  return rules.find((r) => r.id === ruleId)?.options ?? NO_OPTIONS;
}

function validatorFor(ruleId: string): ValidateFunction {
  let fn = compiled.get(ruleId);
  if (!fn) compiled.set(ruleId, (fn = ajv.compile(ruleOptionsSchema(ruleId))));
  return fn;
}

const TYPE_WORDS: Record<string, string> = {
  integer: 'a whole number',
  number: 'a number',
  string: 'text',
  boolean: 'true or false',
};

function describeError(ruleId: string, schema: JsonSchema, err: ErrorObject): string {
  const allowed = Object.keys(schema.properties ?? {});
  const option = err.instancePath.replace(/^\//, '').replace(/~1/g, '/').replace(/~0/g, '~');
  const p = err.params as Record<string, unknown>;
  switch (err.keyword) {
    case 'additionalProperties':
      return allowed.length === 0
        ? `rule '${ruleId}' takes no options, but has '${String(p.additionalProperty)}'`
        : `rule '${ruleId}' has no option '${String(p.additionalProperty)}'. Its options: ${allowed.join(', ')}`;
    case 'type':
      return `rule '${ruleId}': option '${option}' must be ${TYPE_WORDS[String(p.type)] ?? String(p.type)}, not ${JSON.stringify(err.data ?? null)}`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const range = schema.properties?.[option];
      const bounds =
        range && typeof range.minimum === 'number' && typeof range.maximum === 'number'
          ? ` (from ${range.minimum} to ${range.maximum})`
          : '';
      return `rule '${ruleId}': option '${option}' is ${JSON.stringify(err.data)}, out of range${bounds}`;
    }
    default:
      return `rule '${ruleId}': option '${option || '(options)'}' is not valid (${err.keyword})`;
  }
}

/** Undefined when the options suit the rule, otherwise what is wrong, in words for the config file's author. */
export function checkRuleOptions(ruleId: string, options: Record<string, unknown>): string | undefined {
  const fn = validatorFor(ruleId);
  if (fn(options)) return undefined;
  // verbose off: the failing value is read back from the options themselves.
  const err = fn.errors![0];
  const option = err.instancePath.slice(1);
  return describeError(ruleId, ruleOptionsSchema(ruleId), { ...err, data: option ? options[option] : options });
}
