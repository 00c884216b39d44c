/**
 * Public entry for writing files safely: every file the CLI writes is created exclusively under a
 * random name, never through a link, inside the folder it belongs in (core/io). Node only, and kept
 * apart from core/index.ts so that the language server, which never writes files (the editor does),
 * does not carry it into its browser bundle.
 */
export { writeFileAtomic, type WriteOptions } from './io/write-file-atomic.js';
export {
  checkFoldersOnTheWay,
  ensureFolderInside,
  removeFileInside,
  UnsafeWriteError,
} from './io/folders-on-the-way.js';
