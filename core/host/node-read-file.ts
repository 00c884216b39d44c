/**
 * Reading a file whose path comes from repository content or configuration, on Node: the real path
 * is resolved and confined to the root before anything is opened; only a regular file is read
 * (checked with lstat before opening and fstat after, so a swap in between is caught); the file is
 * opened non-blocking and without following links; and at most `maxBytes` are read.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, realpathSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import type { FileRead, ReadFileOptions } from './host.js';

function realOrResolved(path: string): string {
  try {
    return realpathSync.native(path);
  } catch {
    return resolve(path);
  }
}

function isInside(root: string, path: string): boolean {
  const r = root.endsWith(sep) ? root : root + sep;
  return path === root || path.startsWith(r);
}

function megabytes(n: number): string {
  return n >= 1024 * 1024 ? `${Math.ceil(n / 1024 / 1024)} MB` : `${Math.ceil(n / 1024)} KB`;
}

export const tooLarge = (size: number | undefined, max: number): FileRead => ({
  refused: 'too-large',
  reason: `it is ${size === undefined ? 'larger than' : megabytes(size) + ';'} ${size === undefined ? megabytes(max) : `the limit is ${megabytes(max)}`}`,
});

export function readFileOnNode(path: string, options: ReadFileOptions): FileRead {
  let real: string;
  try {
    real = realpathSync.native(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { refused: 'missing', reason: 'it does not exist' };
    if (code === 'ELOOP') return { refused: 'unreadable', reason: 'it is a symbolic link that leads back to itself' };
    if (code === 'EACCES') return { refused: 'denied', reason: 'permission to read it was denied' };
    return { refused: 'unreadable', reason: (e as Error).message };
  }
  if (options.root !== undefined && !isInside(realOrResolved(options.root), real)) {
    return { refused: 'outside', reason: 'it is a link to a file outside the repository' };
  }
  const before = lstatSync(real, { throwIfNoEntry: false });
  if (!before) return { refused: 'missing', reason: 'it does not exist' };
  if (before.isDirectory()) return { refused: 'folder', reason: 'it is a folder, not a file' };
  if (!before.isFile())
    return { refused: 'not-a-file', reason: 'it is not an ordinary file (a device, pipe or socket)' };
  if (before.size > options.maxBytes) return tooLarge(before.size, options.maxBytes);
  let fd: number;
  try {
    fd = openSync(real, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') return { refused: 'denied', reason: 'permission to read it was denied' };
    if (code === 'ENOENT') return { refused: 'missing', reason: 'it does not exist' };
    return { refused: 'unreadable', reason: (e as Error).message };
  }
  try {
    const after = fstatSync(fd);
    if (!after.isFile() || after.ino !== before.ino || after.dev !== before.dev) {
      return { refused: 'not-a-file', reason: 'it is not an ordinary file (it changed while being read)' };
    }
    // One byte more than the cap tells a file that grew past it since the check.
    const buffer = Buffer.alloc(Math.min(after.size, options.maxBytes) + 1);
    let length = 0;
    for (;;) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      if (length === buffer.length) {
        return length > options.maxBytes
          ? tooLarge(undefined, options.maxBytes)
          : { refused: 'unreadable', reason: 'it changed while being read' };
      }
    }
    return { bytes: buffer.subarray(0, length), realPath: real };
  } catch (e) {
    return { refused: 'unreadable', reason: (e as Error).message };
  } finally {
    closeSync(fd);
  }
}
