/**
 * The desktop: the language server runs in a Node process of its own, over IPC. In a virtual
 * workspace (a GitHub repository opened without cloning it) the files are not on this computer, so
 * the server reads them through this client, as the web server does.
 */
import * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import type { Platform } from './server-connection';

export const nodePlatform: Platform = {
  isWeb: false,
  initializationOptions: () => ({}),
  async createClient(context: vscode.ExtensionContext, options: LanguageClientOptions) {
    const module = context.asAbsolutePath('dist/server.mjs');
    const folders = vscode.workspace.workspaceFolders ?? [];
    const args = folders.some((f) => f.uri.scheme !== 'file') ? ['--files-from-client'] : [];
    const server: ServerOptions = {
      run: { module, transport: TransportKind.ipc, args },
      debug: { module, transport: TransportKind.ipc, args, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
    };
    return new LanguageClient('continuity', 'Continuity plans', server, options);
  },
};
