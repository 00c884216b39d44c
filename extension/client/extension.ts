/**
 * The VS Code extension: a thin client over the continuity language server. It starts the server,
 * shows the plan's progress in the status bar and the readiness view, and offers the commands (new
 * plan, details form, insert sections, mark reviewed, print, draft print, preview). Everything about
 * plans (checks, fixes, edits, printing) happens in the server; requests are typed in ../shared.
 */
import * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import type { PrintResult, ReadinessResult, StatusParams } from '../shared/protocol';
import { applyEditResult, revealRange } from './apply-edit';
import { DetailsPanels } from './details-panel';
import { Previews } from './preview';
import { ReadinessView } from './readiness-view';
import { statusIcon, statusText } from './status-text';
import { notify, onNotification, request } from './typed-client';

export { statusText } from './status-text';

const activationStarted = Date.now();
let ready: Promise<void> = Promise.resolve();
let client: LanguageClient | undefined;
let activationMs = -1;
let serverReadyMs = -1;
let activateOnlyMs = -1;

function settings() {
  const c = vscode.workspace.getConfiguration('continuity');
  return {
    rules: c.get('rules', {}),
    planGlobs: c.get<string[]>('planGlobs', []),
    debounceMs: c.get('debounceMs', 200),
    today: c.get('today', ''),
  };
}

async function server(): Promise<LanguageClient> {
  await ready;
  return client!;
}

export async function activate(
  context: vscode.ExtensionContext,
): Promise<{ activationMs: () => number; client: () => LanguageClient | undefined }> {
  const activateEntered = Date.now();
  const serverModule = context.asAbsolutePath('dist/server.mjs');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: {
      module: serverModule,
      transport: TransportKind.ipc,
      options: { execArgv: ['--nolazy', '--inspect=6011'] },
    },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
    ],
    synchronize: {
      configurationSection: 'continuity',
      fileEvents: [
        vscode.workspace.createFileSystemWatcher('**/continuity.config.json'),
        vscode.workspace.createFileSystemWatcher('**/*.md'),
      ],
    },
    initializationOptions: {
      ...settings(),
      trusted: vscode.workspace.isTrusted,
      clientCommands: ['continuity.revealRange', 'continuity.insertAllMissing'],
    },
  };
  client = new LanguageClient('continuity', 'Continuity plans', serverOptions, clientOptions);

  const statuses = new Map<string, StatusParams>();
  const status = vscode.window.createStatusBarItem('continuity.status', vscode.StatusBarAlignment.Left, 50);
  status.name = 'Continuity plan';
  status.command = 'continuity.readiness.focus';
  context.subscriptions.push(status);
  const previews = new Previews(async (uri) => request(await server(), 'continuity/print', { uri, format: 'html' }));
  const details = new DetailsPanels(context.extensionUri, {
    form: async (uri) => request(await server(), 'continuity/detailsForm', { uri }),
    set: async (p) => request(await server(), 'continuity/setDetail', p),
  });
  const readiness = new ReadinessView(async (uri): Promise<ReadinessResult | undefined> => {
    const r = await request(await server(), 'continuity/readiness', { uri });
    return r.isPlan ? r : undefined;
  });
  const tree = vscode.window.createTreeView('continuity.readiness', {
    treeDataProvider: readiness,
    showCollapseAll: false,
  });
  context.subscriptions.push(tree);

  /** The plan the user is working on: the active editor's, else the one behind a focused preview or form, else the readiness view's. */
  let lastPlan: string | undefined;
  const activePlanUri = (): string | undefined => {
    const editorUri = vscode.window.activeTextEditor?.document.uri.toString();
    if (editorUri && statuses.get(editorUri)?.isPlan) return editorUri;
    // A walkthrough or another view has focus: the plan open in any editor group.
    const visible = vscode.window.visibleTextEditors
      .map((e) => e.document.uri.toString())
      .find((u) => statuses.get(u)?.isPlan);
    return previews.activeUri() ?? details.activeUri() ?? lastPlan ?? readiness.uri ?? visible;
  };
  const targetOf = async (arg: unknown): Promise<vscode.TextDocument | undefined> => {
    let uri: string | undefined;
    if (arg instanceof vscode.Uri) uri = arg.toString();
    else if (typeof arg === 'string') uri = arg;
    else if (arg && typeof arg === 'object' && typeof (arg as { uri?: unknown }).uri === 'string')
      uri = (arg as { uri: string }).uri;
    uri ??= activePlanUri() ?? vscode.window.activeTextEditor?.document.uri.toString();
    if (!uri) {
      void vscode.window.showWarningMessage('Open a continuity plan first.');
      return undefined;
    }
    return vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
  };

  // The plan's status follows the active editor, or the plan behind a focused preview or details form.
  let statusUri: string | undefined;
  const showStatus = () => {
    const editorUri = vscode.window.activeTextEditor?.document.uri.toString();
    const uri = editorUri ?? previews.activeUri() ?? details.activeUri();
    const s = uri ? statuses.get(uri) : undefined;
    if (s?.isPlan) {
      lastPlan = s.uri;
      statusUri = s.uri;
      status.text = `${statusIcon(s)} ${statusText(s)}`;
      status.tooltip = 'Continuity plan: click to see how ready it is';
      status.show();
    } else if (editorUri) {
      statusUri = undefined;
      status.hide();
    }
    void vscode.commands.executeCommand('setContext', 'continuity.activePlan', !!(editorUri && s?.isPlan));
  };
  context.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor(() => {
      showStatus();
      const uri = activePlanUri();
      if (uri && uri !== readiness.uri) void readiness.refresh(uri);
    }),
  );

  const print = async (arg: unknown, allowErrors: boolean): Promise<string | undefined> => {
    const doc = await targetOf(arg);
    if (!doc) return undefined;
    if (!vscode.workspace.isTrusted)
      return void vscode.window.showWarningMessage(
        'Printing starts a browser, so it is turned off in an untrusted workspace. Trust the workspace to print; checking still works.',
      );
    if (doc.isDirty) await doc.save();
    const browserPath = vscode.workspace.getConfiguration('continuity').get<string>('browserPath', '');
    const c = await server();
    const result: PrintResult = await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: allowErrors ? 'Printing a DRAFT copy of the plan to PDF...' : 'Printing the plan to PDF...',
        cancellable: false,
      },
      () => request(c, 'continuity/print', { uri: doc.uri.toString(), format: 'pdf', browserPath, allowErrors }),
    );
    if (!result.ok) {
      const actions = result.noBrowser
        ? ['Set browser path', 'Preview print copy']
        : result.canPrintDraft
          ? ['Print DRAFT copy', 'Show problems']
          : [];
      const choice = await vscode.window.showErrorMessage(result.message, ...actions);
      if (choice === 'Set browser path')
        await vscode.commands.executeCommand('workbench.action.openSettings', 'continuity.browserPath');
      if (choice === 'Preview print copy') await vscode.commands.executeCommand('continuity.previewPrint', doc.uri);
      if (choice === 'Show problems') await vscode.commands.executeCommand('workbench.actions.view.problems');
      if (choice === 'Print DRAFT copy') return print(doc.uri, true);
      return undefined;
    }
    const pdf = vscode.Uri.file(result.pdfPath!);
    const what = result.draft
      ? 'a DRAFT copy (every page stamped DRAFT, because the plan still has errors)'
      : 'the plan';
    void vscode.window
      .showInformationMessage(
        `Printed ${what}: ${result.pages} pages, written to ${vscode.workspace.asRelativePath(pdf)}.`,
        'Open PDF',
      )
      .then((c) => c && vscode.env.openExternal(pdf));
    return result.pdfPath;
  };

  const insertSection = async (arg: unknown): Promise<boolean> => {
    // From the tree's inline action the argument is the tree node; from elsewhere {uri, id}.
    const node = arg as { uri?: string; id?: string; section?: { id: string } } | undefined;
    const id = node?.section?.id ?? node?.id;
    const doc = await targetOf(arg);
    if (!doc || !id) return false;
    return applyEditResult(
      doc.uri,
      await request(await server(), 'continuity/insertSection', { uri: doc.uri.toString(), id }),
    );
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('continuity.newPlan', async () => {
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
      const made = await request(await server(), 'continuity/newPlan', {
        name: name.trim(),
        ods: ods.trim().toUpperCase(),
      });
      if (made.error !== undefined || !made.text)
        return void vscode.window.showErrorMessage(made.error ?? 'The plan could not be created.');
      const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
      let doc: vscode.TextDocument;
      if (folder) {
        const target = vscode.Uri.joinPath(folder, 'plans', made.fileName);
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
    vscode.commands.registerCommand('continuity.printPdf', (target?: unknown) => print(target, false)),
    vscode.commands.registerCommand('continuity.printDraft', (target?: unknown) => print(target, true)),
    vscode.commands.registerCommand('continuity.previewPrint', async (target?: unknown) => {
      const doc = await targetOf(target);
      if (doc) await previews.show(doc);
    }),
    vscode.commands.registerCommand('continuity.revealRange', (uri: string, range: Parameters<typeof revealRange>[1]) =>
      revealRange(uri, range),
    ),
    vscode.commands.registerCommand('continuity.insertSection', insertSection),
    vscode.commands.registerCommand(
      'continuity.aboutMissingSection',
      async (arg: { uri: string; id: string; title: string; why?: string }) => {
        const choice = await vscode.window.showInformationMessage(
          `The plan has no '${arg.title}' section. ${arg.why ?? ''}`,
          'Insert it',
        );
        if (choice === 'Insert it') await insertSection(arg);
      },
    ),
    vscode.commands.registerCommand('continuity.insertAllMissing', async (target?: unknown) => {
      const doc = await targetOf(target);
      if (!doc) return false;
      return applyEditResult(
        doc.uri,
        await request(await server(), 'continuity/insertAllMissing', { uri: doc.uri.toString() }),
      );
    }),
    vscode.commands.registerCommand('continuity.markReviewed', async (target?: unknown) => {
      const doc = await targetOf(target);
      if (!doc) return false;
      return applyEditResult(
        doc.uri,
        await request(await server(), 'continuity/markReviewed', { uri: doc.uri.toString() }),
      );
    }),
    vscode.commands.registerCommand('continuity.openDetails', async (target?: unknown) => {
      const doc = await targetOf(target);
      if (doc) await details.open(doc);
    }),
    vscode.commands.registerCommand('continuity.refreshReadiness', () => readiness.refresh(activePlanUri())),
    // For tests and screen readers: what the readiness view and the status bar say for the active plan.
    vscode.commands.registerCommand('continuity.readinessState', (): ReadinessResult | undefined => readiness.current),
    vscode.commands.registerCommand('continuity.statusText', () => {
      const uri = vscode.window.activeTextEditor?.document.uri.toString();
      return { uri, known: [...statuses.keys()], text: uri && statuses.get(uri)?.isPlan ? status.text : undefined };
    }),
    vscode.commands.registerCommand('continuity.activationTime', async () => {
      await ready;
      return { activationMs, activateOnlyMs, serverReadyMs };
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('continuity'))
        void client?.sendNotification('workspace/didChangeConfiguration', { settings: { continuity: settings() } });
    }),
    // Trusting the workspace lets the server load the ICB's schema extension.
    vscode.workspace.onDidGrantWorkspaceTrust(
      () => void (client && notify(client, 'continuity/trust', { trusted: true })),
    ),
  );

  onNotification(client, 'continuity/status', (s) => {
    statuses.set(s.uri, s);
    showStatus();
    if (s.uri === statusUri && s.isPlan) status.text = `${statusIcon(s)} ${statusText(s)}`;
    if (s.isPlan && (s.uri === activePlanUri() || !readiness.uri)) void readiness.refresh(s.uri);
    if (details.has(s.uri)) void details.refresh(s.uri);
    // The preview follows the text as it is checked, so a filled-in placeholder loses its highlight.
    if (previews.has(s.uri)) void previews.refresh(s.uri);
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
