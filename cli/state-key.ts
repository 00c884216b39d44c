/**
 * A secret that only this machine (or this CI pipeline) knows, to sign the state the tools read back:
 * the lint result cache and the build's site/status files. Both can sit in the working tree, where a
 * pull request can write anything; an entry without a valid signature is ignored, so forged state can
 * never turn a failing plan green, hide a plan's errors or point the build at files to delete.
 *
 * The key is `CONTINUITY_STATE_KEY` when set (CI: one secret shared by every shard and run), otherwise
 * a random key created once in the user's state folder, outside any checkout (mode 0600). When that
 * folder cannot be written, a key for this process only: nothing stored is trusted, which is safe.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { readRegularFile } from '../core/index.js';
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

let key: Buffer | undefined;

/** Where the per-machine key is kept: `$XDG_STATE_HOME/continuity` or `~/.local/state/continuity`. */
export function stateKeyFile(): string {
  const base = process.env.XDG_STATE_HOME || join(homedir(), '.local', 'state');
  return join(base, 'continuity', 'state.key');
}

function loadKey(): Buffer {
  const fromEnv = process.env.CONTINUITY_STATE_KEY;
  if (fromEnv && fromEnv.length >= 16) return Buffer.from(fromEnv, 'utf8');
  const file = stateKeyFile();
  const stored = () => {
    const read = readRegularFile(file, { maxBytes: 1024 });
    return 'bytes' in read && read.bytes.length >= 32 ? Buffer.from(read.bytes) : undefined;
  };
  const existing = stored();
  if (existing) return existing;
  const fresh = randomBytes(32);
  try {
    // Created exclusively, so two processes starting at once agree on one key (the loser reads it).
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    const fd = openSync(file, 'wx', 0o600);
    try {
      writeSync(fd, fresh);
    } finally {
      closeSync(fd);
    }
    return fresh;
  } catch {
    // Another process made it first, or no writable state folder: its key, or this process's only.
    return stored() ?? fresh;
  }
}

/** Signature of `text` (hex). */
export function signState(text: string): string {
  key ??= loadKey();
  return createHmac('sha256', key).update(text).digest('hex');
}

export function verifyState(text: string, signature: unknown): boolean {
  if (typeof signature !== 'string' || !/^[0-9a-f]{64}$/.test(signature)) return false;
  return timingSafeEqual(Buffer.from(signState(text), 'hex'), Buffer.from(signature, 'hex'));
}

/** For tests: forget the loaded key (after changing the environment). */
export function forgetStateKey(): void {
  key = undefined;
}
