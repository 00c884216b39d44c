/** Continuity: New plan. Asks for the practice name and ODS code, and opens the new plan (in plans/ of the workspace). */
import * as vscode from 'vscode';
import type { ClientContext } from '../client-context';

export async function newPlan(ctx: ClientContext): Promise<string | undefined> {
  const name = await vscode.window.showInputBox({
    title: 'New continuity plan (1 of 2)',
    prompt: 'Practice name, as patients know it',
    placeHolder: 'Riverside Medical Centre',
    validateInput: (v) => (v.trim() ? undefined : 'Enter the practice name'),
  });
  if (!name) return undefined;
  const ods = await vscode.window.showInputBox({
    title: 'New continuity plan (2 of 2)',
    prompt: "The practice's ODS code: one capital letter and five digits",
    placeHolder: 'K81003',
    validateInput: (v) =>
      /^[A-Z][0-9]{5}$/.test(v.trim().toUpperCase())
        ? undefined
        : 'One capital letter and five digits, for example K81003',
  });
  if (!ods) return undefined;
  const made = await ctx.server.request('continuity/newPlan', { name: name.trim(), ods: ods.trim().toUpperCase() });
  if (made.error !== undefined || !made.text)
    return void vscode.window.showErrorMessage(made.error ?? 'The plan could not be created.');
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  let doc: vscode.TextDocument;
  if (folder) {
    const target = vscode.Uri.joinPath(folder, 'plans', made.fileName);
    try {
      await vscode.workspace.fs.stat(target);
      // A plan of that name exists: the new one opens unsaved, for the user to name.
      doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: made.text });
    } catch {
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(made.text));
      doc = await vscode.workspace.openTextDocument(target);
    }
  } else {
    doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: made.text });
  }
  await vscode.window.showTextDocument(doc);
  return doc.uri.toString();
}
