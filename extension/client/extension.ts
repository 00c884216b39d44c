/**
 * The VS Code extension: a thin client over the continuity language server. It starts the server,
 * shows the plan's state in the status bar, and offers the commands (new plan, print, preview).
 * Everything about plans (checks, fixes, completion, printing) happens in the server.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

const activationStarted = Date.now();
let ready: Promise<void> = Promise.resolve();
let client: LanguageClient | undefined;
let activationMs = -1;
let serverReadyMs = -1;
let activateOnlyMs = -1;

interface StatusParams {
  uri: string;
  isPlan: boolean;
  errors: number;
  warnings: number;
  reviewInDays?: number;
}

type PrintResult = { ok: true; html?: string; pdfPath?: string; pages?: number } | { ok: false; message: string; noBrowser?: boolean };

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function statusText(s: StatusParams): string {
  const problems = s.errors ? plural(s.errors, 'error') : s.warnings ? plural(s.warnings, 'warning') : 'Plan OK';
  if (s.reviewInDays === undefined) return problems;
  const review = s.reviewInDays < 0 ? `review overdue by ${plural(-s.reviewInDays, 'day')}` : s.reviewInDays === 0 ? 'review due today' : `review due in ${plural(s.reviewInDays, 'day')}`;
  return `${problems} - ${review}`;
}

function settings() {
  const c = vscode.workspace.getConfiguration('continuity');
  return { rules: c.get('rules', {}), planGlobs: c.get<string[]>('planGlobs', []), debounceMs: c.get('debounceMs', 200), today: c.get('today', '') };
}

export async function activate(context: vscode.ExtensionContext): Promise<{ activationMs: () => number; client: () => LanguageClient | undefined }> {
  const activateEntered = Date.now();
  const serverModule = context.asAbsolutePath('dist/server.mjs');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
    ],
    synchronize: { configurationSection: 'continuity', fileEvents: [vscode.workspace.createFileSystemWatcher('**/continuity.config.json'), vscode.workspace.createFileSystemWatcher('**/*.md')] },
    initializationOptions: { ...settings(), trusted: vscode.workspace.isTrusted },
  };
  client = new LanguageClient('continuity', 'Continuity plans', serverOptions, clientOptions);

  const status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 50);
  status.command = 'workbench.actions.view.problems';
  context.subscriptions.push(status);
  const statuses = new Map<string, StatusParams>();
  const showStatus = () => {
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    const s = uri ? statuses.get(uri) : undefined;
    if (!s?.isPlan) return status.hide();
    status.text = `${s.errors ? '$(error)' : s.warnings ? '$(warning)' : '$(check)'} ${statusText(s)}`;
    status.tooltip = 'Continuity plan: click to see the problems';
    status.show();
  };
  context.subscriptions.push(vscode.window.onDidChangeActiveTextEditor(showStatus));

  const previews = new Map<string, vscode.WebviewPanel>();
  const refreshPreview = async (uri: string) => {
    const panel = previews.get(uri);
    if (!panel || !client) return;
    await ready;
    const result = await client.sendRequest<PrintResult>('continuity/print', { uri, format: 'html' });
    panel.webview.html = result.ok && result.html ? result.html : `<p>${result.ok ? '' : result.message}</p>`;
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('continuity.newPlan', async () => {
      const name = await vscode.window.showInputBox({ title: 'New continuity plan (1 of 2)', prompt: 'Practice name, as patients know it', placeHolder: 'Riverside Medical Centre', validateInput: (v) => (v.trim() ? undefined : 'Enter the practice name') });
      if (!name) return undefined;
      const ods = await vscode.window.showInputBox({
        title: 'New continuity plan (2 of 2)',
        prompt: "The practice's ODS code: one capital letter and five digits",
        placeHolder: 'K81003',
        validateInput: (v) => (/^[A-Z][0-9]{5}$/.test(v.trim().toUpperCase()) ? undefined : 'One capital letter and five digits, for example K81003'),
      });
      if (!ods) return undefined;
      await ready;
      const made = await client!.sendRequest<{ text?: string; fileName?: string; error?: string }>('continuity/newPlan', { name: name.trim(), ods: ods.trim().toUpperCase() });
      if (made.error || !made.text) return void vscode.window.showErrorMessage(made.error ?? 'The plan could not be created.');
      const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
      let doc: vscode.TextDocument;
      if (folder) {
        const target = vscode.Uri.joinPath(folder, 'plans', made.fileName!);
        try {
          await vscode.workspace.fs.stat(target);
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
    }),
    vscode.commands.registerCommand('continuity.printPdf', async (target?: vscode.Uri) => {
      const doc = target ? await vscode.workspace.openTextDocument(target) : vscode.window.activeTextEditor?.document;
      if (!doc) return void vscode.window.showWarningMessage('Open a continuity plan first.');
      if (!vscode.workspace.isTrusted) return void vscode.window.showWarningMessage('Printing starts a browser, so it is turned off in an untrusted workspace. Trust the workspace to print; checking still works.');
      if (doc.isDirty) await doc.save();
      const browserPath = vscode.workspace.getConfiguration('continuity').get<string>('browserPath', '');
      await ready;
      const result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: 'Printing the plan to PDF...', cancellable: false },
        () => client!.sendRequest<PrintResult>('continuity/print', { uri: doc.uri.toString(), format: 'pdf', browserPath }),
      );
      if (!result.ok) {
        const actions = result.noBrowser ? ['Set browser path', 'Preview print copy'] : [];
        const choice = await vscode.window.showErrorMessage(result.message, ...actions);
        if (choice === 'Set browser path') await vscode.commands.executeCommand('workbench.action.openSettings', 'continuity.browserPath');
        if (choice === 'Preview print copy') await vscode.commands.executeCommand('continuity.previewPrint', doc.uri);
        return undefined;
      }
      const pdf = vscode.Uri.file(result.pdfPath!);
      void vscode.window.showInformationMessage(`Printed ${result.pages} pages to ${vscode.workspace.asRelativePath(pdf)}.`, 'Open PDF').then((c) => c && vscode.env.openExternal(pdf));
      return result.pdfPath;
    }),
    vscode.commands.registerCommand('continuity.previewPrint', async (target?: vscode.Uri) => {
      const doc = target ? await vscode.workspace.openTextDocument(target) : vscode.window.activeTextEditor?.document;
      if (!doc) return;
      const uri = doc.uri.toString();
      let panel = previews.get(uri);
      if (!panel) {
        // No scripts in the webview: the print document is static HTML.
        panel = vscode.window.createWebviewPanel('continuity.preview', `Print copy: ${doc.fileName.replace(/^.*[\\/]/, '')}`, vscode.ViewColumn.Beside, { enableScripts: false });
        previews.set(uri, panel);
        panel.onDidDispose(() => previews.delete(uri));
      }
      await refreshPreview(uri);
    }),
    // For tests and screen readers: what the status bar item says for the active plan.
    vscode.commands.registerCommand('continuity.statusText', () => {
      const uri = vscode.window.activeTextEditor?.document.uri.toString();
      return { uri, known: [...statuses.keys()], text: uri && statuses.get(uri)?.isPlan ? status.text : undefined };
    }),
    vscode.commands.registerCommand('continuity.activationTime', async () => {
      await ready;
      return { activationMs, activateOnlyMs, serverReadyMs };
    }),
    vscode.workspace.onDidSaveTextDocument((d) => void refreshPreview(d.uri.toString())),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('continuity')) void client?.sendNotification('workspace/didChangeConfiguration', { settings: { continuity: settings() } });
    }),
    // Trusting the workspace lets the server load the ICB's schema extension.
    vscode.workspace.onDidGrantWorkspaceTrust(() => void client?.sendNotification('continuity/trust', { trusted: true })),
  );

  client.onNotification('continuity/status', (s: StatusParams) => {
    statuses.set(s.uri, s);
    showStatus();
  });
  // Do not hold up VS Code while the server loads the schema: activation returns at once and the
  // first diagnostics follow when the server is ready.
  ready = new Promise<void>((resolve) => setImmediate(resolve))
    .then(() => client!.start())
    .then(() => {
      serverReadyMs = Date.now() - activationStarted;
    });
  activationMs = Date.now() - activationStarted;
  activateOnlyMs = Date.now() - activateEntered;
  return { activationMs: () => activationMs, client: () => client };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
