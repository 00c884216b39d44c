/**
 * The VS Code extension, the same on the desktop (extension-node.ts) and on the web
 * (extension-web.ts): a thin client over the continuity language server. It starts the server,
 * shows the focused plan in the status bar and the readiness view, and runs the commands of the
 * command table (commands/index.ts). Everything about plans (checks, fixes, edits, printing)
 * happens in the server; requests are typed in ../shared/protocol.ts.
 */
import * as vscode from 'vscode';
import type { ReadinessResult } from '../shared/protocol';
import type { ClientContext } from './client-context';
import { COMMANDS } from './commands';
import { DetailsPanels } from './details-panel';
import { FocusedPlan } from './focused-plan';
import { Previews } from './preview';
import { ReadinessView } from './readiness-view';
import { ServerConnection, type Platform } from './server-connection';

/** When the extension's module was loaded: activation time is measured from here. */
const loaded = Date.now();

export function activateExtension(context: vscode.ExtensionContext, platform: Platform): ClientContext {
  const entered = Date.now();
  const server = new ServerConnection(context, platform, loaded);
  const readiness = new ReadinessView(async (uri): Promise<ReadinessResult | undefined> => {
    const r = await server.request('continuity/readiness', { uri });
    return r.isPlan ? r : undefined;
  });
  const previews = new Previews((uri) => server.request('continuity/print', { uri, format: 'html' }));
  const details = new DetailsPanels(context.extensionUri, {
    form: (uri) => server.request('continuity/detailsForm', { uri }),
    set: (p) => server.request('continuity/setDetail', p),
  });
  const focus = new FocusedPlan([previews, details], () => readiness.uri);
  const ctx: ClientContext = {
    extension: context,
    isWeb: platform.isWeb,
    server,
    focus,
    previews,
    details,
    readiness,
    activation: { ms: -1, ownMs: -1 },
  };

  context.subscriptions.push(
    focus,
    vscode.window.createTreeView('continuity.readiness', { treeDataProvider: readiness, showCollapseAll: false }),
    ...Object.entries(COMMANDS).map(([id, run]) => vscode.commands.registerCommand(id, (...args) => run(ctx, ...args))),
    vscode.window.onDidChangeActiveTextEditor(() => {
      focus.show();
      const uri = focus.uri();
      if (uri && uri !== readiness.uri) void readiness.refresh(uri);
    }),
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('continuity') && server.settingsChanged()),
    // Trusting the workspace lets the server load the ICB's schema extension.
    vscode.workspace.onDidGrantWorkspaceTrust(() => server.notify('continuity/trust', { trusted: true })),
  );

  server.on('continuity/status', (s) => {
    focus.update(s);
    if (s.isPlan && (s.uri === focus.uri() || !readiness.uri)) void readiness.refresh(s.uri);
    if (details.has(s.uri)) void details.refresh(s.uri);
    // The preview follows the text as it is checked, so a filled-in placeholder loses its highlight.
    if (previews.has(s.uri)) void previews.refresh(s.uri);
  });

  ctx.activation.ms = Date.now() - loaded;
  ctx.activation.ownMs = Date.now() - entered;
  return ctx;
}
