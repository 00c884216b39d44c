/**
 * The folders between where a file belongs and the file itself, checked before the tools write or
 * delete it: each must be a real folder, never a symbolic link. A checkout comes from pull requests,
 * and one committed link (`site/status` pointing at a home folder) would otherwise send every write,
 * or every delete, beneath it somewhere else.
 */
import { lstatSync, mkdirSync, unlinkSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { isInsideFolder } from './read-regular-file.js';

/** A write or delete refused because it would go through a symbolic link or outside where the file belongs. */
export class UnsafeWriteError extends Error {
  readonly code = 'EUNSAFEWRITE';
  constructor(
    message: string,
    /** The link (or the file) that made it unsafe. */
    readonly path: string,
  ) {
    super(message);
  }
}

export function errno(code: string, message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(message), { code });
}

/** Paths in messages are shown relative to `within`, the folder the file belongs in. */
function shownIn(within: string, path: string): string {
  return relative(within, path).split(sep).join('/');
}

/** `target`: the file not written, or the folder nothing was written into. */
export function linkRefusal(within: string, link: string, target: string, kind: 'file' | 'folder'): UnsafeWriteError {
  const what =
    link === target
      ? `${shownIn(within, link)} is a symbolic link, so ${kind === 'file' ? 'it was not written' : 'nothing was written into it'}`
      : `${shownIn(within, link)} is a symbolic link, so ${kind === 'file' ? `${shownIn(within, target)} was not written` : `nothing was written into ${shownIn(within, target)}`}`;
  return new UnsafeWriteError(
    `In ${within}, ${what}: the tools never write through a link (one committed to a repository could send files anywhere). Remove the link, or name the real ${link === target && kind === 'file' ? 'file' : 'folder'}.`,
    link,
  );
}

/**
 * `folder` and every folder between `within` and it, checked to be real folders (not links); with
 * `make`, missing ones are made one at a time (mkdir never follows a link at the name it makes), and
 * `within` itself too (it is trusted as the user named it); with `missingOk`, a missing folder ends the
 * check (nothing below it can be a link), so a run can look before it writes anything.
 * `target` names what is refused in messages.
 */
export function ensureFolderInside(
  within: string,
  folder: string,
  options: { make: boolean; mode?: number; missingOk?: boolean },
  target: { path: string; kind: 'file' | 'folder' } = { path: resolve(folder), kind: 'folder' },
): void {
  const root = resolve(within);
  const end = resolve(folder);
  if (!isInsideFolder(root, end))
    throw new UnsafeWriteError(`${target.path} was not written: it is outside ${root}, where it belongs.`, end);
  if (options.make) mkdirSync(root, { recursive: true });
  let path = root;
  for (const part of relative(root, end).split(sep).filter(Boolean)) {
    path = join(path, part);
    let stat = lstatSync(path, { throwIfNoEntry: false });
    if (!stat && options.make) {
      try {
        mkdirSync(path, { mode: options.mode });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
      stat = lstatSync(path, { throwIfNoEntry: false });
    }
    if (!stat && options.missingOk) return;
    if (!stat) throw errno('ENOENT', `${path} does not exist`);
    if (stat.isSymbolicLink()) throw linkRefusal(root, path, target.path, target.kind);
    if (!stat.isDirectory()) throw errno('ENOTDIR', `${path} is not a folder`);
  }
}

/** The folders on the way from `within` to a file, as ensureFolderInside checks them; the file must be inside. */
export function checkFoldersOnTheWay(
  within: string,
  file: string,
  options: { make: boolean; mode?: number } = { make: false },
): void {
  const target = resolve(file);
  if (target === resolve(within) || !isInsideFolder(resolve(within), target))
    throw new UnsafeWriteError(
      `${target} was not written: it is outside ${resolve(within)}, where it belongs.`,
      target,
    );
  ensureFolderInside(within, dirname(target), options, { path: target, kind: 'file' });
}

/**
 * Delete a file the tools made, inside `within`, never through a linked folder. A link at the file
 * itself is removed (unlink never follows it). False when there was nothing safe to delete.
 */
export function removeFileInside(within: string, file: string): boolean {
  try {
    checkFoldersOnTheWay(within, file);
    unlinkSync(resolve(file));
    return true;
  } catch {
    return false;
  }
}
