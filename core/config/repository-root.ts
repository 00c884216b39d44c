/**
 * Shared content must come from inside the repository that holds the plans (where every change to
 * it is reviewed), never from elsewhere on the disk. The repository is the nearest folder upward with
 * `.git`; without git, the nearest with `continuity.config.json`; otherwise the plan's own folder.
 */
import { existsSync, realpathSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { CONFIG_FILE } from './config.js';

function nearestWith(startDir: string, name: string): string | undefined {
  let dir = resolve(startDir);
  for (;;) {
    if (existsSync(join(dir, name))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

const roots = new Map<string, string>();

export function repositoryRoot(planPath: string): string {
  const dir = dirname(resolve(planPath));
  let root = roots.get(dir);
  if (!root) {
    const found = nearestWith(dir, '.git') ?? nearestWith(dir, CONFIG_FILE) ?? dir;
    root = realPath(found);
    if (roots.size > 1000) roots.clear();
    roots.set(dir, root);
  }
  return root;
}

export function realPath(path: string): string {
  try {
    return realpathSync.native(path);
  } catch {
    return resolve(path);
  }
}

export function isInside(root: string, path: string): boolean {
  const r = root.endsWith(sep) ? root : root + sep;
  return path === root || path.startsWith(r);
}
