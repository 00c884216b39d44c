/** The extension's desktop entry (`main` in package.json): the shared client over a Node language server. */
import type * as vscode from 'vscode';
import { activateExtension } from './activate';
import type { ClientContext } from './client-context';
import { nodePlatform } from './node-client';

let extension: ClientContext | undefined;

export function activate(context: vscode.ExtensionContext): void {
  extension = activateExtension(context, nodePlatform);
}

/** Stops the language server (VS Code waits for it). */
export function deactivate(): Promise<void> | undefined {
  return extension?.server.dispose();
}
