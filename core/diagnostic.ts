/**
 * The one diagnostic type that crosses every boundary (core, CLI reporters, language server, render gate).
 * Positions are 1-based (line and column, column counted in UTF-16 code units as editors do);
 * they become 0-based only at the LSP edge.
 */
export type Severity = 'error' | 'warning' | 'info';

export interface Position {
  line: number;
  column: number;
  /** 0-based offset into the document text. */
  offset: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** Replace the text between `start` and `end` offsets (0-based, end exclusive) with `text`. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

export interface Fix {
  /** What the fix does, as a button label: "Insert the 'Telephony failure' section". */
  title: string;
  edits: TextEdit[];
  /**
   * Safe fixes are applied by `continuity lint --fix` without a person looking.
   * Unsafe ones (for example inserting a template section full of placeholders) are offered in the
   * editor only.
   */
  safe: boolean;
}

export interface Diagnostic {
  /** Rule id, e.g. `nhs-number` or `schema/required-section`. */
  ruleId: string;
  severity: Severity;
  /** Plain English: what is wrong, why it matters for patients, what to write. */
  message: string;
  range: Range;
  /** Link to the rule's documentation. */
  url?: string;
  fix?: Fix;
  /** Other fixes a person may choose instead (never applied by `--fix`): "this heading is not that section". */
  alternatives?: Fix[];
  /** The file the fault is in, when not the checked file itself (e.g. shared content). */
  file?: string;
  /** With `file`: where the checked plan brings that shared content in (its `shared:` entry or include line). */
  via?: Range;
}

export const severityRank: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    (a.file ?? '').localeCompare(b.file ?? '') ||
    a.range.start.offset - b.range.start.offset ||
    a.range.end.offset - b.range.end.offset ||
    a.ruleId.localeCompare(b.ruleId) ||
    a.message.localeCompare(b.message)
  );
}
