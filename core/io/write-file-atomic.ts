/**
 * Write a file so that readers see the old or the new content, never half: write a temp file beside
 * it, flush it to disk, then rename over. The original's permissions (and, when run as root, its
 * owner) are kept. On any failure the temp file is removed and the original is untouched. The one
 * way every tool writes a file a person relies on: fixed plans, reports, PDFs, the build's site.
 */
import {
  chmodSync,
  chownSync,
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** `mode`: permissions of a new file (an existing file keeps its own). */
export function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  options: { makeFolders?: boolean; mode?: number } = {},
): void {
  if (options.makeFolders) mkdirSync(dirname(path), { recursive: true });
  let original: Stats | undefined;
  try {
    original = statSync(path);
  } catch {
    original = undefined;
  }
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  let fd: number | undefined;
  try {
    // Created with the final permissions from the first byte: a process killed mid-write leaves a temp
    // copy of an owner-only plan that is still owner-only, never one readable by everyone.
    fd = openSync(tmp, 'wx', original ? original.mode & 0o777 : (options.mode ?? 0o666));
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    if (original) {
      chmodSync(tmp, original.mode & 0o7777);
      if (process.getuid?.() === 0 && (original.uid !== 0 || original.gid !== 0))
        chownSync(tmp, original.uid, original.gid);
    }
    renameSync(tmp, path);
  } catch (e) {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        // already closed
      }
    }
    try {
      unlinkSync(tmp);
    } catch {
      // nothing to clean up
    }
    throw e;
  }
}
