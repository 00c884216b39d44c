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
  return text
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/^\s*(section|part|appendix|annex)?\s*([0-9]+[a-z]?(\.[0-9]+)*|[a-z]|[ivx]+)[.):]\s+/, '')
    .replace(/^\s*[0-9]+(\.[0-9]+)*\s+/, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A slug for unknown headings and table columns: `Out of hours phone` -> `out-of-hours-phone`. */
export function slugify(text: string): string {
  return normaliseHeading(text).replace(/\s+/g, '-') || 'untitled';
}
