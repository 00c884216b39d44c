/** The extension's web entry (`browser` in package.json): the shared client over the language server in a Worker. */
import type * as vscode from 'vscode';
import { activateExtension } from './activate';
import type { ClientContext } from './client-context';
import { webPlatform } from './web-client';

let extension: ClientContext | undefined;

export function activate(context: vscode.ExtensionContext): void {
  extension = activateExtension(context, webPlatform);
}

/** Stops the language server (VS Code waits for it). */
export function deactivate(): Promise<void> | undefined {
  return extension?.server.dispose();
}
