/** The `maxAgeMonths` option the date rules share: its schema (checked when the config is read) and its value. */
import type { JsonSchema } from '../schema/catalogue.js';

export function maxAgeMonthsSchema(defaultMonths: number): JsonSchema {
  return {
    type: 'object',
    properties: {
      maxAgeMonths: {
        type: 'integer',
        minimum: 1,
        maximum: 120,
        description: `How many months old the date may be (default ${defaultMonths}).`,
      },
    },
    additionalProperties: false,
  };
}

/** The configured months, already checked against the schema above, or the rule's default. */
export function maxAgeMonths(options: Record<string, unknown>, defaultMonths: number): number {
  return typeof options.maxAgeMonths === 'number' ? options.maxAgeMonths : defaultMonths;
}
