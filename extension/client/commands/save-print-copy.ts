/**
 * Save print copy: the plan as one self-contained HTML file (emergency page first, cards and forms,
 * A4 page breaks, a running header and footer) that the user opens in Edge or Chrome and prints with
 * Ctrl+P. It passes the same print gate as the PDF: a plan with errors, or with placeholders on the
 * emergency page, is refused unless saved as a DRAFT copy, stamped on every page. The way to print
 * in vscode.dev and github.dev, where a browser tab cannot start Chromium; on the desktop too.
 */
import * as vscode from 'vscode';
import type { ClientContext } from '../client-context';

export interface SaveOptions {
  /** Save a plan that fails the print gate, every page stamped DRAFT. */
  allowErrors?: boolean;
  /** Where to save, without asking (for tests and scripts); otherwise the user is asked. */
  saveTo?: vscode.Uri | string;
}

export async function savePrintCopy(
  ctx: ClientContext,
  target: unknown,
  options: SaveOptions = {},
): Promise<string | undefined> {
  const doc = await ctx.focus.document(target);
  if (!doc) return undefined;
  const result = await ctx.server.request('continuity/print', {
    uri: doc.uri.toString(),
    format: 'copy',
    allowErrors: options.allowErrors === true,
  });
  if (!result.ok || !result.html) {
    const message = result.ok ? 'The print copy could not be made.' : result.message;
    const actions = !result.ok && result.canPrintDraft ? ['Save DRAFT copy', 'Show problems'] : [];
    const choice = await vscode.window.showErrorMessage(message, ...actions);
    if (choice === 'Show problems') await vscode.commands.executeCommand('workbench.actions.view.problems');
    if (choice === 'Save DRAFT copy') return savePrintCopy(ctx, doc.uri, { ...options, allowErrors: true });
    return undefined;
  }
  // Beside the plan, in print/ as the PDF goes (an unsaved plan: the workspace's print/).
  const folder = doc.isUntitled ? vscode.workspace.workspaceFolders?.[0]?.uri : vscode.Uri.joinPath(doc.uri, '..');
  const file =
    options.saveTo !== undefined
      ? typeof options.saveTo === 'string'
        ? vscode.Uri.parse(options.saveTo)
        : options.saveTo
      : await vscode.window.showSaveDialog({
          title: 'Save print copy',
          saveLabel: 'Save print copy',
          defaultUri: folder && vscode.Uri.joinPath(folder, 'print', result.fileName ?? 'plan.html'),
          filters: { 'Web page': ['html'] },
        });
  if (!file) return undefined;
  await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(result.html));
  const what = result.draft
    ? 'a DRAFT copy (stamped DRAFT on every page, because the plan still has errors)'
    : 'the print copy';
  void vscode.window.showInformationMessage(
    `Saved ${what} to ${vscode.workspace.asRelativePath(file)}. Open it in Edge or Chrome and print it with Ctrl+P (A4). The official printed copies are the PDFs your ICB publishes.`,
  );
  return file.toString();
}
