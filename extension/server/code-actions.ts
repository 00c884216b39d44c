/**
 * Quick fixes: each diagnostic's own fix (insert a missing section from the schema's template, add a
 * front-matter field, a table row or column, rewrite a date, set the next review 12 months after the
 * last), plus "Fix all safe problems" for the file. Every fix only inserts or rewrites a value; none
 * deletes what the user wrote. After the edit the client reveals and selects what changed.
 */
import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic as LspDiagnostic,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CheckOptions } from '../../core/index.js';
import type { Fix } from '../../core/index.js';
import { fixPlanText } from '../../core/index.js';
import { changedRange, revealCommand } from './changed-range.js';
import { minimalEdit, toLspEdits, type DiagnosticData } from './convert.js';
import { insertAllAction, type InsertAllWays } from './insert-all-action.js';

export { INSERT_ALL_COMMAND } from './insert-all-action.js';

/** Commands the client runs itself (VS Code's does; another editor is sent plain edits), and whether it resolves code actions. */
export interface ClientCommands extends InsertAllWays {
  reveal: boolean;
}

export const NO_CLIENT_COMMANDS: ClientCommands = { reveal: false, insertAll: false, resolve: false };

function fixAction(fix: Fix, diagnostic: LspDiagnostic, doc: TextDocument, commands: ClientCommands): CodeAction {
  const command = commands.reveal ? revealCommand(doc.uri, changedRange(doc.getText(), fix.edits)) : undefined;
  return {
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: fix.safe,
    edit: { changes: { [doc.uri]: toLspEdits(fix, doc) } },
    ...(command ? { command } : {}),
  };
}

export function codeActionsFor(
  params: CodeActionParams,
  doc: TextDocument,
  checkOptions: CheckOptions,
  published: LspDiagnostic[],
  commands: ClientCommands = NO_CLIENT_COMMANDS,
): CodeAction[] {
  const actions: CodeAction[] = [];
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
  if (wants(CodeActionKind.QuickFix)) {
    for (const diagnostic of params.context.diagnostics) {
      const data = diagnostic.data as DiagnosticData | undefined;
      if (!data || data.version !== doc.version) continue;
      if (data.fix) actions.push(fixAction(data.fix, diagnostic, doc, commands));
      if (data.fixes) {
        const all =
          diagnostic.code === 'schema/required-section'
            ? insertAllAction(doc, diagnostic, data.fixes.length, checkOptions, commands)
            : undefined;
        if (all) actions.push(all);
        for (const fix of data.fixes)
          actions.push({ ...fixAction(fix, diagnostic, doc, commands), isPreferred: false });
      }
    }
  }
  const safeCount = published.filter((d) => (d.data as DiagnosticData | undefined)?.fix?.safe).length;
  if (safeCount > 0 && (wants(CodeActionKind.SourceFixAll) || wants(CodeActionKind.QuickFix))) {
    const text = doc.getText();
    const fixed = fixPlanText(text, checkOptions);
    const edit = minimalEdit(text, fixed.text, doc);
    if (edit) {
      const onSave = only?.includes(CodeActionKind.SourceFixAll) ?? false;
      const start = doc.offsetAt(edit.range.start);
      // Fixing on save must not move the view; from the light bulb, show what changed.
      const command =
        onSave || !commands.reveal
          ? undefined
          : revealCommand(
              doc.uri,
              changedRange(text, [{ start, end: doc.offsetAt(edit.range.end), text: edit.newText }]),
            );
      actions.push({
        title: `Fix all safe problems in this plan (${safeCount})`,
        kind: onSave ? CodeActionKind.SourceFixAll : CodeActionKind.QuickFix,
        edit: { changes: { [doc.uri]: [edit] } },
        ...(command ? { command } : {}),
      });
    }
  }
  return actions;
}
