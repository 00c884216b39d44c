import type { PlanDocument } from './plan-document.js';
import { inRanges, nonContentRanges } from './non-content-ranges.js';

/** Template placeholders look like `{{Practice name}}`. */
export const PLACEHOLDER = /\{\{[^{}\n]*\}\}/;
export const PLACEHOLDER_GLOBAL = /\{\{[^{}\n]*\}\}/g;

export interface PlaceholderMatch {
  text: string;
  start: number;
  end: number;
}

/**
 * The placeholders left in a plan's content, in order. Code and HTML comments (template guidance)
 * are not plan content. One scan shared by the `placeholder` rule and the print gate, so what the
 * editor underlines and what stops a printed copy are the same set.
 */
export function findPlaceholders(doc: PlanDocument): PlaceholderMatch[] {
  if (!doc.text.includes('{{')) return [];
  const skip = nonContentRanges(doc);
  const found: PlaceholderMatch[] = [];
  for (const m of doc.text.matchAll(PLACEHOLDER_GLOBAL)) {
    const start = m.index!;
    if (inRanges(skip, start)) continue;
    found.push({ text: m[0], start, end: start + m[0].length });
  }
  return found;
}
