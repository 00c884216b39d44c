/**
 * Paths as CI platforms want them: relative to the repository root (GitHub code scanning, GitLab Code
 * Quality and Azure annotations all match a finding to a file by its path in the repository), whatever
 * folder the command ran in. Outside a git repository the working folder stands in for the root.
 */
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';

const roots = new Map<string, string>();

/** The nearest folder at or above `cwd` holding `.git` (a folder, or a file in a worktree or submodule). */
export function repositoryRoot(cwd: string): string {
  const known = roots.get(cwd);
  if (known) return known;
  let dir = resolve(cwd);
  let root = resolve(cwd);
  for (let i = 0; i < 64; i++) {
    if (existsSync(join(dir, '.git'))) {
      root = dir;
      break;
    }
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  roots.set(cwd, root);
  return root;
}

/**
 * A reporter's path (relative to `cwd`, or absolute for a file outside it) made relative to the
 * repository root, with forward slashes; `undefined` for a file outside the repository.
 */
export function repositoryPath(path: string, cwd: string | undefined): string | undefined {
  if (cwd === undefined) return isAbsolute(path) ? undefined : path;
  const root = repositoryRoot(cwd);
  const r = relative(root, resolve(cwd, path)).replace(/\\/g, '/');
  return r.startsWith('../') || r === '..' || isAbsolute(r) ? undefined : r;
}
