/** The extension's web entry (`browser` in package.json): the shared client over the language server in a Worker. */
import type * as vscode from 'vscode';
import { activateExtension } from './activate';
import { webPlatform } from './web-client';

export function activate(context: vscode.ExtensionContext): void {
  activateExtension(context, webPlatform);
}

export function deactivate(): void {}
