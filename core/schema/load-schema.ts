import { host } from '../host/host.js';
import type { JsonSchema } from './catalogue.js';

let cached: JsonSchema | undefined;

/** The shipped plan schema (schema/plan.schema.json), read once through the host. */
export function loadPlanSchema(): JsonSchema {
  cached ??= JSON.parse(host().resource('plan.schema.json')) as JsonSchema;
  return cached;
}

export const PLAN_SCHEMA_ID = 'urn:continuity-plans:plan.schema.json';
