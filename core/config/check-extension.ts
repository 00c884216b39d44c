/**
 * An ICB's schema extension is checked once, when the configuration is loaded, so that a fault in it
 * is one configuration error naming the file (exit 2), not an internal error on every plan:
 *
 * - every `pattern` (and `patternProperties` key) must compile, be of sane length, and not backtrack
 *   catastrophically: a pattern such as `^(a+)+$` would make every check of every plan hang. Patterns
 *   are checked with recheck (the checker the project's own regular expressions are audited with);
 *   where it cannot be loaded (a bundled editor extension, a browser), nested quantifiers are refused
 *   instead (core/host/pattern-shape.ts);
 * - the extension must compile together with the plan schema, and give a usable section catalogue;
 *   its annotations (x-template, x-sources ...) must have the shapes the tools read (annotations.ts).
 */
import { ANNOTATION_SHAPES } from '../schema/annotations.js';
import { buildCatalogue, type JsonSchema } from '../schema/catalogue.js';
import { compileValidator } from '../validate/compile-validator.js';
import { host } from '../host/host.js';

export const MAX_PATTERN_LENGTH = 500;

const verdicts = new Map<string, string>();

function patternsOf(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) for (const n of node) patternsOf(n, out);
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === 'pattern' && typeof v === 'string') out.push(v);
      if (k === 'patternProperties' && v && typeof v === 'object') out.push(...Object.keys(v));
      patternsOf(v, out);
    }
  }
  return out;
}

/** Why a pattern from a schema extension is refused, or undefined. */
export function patternProblem(source: string): string | undefined {
  if (source.length > MAX_PATTERN_LENGTH)
    return `it is ${source.length} characters long; patterns may be at most ${MAX_PATTERN_LENGTH}`;
  try {
    new RegExp(source, 'u');
  } catch (e) {
    return `it is not a valid regular expression (${(e as Error).message})`;
  }
  let verdict = verdicts.get(source);
  if (verdict === undefined) {
    verdict = host().patternVerdict(source);
    verdicts.set(source, verdict);
  }
  if (verdict === 'safe') return undefined;
  return verdict === 'vulnerable'
    ? 'it can take so long on some text that checking a plan would hang (catastrophic backtracking); rewrite it without nested or overlapping repeats such as (a+)+'
    : 'it could not be shown to run in reasonable time on all text; simplify it';
}

/** A problem with the extension (in words for the configuration error), or undefined when it is usable. */
export function extensionProblem(base: JsonSchema, extension: JsonSchema): string | undefined {
  for (const source of patternsOf(extension)) {
    const problem = patternProblem(source);
    if (problem)
      return `its pattern ${JSON.stringify(source.length > 80 ? source.slice(0, 80) + '...' : source)} is refused: ${problem}`;
  }
  try {
    compileValidator([base, extension]);
    buildCatalogue([base, extension]);
  } catch (e) {
    const message = (e as Error).message;
    const annotation = /keyword "(x-[a-z-]{1,40})" value is invalid at path "#?([^"]{0,500})"/.exec(message);
    if (annotation && Object.hasOwn(ANNOTATION_SHAPES, annotation[1]))
      return `its "${annotation[1]}" at ${annotation[2] || '/'} is not what the tools read: it must be ${ANNOTATION_SHAPES[annotation[1]].description}`;
    return `it is not a valid extension of the plan schema: ${message.replace(/^The schema extension is not a valid JSON Schema: /, '')}`;
  }
  return undefined;
}
