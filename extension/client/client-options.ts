/**
 * What the client tells the language server, the same on the desktop and on the web: which
 * documents (markdown in every scheme the editor opens: files, untitled, github.dev's vscode-vfs://,
 * a desktop virtual workspace), which files to watch, and the settings it starts with.
 */
import * as vscode from 'vscode';
import type { LanguageClientOptions } from 'vscode-languageclient';

/** Old versions of a file shown beside a diff: not editable, and their problems would show twice. */
const NOT_CHECKED_SCHEMES = new Set(['git']);

/**
 * The settings the server is started with (and sent when it cannot ask), as plain JSON: VS Code's
 * configuration values are proxies, which a Worker's postMessage cannot copy.
 */
export function settings() {
  const c = vscode.workspace.getConfiguration('continuity');
  return JSON.parse(
    JSON.stringify({
      rules: c.get('rules', {}),
      planGlobs: c.get<string[]>('planGlobs', []),
      debounceMs: c.get('debounceMs', 200),
      today: c.get('today', ''),
    }),
  ) as { rules: Record<string, string>; planGlobs: string[]; debounceMs: number; today: string };
}

export function clientOptions(extra: Record<string, unknown>): LanguageClientOptions {
  return {
    documentSelector: [{ language: 'markdown' }],
    middleware: {
      didOpen: (document, next) => (NOT_CHECKED_SCHEMES.has(document.uri.scheme) ? Promise.resolve() : next(document)),
    },
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
      ...extra,
    },
  };
}
