import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { JsonSchema } from './catalogue.js';

let foundDir: string | undefined;

/** The project's schema folder, found upward from this module (source, dist/ or a bundle). */
export function schemaDir(): string {
  if (foundDir) return foundDir;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'schema', 'plan.schema.json'))) return (foundDir = join(dir, 'schema'));
    dir = dirname(dir);
  }
  throw new Error('schema/plan.schema.json was not found next to the continuity tools; reinstall them.');
}

function schemaPath(): string {
  return join(schemaDir(), 'plan.schema.json');
}

let cached: JsonSchema | undefined;

export function loadPlanSchema(): JsonSchema {
  cached ??= JSON.parse(readFileSync(schemaPath(), 'utf8')) as JsonSchema;
  return cached;
}

export const PLAN_SCHEMA_ID = 'urn:continuity-plans:plan.schema.json';
