/**
 * The client's answer to the server's `continuity/readFiles`: the language server in a browser
 * Worker has no file system, so it asks for the files a plan needs (its configuration, the ICB's
 * schema extension, shared content, pictures to print) and the editor reads them with
 * vscode.workspace.fs, whatever the scheme (github.dev's vscode-vfs://, a local folder in
 * vscode.dev, a desktop virtual workspace).
 *
 * Containment holds here too, whatever the server asks: only files inside a workspace folder, never
 * inside .git or an environment file (.env), and a symbolic link is reported as one, not followed.
 */
import * as vscode from 'vscode';
import type { ReadFilesParams, ReadFilesResult, WorkspaceEntry } from '../shared/protocol';

/** At most this many files are answered for one request (the server asks in rounds of fewer). */
const MAX_FILES = 500;

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Why the editor will not give the server this file, or undefined when it may. */
function whyRefused(uri: vscode.Uri): string | undefined {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (!folder) return 'it is outside the folder open in the editor';
  const parts = uri.path.slice(folder.uri.path.length).split('/');
  if (parts.some((p) => p.toLowerCase() === '.git'))
    return "it is inside git's own folder (.git), which can hold passwords, not plan content";
  if (/^\.env(?:\.|$)/i.test(parts[parts.length - 1] ?? ''))
    return 'it is an environment file (.env), which holds passwords and keys, not plan content';
  return undefined;
}

async function entryFor(text: string, maxBytes: number): Promise<WorkspaceEntry> {
  let uri: vscode.Uri;
  try {
    uri = vscode.Uri.parse(text, true);
  } catch {
    return { type: 'missing' };
  }
  const refused = whyRefused(uri);
  if (refused) return { type: 'refused', refused: 'denied', reason: refused };
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.type & vscode.FileType.SymbolicLink) return { type: 'link' };
    if (stat.type & vscode.FileType.Directory) return { type: 'folder' };
    if (stat.size > maxBytes) return { type: 'file', size: stat.size };
    const bytes = await vscode.workspace.fs.readFile(uri);
    return { type: 'file', size: bytes.length, ...(bytes.length <= maxBytes ? { base64: toBase64(bytes) } : {}) };
  } catch (e) {
    const code = e instanceof vscode.FileSystemError ? e.code : '';
    if (code === 'FileNotFound' || code === 'FileNotADirectory') return { type: 'missing' };
    if (code === 'NoPermissions')
      return { type: 'refused', refused: 'denied', reason: 'permission to read it was denied' };
    return { type: 'refused', refused: 'unreadable', reason: (e as Error)?.message ?? String(e) };
  }
}

export async function readWorkspaceFiles(params: ReadFilesParams): Promise<ReadFilesResult> {
  const uris = Array.isArray(params?.uris) ? params.uris.slice(0, MAX_FILES) : [];
  const maxBytes = typeof params?.maxBytes === 'number' ? params.maxBytes : 0;
  const files = await Promise.all(
    uris.map(async (uri) => ({ uri: String(uri), ...(await entryFor(String(uri), maxBytes)) })),
  );
  return { files };
}
