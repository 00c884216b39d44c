/**
 * "Insert all N missing sections" as a code action for every LSP editor. VS Code's extension runs
 * its own command for it (it inserts, then shows and selects what went in). Any other editor (Neovim,
 * Helix, a Monaco page) gets a code action that resolves to a WorkspaceEdit (`codeAction/resolve`),
 * so the whole-plan insert is only computed when the user picks it; an editor that cannot resolve
 * code actions gets the edit at once.
 */
import { CodeActionKind, type CodeAction, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CheckOptions } from '../../core/index.js';
import { insertAllMissing } from './insert-sections.js';

/** The client command that inserts every missing section (the readiness view's action). */
export const INSERT_ALL_COMMAND = 'continuity.insertAllMissing';

/** What the server keeps on the unresolved action, to compute its edit when it is picked. */
interface InsertAllData {
  insertAllMissing: string;
}

export interface InsertAllWays {
  /** The client runs INSERT_ALL_COMMAND itself (the VS Code extension). */
  insertAll: boolean;
  /** The client resolves a code action's edit (`codeAction/resolve` with `edit`). */
  resolve: boolean;
}

function editOf(doc: TextDocument, options: CheckOptions): CodeAction['edit'] {
  const result = insertAllMissing(doc, options);
  return result.ok && result.edits ? { changes: { [doc.uri]: result.edits } } : undefined;
}

export function insertAllAction(
  doc: TextDocument,
  diagnostic: LspDiagnostic,
  count: number,
  options: CheckOptions,
  ways: InsertAllWays,
): CodeAction | undefined {
  const action: CodeAction = {
    title: `Insert all ${count} missing sections`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
  };
  if (ways.insertAll)
    return {
      ...action,
      command: { title: 'Insert all missing sections', command: INSERT_ALL_COMMAND, arguments: [doc.uri] },
    };
  if (ways.resolve) return { ...action, data: { insertAllMissing: doc.uri } satisfies InsertAllData };
  const edit = editOf(doc, options);
  return edit ? { ...action, edit } : undefined;
}

/** `codeAction/resolve`: the edit of an "Insert all" action, computed on the plan as it is now. */
export function resolveInsertAll(
  action: CodeAction,
  current: (uri: string) => { text: TextDocument; options: CheckOptions } | undefined,
): CodeAction {
  const uri = (action.data as Partial<InsertAllData> | undefined)?.insertAllMissing;
  const now = typeof uri === 'string' ? current(uri) : undefined;
  if (!now) return action;
  const edit = editOf(now.text, now.options);
  return edit ? { ...action, edit } : action;
}
