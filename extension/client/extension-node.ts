/** The extension's desktop entry (`main` in package.json): the shared client over a Node language server. */
import type * as vscode from 'vscode';
import { activateExtension } from './activate';
import { nodePlatform } from './node-client';

export function activate(context: vscode.ExtensionContext): void {
  activateExtension(context, nodePlatform);
}

export function deactivate(): void {}
