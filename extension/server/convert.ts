/** Core diagnostics (1-based, offsets) -> LSP (0-based), and core fixes -> LSP text edits. */
import {
  DiagnosticSeverity,
  type Diagnostic as LspDiagnostic,
  type TextEdit as LspTextEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Fix } from '../../core/index.js';
import { host } from '../../core/index.js';

const severity = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** Kept on each LSP diagnostic so code actions can offer its fix without re-checking. */
export interface DiagnosticData {
  fix?: Fix;
  version: number;
  /** A summary of stacked problems (see summarise-stacked.ts): their fixes, offered one by one. */
  fixes?: Fix[];
  stacked?: number;
}

export function toLspDiagnostic(d: Diagnostic, doc: TextDocument): LspDiagnostic {
  // Other answers (this heading is not that section) are offered beside the fix, never preferred.
  const data: DiagnosticData = {
    fix: d.fix,
    version: doc.version,
    ...(d.alternatives?.length ? { fixes: d.alternatives } : {}),
  };
  // A problem in shared content is shown on the plan's line that brings the content in, and links to
  // the line of the shared file where it really is.
  const shared = d.file !== undefined;
  const at = shared ? (d.via ?? { start: { offset: 0 }, end: { offset: 0 } }) : d.range;
  const where = shared ? `${host().path.basename(d.file!)}, line ${d.range.start.line}` : '';
  return {
    range: { start: doc.positionAt(at.start.offset), end: doc.positionAt(at.end.offset) },
    severity: severity[d.severity],
    message: shared ? `In the shared file ${where}: ${d.message}` : d.message,
    ...(shared
      ? {
          relatedInformation: [
            {
              location: {
                uri: host().uriOfPath(d.file!),
                range: {
                  start: { line: d.range.start.line - 1, character: d.range.start.column - 1 },
                  end: { line: d.range.end.line - 1, character: d.range.end.column - 1 },
                },
              },
              message: `The problem is here, in ${where}.`,
            },
          ],
        }
      : {}),
    source: 'continuity',
    code: d.ruleId,
    ...(d.url ? { codeDescription: { href: d.url } } : {}),
    data,
  };
}

export function toLspEdits(fix: Fix, doc: TextDocument): LspTextEdit[] {
  return fix.edits.map((e) => ({
    range: { start: doc.positionAt(e.start), end: doc.positionAt(e.end) },
    newText: e.text,
  }));
}

/** The smallest single edit turning `before` into `after` (common prefix and suffix kept). */
export function minimalEdit(before: string, after: string, doc: TextDocument): LspTextEdit | undefined {
  if (before === after) return undefined;
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
    endBefore--;
    endAfter--;
  }
  return {
    range: { start: doc.positionAt(start), end: doc.positionAt(endBefore) },
    newText: after.slice(start, endAfter),
  };
}
