/**
 * Apply text edits: non-overlapping, from the end so offsets stay valid. An edit that would delete
 * text is refused unless it only replaces a value the rule itself identified (dates, enum casing).
 */
import type { Diagnostic, TextEdit } from '../diagnostic.js';

export function applyEdits(text: string, edits: TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  let limit = Infinity;
  for (const e of sorted) {
    if (e.end > limit || e.start < 0 || e.end > text.length || e.start > e.end) continue; // overlaps a later edit: skip
    out = out.slice(0, e.start) + e.text + out.slice(e.end);
    limit = e.start;
  }
  return out;
}

/** The safe fixes of a set of diagnostics whose edits do not overlap each other. */
export function safeFixEdits(diagnostics: Diagnostic[]): { edits: TextEdit[]; applied: Diagnostic[] } {
  const edits: TextEdit[] = [];
  const applied: Diagnostic[] = [];
  for (const d of diagnostics) {
    if (!d.fix?.safe) continue;
    const clash = d.fix.edits.some((e) => edits.some((o) => e.start < o.end && o.start < e.end || (e.start === o.start && e.end === o.end)));
    if (clash) continue;
    edits.push(...d.fix.edits);
    applied.push(d);
  }
  return { edits, applied };
}
