/**
 * Which front-matter key a line belongs to, from indentation: `telephony:` then `  type: analogue`
 * gives ['telephony', 'type']. Good enough for hover and completion while typing, when the YAML may
 * not parse.
 */
import type { PlanDocument } from '../../core/index.js';

export function frontMatterLines(doc: PlanDocument): { first: number; last: number } | undefined {
  const lines = doc.text.split('\n');
  if (!/^\uFEFF?---\s*$/.test(lines[0] ?? '')) return undefined;
  for (let i = 1; i < lines.length; i++) if (/^(---|\.\.\.)\s*$/.test(lines[i])) return { first: 1, last: i - 1 };
  return undefined;
}

/** `line` is 0-based. Returns the key path of the key on that line (or its nearest parent for a blank line). */
export function frontMatterPath(doc: PlanDocument, line: number): string[] | undefined {
  const range = frontMatterLines(doc);
  if (!range || line < range.first || line > range.last) return undefined;
  const lines = doc.text.split('\n');
  const keyOf = (l: string) => /^(\s*)(?:-\s+)?([A-Za-z_][\w-]*)\s*:/.exec(l);
  const own = keyOf(lines[line]);
  if (!own) return undefined;
  const path = [own[2]];
  let indent = own[1].length + (/^\s*-\s/.test(lines[line]) ? 0 : 0);
  for (let i = line - 1; i >= range.first && indent > 0; i--) {
    const m = keyOf(lines[i]);
    if (!m || (/^\s*-\s/.test(lines[i]) && m[1].length >= indent)) continue;
    if (m[1].length < indent) {
      path.unshift(m[2]);
      indent = m[1].length;
    }
  }
  return path;
}
