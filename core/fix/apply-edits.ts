/**
 * Apply text edits: non-overlapping, from the end so offsets stay valid. An edit that would delete
 * text is refused unless it only replaces a value the rule itself identified (dates, enum casing).
 * Both functions are linear-logarithmic in the number of edits: a fix that adds a column to a table of
 * 50,000 rows is 50,000 edits.
 */
import type { Diagnostic, TextEdit } from '../diagnostic.js';

export function applyEdits(text: string, edits: TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  // Kept edits, last first; the text is rebuilt once from the pieces between them.
  const kept: TextEdit[] = [];
  let limit = Infinity;
  for (const e of sorted) {
    if (e.end > limit || e.start < 0 || e.end > text.length || e.start > e.end) continue; // overlaps a later edit: skip
    kept.push(e);
    limit = e.start;
  }
  const pieces: string[] = [];
  let at = 0;
  for (let i = kept.length - 1; i >= 0; i--) {
    const e = kept[i];
    pieces.push(text.slice(at, e.start), e.text);
    at = e.end;
  }
  pieces.push(text.slice(at));
  return pieces.join('');
}

/** Do two edits touch the same text (or insert at the same place)? */
function clashes(e: TextEdit, o: TextEdit): boolean {
  return (e.start < o.end && o.start < e.end) || (e.start === o.start && e.end === o.end);
}

/** The safe fixes of a set of diagnostics whose edits do not overlap each other (or themselves). */
export function safeFixEdits(diagnostics: Diagnostic[]): { edits: TextEdit[]; applied: Diagnostic[] } {
  const edits: TextEdit[] = [];
  const applied: Diagnostic[] = [];
  // Accepted edits sorted by start, to find a clash by binary search instead of comparing with all.
  const byStart: TextEdit[] = [];
  const firstAtOrAfter = (offset: number): number => {
    let lo = 0;
    let hi = byStart.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (byStart[mid].start < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const clashesWithAccepted = (e: TextEdit): boolean => {
    // Accepted edits never overlap, so of those starting before e only the ones with the latest such
    // start can reach into it; then every edit starting inside e.
    const i = firstAtOrAfter(e.start);
    const from = i > 0 ? firstAtOrAfter(byStart[i - 1].start) : 0;
    for (let j = from; j < byStart.length && byStart[j].start <= e.end; j++) {
      if (clashes(e, byStart[j])) return true;
    }
    return false;
  };
  for (const d of diagnostics) {
    if (!d.fix?.safe) continue;
    const own = d.fix.edits;
    // Half a fix is no fix: one whose own edits overlap is left for a person.
    if (own.some((e, k) => own.some((o, m) => m < k && clashes(e, o)))) continue;
    if (own.some(clashesWithAccepted)) continue;
    for (const e of own) {
      edits.push(e);
      byStart.splice(firstAtOrAfter(e.start), 0, e);
    }
    applied.push(d);
  }
  return { edits, applied };
}
