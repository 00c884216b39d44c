/**
 * The proof that an import lost no word: the words of the source (as the document shows them, read
 * from the document itself) against the words of the plan, as multisets. Invisible format characters
 * (a soft hyphen, a zero-width space, a direction mark) are not part of a word: Word hides them and
 * converters keep or drop them, so they neither split nor make a word here.
 */
export function wordCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const w of text.replace(/\p{Cf}/gu, '').match(/[\p{L}\p{N}]+/gu) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
}

export function totalWords(text: string): number {
  let n = 0;
  for (const c of wordCounts(text).values()) n += c;
  return n;
}

/** Source words the output has fewer of (case kept: a lost capital is a changed word). */
export function missingWords(source: string, output: string): string[] {
  const have = wordCounts(output);
  const missing: string[] = [];
  for (const [w, n] of wordCounts(source)) if ((have.get(w) ?? 0) < n) missing.push(w);
  return missing;
}

/** The source's lines (paragraphs, cells, items) holding a missing word, to show a person where. */
export function linesWith(source: string, missing: string[], max = 3): string[] {
  const wanted = new Set(missing);
  const found: string[] = [];
  for (const line of source.split('\n')) {
    if (found.length >= max) break;
    const words = line.replace(/\p{Cf}/gu, '').match(/[\p{L}\p{N}]+/gu) ?? [];
    if (!words.some((w) => wanted.has(w))) continue;
    const text = line.replace(/\s+/g, ' ').trim();
    found.push(text.length > 100 ? `${text.slice(0, 97)}...` : text);
  }
  return found;
}
