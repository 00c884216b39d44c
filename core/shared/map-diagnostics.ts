/**
 * Diagnostics of a merged plan -> diagnostics where the words are: in the plan itself (with plan
 * offsets, so the editor and --fix work as usual) or in a shared file (`file` set, lines and columns
 * of that file, and `via`, the plan's reference that brought it in). A fix survives only when all its
 * edits land in the plan's own words: fixing a shared file from one practice's plan is not safe.
 */
import type { Diagnostic, Fix, Range, TextEdit } from '../diagnostic.js';
import { LineIndex } from '../input/line-index.js';
import { ruleDocsUrl } from '../rules/docs-url.js';
import { maskNhsNumbers } from '../rules/nhs-number.js';
import type { Expansion, ExpansionProblem } from './expand-plan.js';
import type { MergedText } from './merged-text.js';

export const SHARED_CONTENT_RULE = 'shared-content';

class Lines {
  private readonly indexes = new Map<string, LineIndex>();
  constructor(private readonly texts: Map<string, string>) {}
  range(file: string, start: number, end: number): Range {
    let index = this.indexes.get(file);
    if (!index) this.indexes.set(file, (index = new LineIndex(this.texts.get(file) ?? '')));
    return index.range(start, end);
  }
}

/** An edit of the merged text as an edit of the plan, when it touches only the plan's own words. */
function planEdit(merged: MergedText, plan: string, edit: TextEdit): TextEdit | undefined {
  const candidates =
    edit.start === edit.end
      ? [merged.source(edit.start, true), merged.source(edit.start)]
      : [merged.source(edit.start)];
  for (const start of candidates) {
    if (!start || start.file !== plan || start.synthetic) continue;
    if (edit.start === edit.end) return { ...edit, start: start.offset, end: start.offset };
    const end = merged.source(edit.end, true);
    if (end && end.piece === start.piece) return { ...edit, start: start.offset, end: end.offset };
  }
  return undefined;
}

function planFix(merged: MergedText, plan: string, fix: Fix): Fix | undefined {
  const edits: TextEdit[] = [];
  for (const e of fix.edits) {
    const mapped = planEdit(merged, plan, e);
    if (!mapped) return undefined;
    edits.push(mapped);
  }
  return { ...fix, edits };
}

export function mapMergedDiagnostics(diagnostics: Diagnostic[], expansion: Expansion, plan: string): Diagnostic[] {
  const { merged } = expansion;
  const lines = new Lines(expansion.texts);
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const start = merged.source(d.range.start.offset);
    if (!start) {
      out.push(d);
      continue;
    }
    const end = merged.source(d.range.end.offset, true);
    // A range never crosses from one file into another: it ends where its first piece ends.
    const endOffset = end && end.piece === start.piece && !start.synthetic ? end.offset : start.offset;
    const mapped: Diagnostic = { ...d, range: lines.range(start.file, start.offset, endOffset) };
    delete mapped.fix;
    if (start.file === plan) {
      const fix = d.fix && planFix(merged, plan, d.fix);
      if (fix) mapped.fix = fix;
    } else {
      mapped.file = start.file;
      if (start.via) mapped.via = lines.range(plan, start.via[0], start.via[1]);
    }
    out.push(mapped);
  }
  for (const p of expansion.problems) out.push(problemDiagnostic(p, lines, plan));
  return out;
}

function problemDiagnostic(p: ExpansionProblem, lines: Lines, plan: string): Diagnostic {
  const d: Diagnostic = {
    ruleId: SHARED_CONTENT_RULE,
    severity: p.severity,
    message: maskNhsNumbers(p.message),
    range: lines.range(p.file, p.start, p.end),
    url: ruleDocsUrl(SHARED_CONTENT_RULE),
  };
  if (p.file !== plan) {
    d.file = p.file;
    if (p.via) d.via = lines.range(plan, p.via[0], p.via[1]);
  }
  return d;
}
