/**
 * One way to read a file whose path comes from repository content or configuration (shared content,
 * config and schema files, caches, build status). Such a path may be a symbolic link out of the
 * repository, a device (`/dev/zero` never ends), a FIFO (opening one blocks for ever) or a huge file.
 * So: the real path is resolved and confined to the root before anything is opened; only a regular
 * file is read; and at most `maxBytes` are read. How is the host's (core/host/node-read-file.ts on
 * Node; in a browser, the files the editor gave the language server).
 */
import { host, type FileRead, type ReadFileOptions, type ReadRefusal } from '../host/host.js';

export type { ReadRefusal } from '../host/host.js';
export type RegularRead = FileRead;
export type ReadRegularOptions = ReadFileOptions;

// A byte order mark is kept, as Buffer.toString kept it: JSON with one is reported, not silently read.
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

export function isInsideFolder(root: string, path: string): boolean {
  const sep = host().path.sep;
  const r = root.endsWith(sep) ? root : root + sep;
  return path === root || path.startsWith(r);
}

export function readRegularFile(path: string, options: ReadRegularOptions): RegularRead {
  return host().readFile(path, options);
}

/** The text of a small JSON or text file (UTF-8), or why it cannot be used. */
export function readRegularText(
  path: string,
  options: ReadRegularOptions,
): { text: string } | { refused: ReadRefusal; reason: string } {
  const read = readRegularFile(path, options);
  return 'bytes' in read ? { text: utf8.decode(read.bytes) } : read;
}
