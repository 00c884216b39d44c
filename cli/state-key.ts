/**
 * A secret that only this machine (or this CI pipeline) knows, to sign the state the tools read back:
 * the lint result cache and the build's site/status files. Both can sit in the working tree, where a
 * pull request can write anything; an entry without a valid signature is ignored, so forged state can
 * never turn a failing plan green, hide a plan's errors or point the build at files to delete.
 *
 * The key is `CONTINUITY_STATE_KEY` when set (CI: one secret shared by every shard and run), otherwise
 * a random key created once in the user's state folder, outside any checkout (mode 0600). When that
 * folder cannot be written, a key for this process only: nothing stored is trusted, which is safe.
 * A `CONTINUITY_STATE_KEY` too short to be secret is refused loudly (exit 2): ignoring it would leave a
 * CI that thinks it shares one key with every run silently re-checking and re-printing everything.
 * An empty one counts as not set (a CI secret that does not exist expands to nothing).
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { readRegularFile } from '../core/index.js';
import { writeFileAtomic } from '../core/writing.js';
import { UsageError } from './discover-files.js';

export const MIN_STATE_KEY_LENGTH = 16;

let key: Buffer | undefined;

/** The folder the per-machine key's folder lives in: `$XDG_STATE_HOME` or `~/.local/state`. */
function stateHome(): string {
  return process.env.XDG_STATE_HOME || join(homedir(), '.local', 'state');
}

/** Where the per-machine key is kept: `$XDG_STATE_HOME/continuity` or `~/.local/state/continuity`. */
export function stateKeyFile(): string {
  return join(stateHome(), 'continuity', 'state.key');
}

/** Stop with a usage error (exit 2) when `CONTINUITY_STATE_KEY` is set but too short to be a secret. */
export function checkStateKeySetting(): void {
  const fromEnv = process.env.CONTINUITY_STATE_KEY;
  if (fromEnv && fromEnv.length < MIN_STATE_KEY_LENGTH)
    throw new UsageError(
      `CONTINUITY_STATE_KEY has ${fromEnv.length} character${fromEnv.length === 1 ? '' : 's'}; it needs at least ${MIN_STATE_KEY_LENGTH}. It signs the result cache and the build's status files, so a short one could be guessed. Set it to a long random secret (for example the output of: openssl rand -hex 32), the same for every CI job that shares the cache or site, or unset it to use this machine's own key.`,
    );
}

function loadKey(): Buffer {
  checkStateKeySetting();
  const fromEnv = process.env.CONTINUITY_STATE_KEY;
  if (fromEnv) return Buffer.from(fromEnv, 'utf8');
  const file = stateKeyFile();
  const stored = () => {
    const read = readRegularFile(file, { root: dirname(file), maxBytes: 1024 });
    return 'bytes' in read && read.bytes.length >= 32 ? Buffer.from(read.bytes) : undefined;
  };
  const existing = stored();
  if (existing) return existing;
  const fresh = randomBytes(32);
  try {
    // Never replaces a key, so two processes starting at once agree on one (the loser reads the
    // winner's, which is whole before it has its name); never written through a link.
    writeFileAtomic(file, fresh, {
      within: stateHome(),
      makeFolders: true,
      folderMode: 0o700,
      mode: 0o600,
      ifExists: 'keep',
    });
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
