/**
 * Print hard copy (PDF) and Print DRAFT copy: the server prints with Chrome, Chromium or Edge on
 * this computer. Desktop only (hidden on the web, where a browser tab cannot start one: Save print
 * copy instead). A refused plan is offered a DRAFT copy; a missing browser, the setting or the preview.
 */
import * as vscode from 'vscode';
import type { ClientContext } from '../client-context';

export async function printPdf(ctx: ClientContext, target: unknown, allowErrors: boolean): Promise<string | undefined> {
  const doc = await ctx.focus.document(target);
  if (!doc) return undefined;
  if (!vscode.workspace.isTrusted)
    return void vscode.window.showWarningMessage(
      'Printing starts a browser, so it is turned off in an untrusted workspace. Trust the workspace to print; checking still works.',
    );
  if (doc.isDirty) await doc.save();
  const browserPath = vscode.workspace.getConfiguration('continuity').get<string>('browserPath', '');
  const result = await vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: allowErrors ? 'Printing a DRAFT copy of the plan to PDF...' : 'Printing the plan to PDF...',
      cancellable: false,
    },
    () => ctx.server.request('continuity/print', { uri: doc.uri.toString(), format: 'pdf', browserPath, allowErrors }),
  );
  if (!result.ok) {
    const actions = result.noBrowser
      ? ['Set browser path', 'Preview print copy', 'Save print copy']
      : result.canPrintDraft
        ? ['Print DRAFT copy', 'Show problems']
        : ctx.isWeb
          ? ['Save print copy']
          : [];
    const choice = await vscode.window.showErrorMessage(result.message, ...actions);
    if (choice === 'Set browser path')
      await vscode.commands.executeCommand('workbench.action.openSettings', 'continuity.browserPath');
    if (choice === 'Preview print copy') await vscode.commands.executeCommand('continuity.previewPrint', doc.uri);
    if (choice === 'Save print copy') await vscode.commands.executeCommand('continuity.savePrintCopy', doc.uri);
    if (choice === 'Show problems') await vscode.commands.executeCommand('workbench.actions.view.problems');
    if (choice === 'Print DRAFT copy') return printPdf(ctx, doc.uri, true);
    return undefined;
  }
  const pdf = vscode.Uri.file(result.pdfPath!);
  const what = result.draft ? 'a DRAFT copy (every page stamped DRAFT, because the plan still has errors)' : 'the plan';
  void vscode.window
    .showInformationMessage(
      `Printed ${what}: ${result.pages} pages, written to ${vscode.workspace.asRelativePath(pdf)}.`,
      'Open PDF',
    )
    .then((c) => c && vscode.env.openExternal(pdf));
  return result.pdfPath;
}
