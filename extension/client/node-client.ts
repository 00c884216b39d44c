/** The desktop: the language server runs in a Node process of its own, over IPC. */
import type * as vscode from 'vscode';
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
    const server: ServerOptions = {
      run: { module, transport: TransportKind.ipc },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
    };
    return new LanguageClient('continuity', 'Continuity plans', server, options);
  },
};
