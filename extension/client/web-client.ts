/**
 * The web (vscode.dev, github.dev): the language server runs in a Worker, speaking LSP over
 * postMessage, and reads the workspace's files through this client (workspace-files.ts).
 */
import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions } from 'vscode-languageclient/browser';
import type { Platform } from './server-connection';

/**
 * A URL a Worker can start from. vscode.dev serves extensions over https, and the Worker loads the
 * script from there; elsewhere (an extension on a remote, as in code-server) the web extension host
 * refuses to start a Worker from the extension's URI, so the script is read through the file system
 * and started from a blob, which is same-origin wherever the extension host runs.
 */
async function workerUrl(script: vscode.Uri): Promise<string> {
  if (script.scheme === 'https' || script.scheme === 'http') return script.toString(true);
  const bytes = await vscode.workspace.fs.readFile(script);
  return URL.createObjectURL(new Blob([new Uint8Array(bytes)], { type: 'text/javascript' }));
}

export const webPlatform: Platform = {
  isWeb: true,
  // Rule links open the extension's own copy of the rule docs (there is no file: URL to give).
  initializationOptions: (context) => ({
    rulesDocUrl: vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules.md').toString(),
  }),
  async createClient(context: vscode.ExtensionContext, options: LanguageClientOptions) {
    const worker = new Worker(await workerUrl(vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js')));
    return new LanguageClient('continuity', 'Continuity plans', options, worker);
  },
};
