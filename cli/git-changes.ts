/**
 * Files changed since a git ref, for `build --changed-since REF`: committed changes since the ref,
 * changes not yet committed, and new files git does not ignore. Absolute paths.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { UsageError } from './discover-files.js';

function git(args: string[], cwd: string): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 1 << 28,
    timeout: 60_000,
  });
}

export function changedFilesSince(ref: string, cwd: string): Set<string> {
  let top: string;
  try {
    top = git(['rev-parse', '--show-toplevel'], cwd).trim();
  } catch {
    throw new UsageError(`--changed-since needs a git repository, and ${cwd} is not in one`);
  }
  try {
    git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], cwd);
  } catch {
    throw new UsageError(
      `--changed-since: git does not know '${ref}'. Give a branch, tag or commit (in CI, fetch enough history, e.g. actions/checkout with fetch-depth: 0)`,
    );
  }
  const names = [
    ...git(['diff', '--name-only', '-z', ref, '--'], top).split('\0'),
    ...git(['ls-files', '--others', '--exclude-standard', '-z'], top).split('\0'),
  ].filter(Boolean);
  return new Set(names.map((n) => resolve(top, n)));
}
