/** Read a shared content file once per check: its text, or why it cannot be used, and its hash for caches. */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { decodePlanBytes, isDecodeProblem } from '../input/decode-text.js';

/** sha256 is null only when the file could not be read at all (missing, a folder, too large). */
export type SharedRead = { text: string; sha256: string } | { problem: string; sha256: string | null };

/** Larger shared files are refused: shared content is contacts and messages, not megabytes. */
export const MAX_SHARED_BYTES = 2 * 1024 * 1024;

export function readSharedFile(path: string): SharedRead {
  let bytes: Buffer;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) return { problem: 'it is a folder, not a file', sha256: null };
    if (stat.size > MAX_SHARED_BYTES) return { problem: `it is ${Math.round(stat.size / 1024 / 1024)} MB; shared content files must be under 2 MB`, sha256: null };
    bytes = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { problem: code === 'ENOENT' ? 'it does not exist' : code === 'EACCES' ? 'permission to read it was denied' : (e as Error).message, sha256: null };
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const decoded = decodePlanBytes(bytes);
  if (isDecodeProblem(decoded)) return { problem: decoded.message.replace(/^This file/, 'it'), sha256 };
  return { text: decoded.text, sha256 };
}
