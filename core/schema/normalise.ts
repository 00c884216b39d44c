/** Compare headings the way a person reads them: case, punctuation, numbering and '&' do not matter. */
const memo = new Map<string, string>();

export function normaliseHeading(text: string): string {
  const hit = memo.get(text);
  if (hit !== undefined) return hit;
  const value = normalise(text);
  if (memo.size > 5000) memo.clear();
  memo.set(text, value);
  return value;
}

function normalise(text: string): string {
  return stripNumbering(text.toLowerCase())
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Numbering as practices write it, in any form: "2.7 ", "1.3. ", "2.4.1", "1.8.Staff", "4) ", "A) ",
 * "iv. ", "Section 3: ", "Appendix 2 - ", "Annex A: ", "Part B – ". Expects lower case. Each pattern is
 * anchored and linear (no nested repetition), so a long heading costs one pass.
 */
export function stripNumbering(lower: string): string {
  return lower
    .replace(
      /^\s*(?:section|part|appendix|annex|annexe|chapter|schedule)\s+(?:[0-9]+(?:\.[0-9]+)*|[a-z]|[ivxlc]{1,6})\b\s*[.):\-\u2013\u2014]*\s*/u,
      '',
    )
    .replace(/^\s*[0-9]{1,2}(?:\.[0-9]{1,3}){0,4}(?:\.|\)|\s*[:\-\u2013\u2014])?\s*(?=\p{L})/u, '')
    .replace(/^\s*(?:[a-z]|[ivx]{1,5})[.)]\s+/u, '');
}

/** A slug for unknown headings and table columns: `Out of hours phone` -> `out-of-hours-phone`. */
export function slugify(text: string): string {
  return normaliseHeading(text).replace(/\s+/g, '-') || 'untitled';
}
