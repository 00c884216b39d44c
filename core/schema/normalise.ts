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

// Applied after trimStart: a `\s*` before an optional word and another after it backtrack
// quadratically on a long run of blanks.
const NUMBERING = /^(?:(?:section|part|appendix|annex)\s*)?(?:[0-9]+[a-z]?(?:\.[0-9]+)*|[a-z]|[ivx]+)[.):]\s+/;
const LEADING_NUMBER = /^[0-9]+(?:\.[0-9]+)*\s+/;

function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, ' and ')
    .trimStart()
    .replace(NUMBERING, '')
    .replace(LEADING_NUMBER, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A slug for unknown headings and table columns: `Out of hours phone` -> `out-of-hours-phone`. */
export function slugify(text: string): string {
  return normaliseHeading(text).replace(/\s+/g, '-') || 'untitled';
}
