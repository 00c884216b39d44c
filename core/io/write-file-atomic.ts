/**
 * The one way every tool writes a file: fixed plans, new and imported plans, reports, the result
 * cache, the build's site (status files, pages, PDFs) and the state key.
 *
 * Readers see the old content or the new, never half: the bytes go to a temp file beside the target,
 * are flushed to disk, then renamed over it. The original's permissions (and, as root, its owner) are
 * kept; on any failure the temp file is removed and the original is untouched.
 *
 * Many of these files sit in a checkout, where a pull request can commit symbolic links anywhere. So:
 * - The temp file has a random name (crypto) and is created exclusively without following a link
 *   (O_CREAT|O_EXCL|O_NOFOLLOW): a link planted at a guessable name cannot catch the write.
 * - The target is renamed over, never opened: a link (or a hard link) at the target is replaced by
 *   the new file, so nothing is ever written through it. Callers writing a person's own file (a plan)
 *   refuse a link there instead (`atLink: 'refuse'`): their words would otherwise leave the place
 *   the link says they are.
 * - The file must be inside `within` (the folder it belongs in: the checkout, or the output folder
 *   the user named), and no folder between the two may be a symbolic link; missing folders are made
 *   one at a time (mkdir never follows a link at the name it makes). `within` itself is trusted as
 *   the user named it.
 * The checks assume nobody swaps folders for links while the tools run (a pull request's files are
 * fixed before the tools start); a race with another local process is not what they defend against.
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  constants,
  fchmodSync,
  fchownSync,
  fsyncSync,
  linkSync,
  lstatSync,
  openSync,
  renameSync,
  unlinkSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { checkFoldersOnTheWay, errno, linkRefusal } from './folders-on-the-way.js';

export interface WriteOptions {
  /** The folder the file belongs in; see the module comment. */
  within: string;
  /** Make missing folders between `within` and the file (otherwise a missing folder is ENOENT). */
  makeFolders?: boolean;
  /** Permissions of a new file (an existing file keeps its own). */
  mode?: number;
  /** Permissions of folders made on the way. */
  folderMode?: number;
  /** A symbolic link at the target: replaced by the file (default), or refused. */
  atLink?: 'replace' | 'refuse';
  /** An existing file at the target: replaced (default), or kept and the write refused with EEXIST. */
  ifExists?: 'replace' | 'keep';
}

const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;
const CREATE_NEW = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | NO_FOLLOW;

/** A temp name beside the target that nobody can predict (a name too long for the disk is shortened). */
function tempNameFor(path: string): string {
  return join(dirname(path), `.${basename(path).slice(0, 60)}.${randomBytes(12).toString('hex')}.tmp`);
}

export function writeFileAtomic(path: string, data: string | Uint8Array, options: WriteOptions): void {
  const target = resolve(path);
  checkFoldersOnTheWay(options.within, target, { make: !!options.makeFolders, mode: options.folderMode });

  const existing: Stats | undefined = lstatSync(target, { throwIfNoEntry: false });
  if (existing?.isSymbolicLink() && options.atLink === 'refuse')
    throw linkRefusal(resolve(options.within), target, target, 'file');
  if (existing && options.ifExists === 'keep') throw errno('EEXIST', `${target} already exists`);
  if (existing?.isDirectory()) throw errno('EISDIR', `${target} is a folder`);
  const original = existing?.isFile() ? existing : undefined;

  const tmp = tempNameFor(target);
  let fd: number | undefined;
  let created = false;
  try {
    // Created with the final permissions from the first byte: a process killed mid-write leaves a temp
    // copy of an owner-only plan that is still owner-only, never one readable by everyone.
    fd = openSync(tmp, CREATE_NEW, original ? original.mode & 0o777 : (options.mode ?? 0o666));
    created = true;
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
    if (original) {
      fchmodSync(fd, original.mode & 0o7777);
      if (process.getuid?.() === 0 && (original.uid !== 0 || original.gid !== 0))
        fchownSync(fd, original.uid, original.gid);
    }
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    if (options.ifExists === 'keep') {
      // link() fails if anything (a file, a link) took the name meanwhile: two writers never both win,
      // and nobody sees the file before it is whole.
      linkSync(tmp, target);
      created = false;
      unlinkSync(tmp);
    } else {
      renameSync(tmp, target);
      created = false;
    }
  } catch (e) {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        // already closed
      }
    }
    if (created) {
      try {
        unlinkSync(tmp);
      } catch {
        // nothing to clean up
      }
    }
    throw e;
  }
}
