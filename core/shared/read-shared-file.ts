/** Read a shared content file once per check: its text, or why it cannot be used, and its hash for caches. */
import { readRegularFile } from '../io/read-regular-file.js';
import { decodePlanBytes, isDecodeProblem } from '../input/decode-text.js';
import { host } from '../host/host.js';

/** sha256 is null only when the file could not be read at all (missing, a folder, too large). */
export type SharedRead = { text: string; sha256: string } | { problem: string; sha256: string | null; outside?: true };

/** Larger shared files are refused: shared content is contacts and messages, not megabytes. */
export const MAX_SHARED_BYTES = 2 * 1024 * 1024;

/** Read `path`, a regular file whose real path is inside `root` (checked before it is opened). */
export function readSharedFile(path: string, root?: string): SharedRead {
  const read = readRegularFile(path, { root, maxBytes: MAX_SHARED_BYTES });
  if ('refused' in read) {
    const reason =
      read.refused === 'too-large' ? `${read.reason}; shared content files must be under 2 MB` : read.reason;
    return read.refused === 'outside'
      ? { problem: reason, sha256: null, outside: true }
      : { problem: reason, sha256: null };
  }
  const sha256 = host().sha256(read.bytes);
  const decoded = decodePlanBytes(read.bytes);
  if (isDecodeProblem(decoded)) return { problem: decoded.message.replace(/^This file/, 'it'), sha256 };
  return { text: decoded.text, sha256 };
}
