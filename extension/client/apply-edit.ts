/**
 * Applies a server-computed edit as one undoable step and shows what changed: the editor scrolls to
 * it and selects it, so the user sees where an insert or a fix went.
 */
import * as vscode from 'vscode';
import type { EditResult, Range0 } from '../shared/protocol';

export function toRange(r: Range0): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

/** Reveal and select a range of a document, opening it if need be. */
export async function revealRange(uri: string | vscode.Uri, range: Range0): Promise<void> {
  const target = typeof uri === 'string' ? vscode.Uri.parse(uri) : uri;
  const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === target.toString());
  // Open in the group that already has the plan's tab, not beside a focused form or preview.
  const group = vscode.window.tabGroups.all.find((g) =>
    g.tabs.some((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === target.toString()),
  );
  const column = visible?.viewColumn ?? group?.viewColumn ?? vscode.ViewColumn.One;
  const document = visible?.document ?? (await vscode.workspace.openTextDocument(target));
  const editor = await vscode.window.showTextDocument(document, { viewColumn: column, preview: false });
  const r = editor.document.validateRange(toRange(range));
  editor.selection = new vscode.Selection(r.start, r.end);
  editor.revealRange(r, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

export async function applyEditResult(uri: vscode.Uri, result: EditResult): Promise<boolean> {
  if (!result.ok) {
    if (result.message) void vscode.window.showWarningMessage(result.message);
    return false;
  }
  if (!result.edits?.length) return true;
  const edit = new vscode.WorkspaceEdit();
  for (const e of result.edits) edit.replace(uri, toRange(e.range), e.newText);
  const applied = await vscode.workspace.applyEdit(edit);
  if (!applied) {
    void vscode.window.showWarningMessage('The plan changed while the edit was being prepared; try again.');
    return false;
  }
  if (result.reveal) await revealRange(uri, result.reveal);
  if (result.message) void vscode.window.setStatusBarMessage(result.message, 8000);
  return true;
}
