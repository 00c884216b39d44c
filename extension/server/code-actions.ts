/**
 * Quick fixes: each diagnostic's own fix (insert a missing section from the schema's template, add a
 * front-matter field, a table row or column, rewrite a date, set the next review 12 months after the
 * last), plus "Fix all safe problems" for the file. Every fix only inserts or rewrites a value; none
 * deletes what the user wrote.
 */
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CheckOptions } from '../../core/check-plan.js';
import { fixPlanText } from '../../core/fix-plan.js';
import { minimalEdit, toLspEdits, type DiagnosticData } from './convert.js';

export function codeActionsFor(params: CodeActionParams, doc: TextDocument, checkOptions: CheckOptions, published: LspDiagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
  if (wants(CodeActionKind.QuickFix)) {
    for (const diagnostic of params.context.diagnostics) {
      const data = diagnostic.data as DiagnosticData | undefined;
      if (!data?.fix || data.version !== doc.version) continue;
      actions.push({
        title: data.fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: data.fix.safe,
        edit: { changes: { [doc.uri]: toLspEdits(data.fix, doc) } },
      });
    }
  }
  const safeCount = published.filter((d) => (d.data as DiagnosticData | undefined)?.fix?.safe).length;
  if (safeCount > 0 && (wants(CodeActionKind.SourceFixAll) || wants(CodeActionKind.QuickFix))) {
    const text = doc.getText();
    const fixed = fixPlanText(text, checkOptions);
    const edit = minimalEdit(text, fixed.text, doc);
    if (edit) {
      actions.push({
        title: `Fix all safe problems in this plan (${safeCount})`,
        kind: only?.includes(CodeActionKind.SourceFixAll) ? CodeActionKind.SourceFixAll : CodeActionKind.QuickFix,
        edit: { changes: { [doc.uri]: [edit] } },
      });
    }
  }
  return actions;
}
