import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
export const TODAY = '2026-11-22';

export function readPlan(name: string): string {
  return readFileSync(join(ROOT, 'plans', name), 'utf8');
}

/** A complete, clean plan to mutate in tests: the first shipped example. */
export function cleanPlan(): string {
  return readPlan(process.env.CLEAN_PLAN ?? 'example-riverside-medical-centre.md');
}

/** Replace exactly one occurrence, failing loudly if the text is not there (tests must not silently pass). */
export function replaceOnce(text: string, from: string | RegExp, to: string): string {
  const matches =
    typeof from === 'string'
      ? text.split(from).length - 1
      : (text.match(new RegExp(from.source, from.flags.includes('g') ? from.flags : from.flags + 'g')) ?? []).length;
  if (matches !== 1) throw new Error(`expected exactly one match of ${String(from)}, found ${matches}`);
  return text.replace(from, to);
}
