/**
 * Where a file the CLI writes belongs, for the safe-write checks (core/io/write-file-atomic.ts): the
 * folder the command runs in when the file is inside it (a checkout: no folder inside it may be a
 * link, since a pull request can commit one), otherwise the folder the user named, trusted as named
 * (`--out /srv/site`, `--cache-location "$RUNNER_TEMP/continuity"`: the user's own machine).
 */
import { resolve } from 'node:path';
import { isInsideFolder } from '../core/index.js';

export function writeRoot(cwd: string, folder: string): string {
  const base = resolve(cwd);
  const named = resolve(base, folder);
  return isInsideFolder(base, named) ? base : named;
}
