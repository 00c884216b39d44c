/**
 * The schema's annotation keywords (x-why, x-write, x-template ...): registered with ajv so strict mode
 * accepts them; never validated. The list lives beside the schema so the generator shares it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { schemaDir } from './load-schema.js';

export const ANNOTATION_KEYWORDS: string[] = JSON.parse(
  readFileSync(join(schemaDir(), 'annotation-keywords.json'), 'utf8'),
);
