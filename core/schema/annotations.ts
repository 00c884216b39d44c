/**
 * The schema's annotation keywords (x-why, x-write, x-template ...) and the shape of each one's value,
 * as a JSON Schema with a `description` in words. Registered with ajv (plan-ajv.ts), which checks
 * every use against its shape when a schema is compiled: so a fault in an ICB's extension, such as a
 * number where the section's starter text belongs, is one configuration error naming the file, not a
 * rule failing on every plan. The table lives beside the schema so the generator shares it.
 */
import { host } from '../host/host.js';

export interface AnnotationShape {
  description: string;
  [keyword: string]: unknown;
}

export const ANNOTATION_SHAPES: Readonly<Record<string, AnnotationShape>> = JSON.parse(
  host().resource('annotation-keywords.json'),
);

export const ANNOTATION_KEYWORDS: string[] = Object.keys(ANNOTATION_SHAPES);
