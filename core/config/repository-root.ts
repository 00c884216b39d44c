/**
 * Shared content must come from inside the repository that holds the plans (where every change to
 * it is reviewed), never from elsewhere on the disk. The repository is the nearest folder upward with
 * `.git`; without git, the nearest with `continuity.config.json`; otherwise the plan's own folder.
 * (In a browser, the workspace folder is where the repository starts: see core/host/memory-host.ts.)
 */
import { CONFIG_FILE } from './config.js';
import { host } from '../host/host.js';

function nearestWith(startDir: string, found: (dir: string) => boolean): string | undefined {
  const { path } = host();
  let dir = path.resolve(startDir);
  for (;;) {
    if (found(dir)) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

const roots = new Map<string, string>();

export function repositoryRoot(planPath: string): string {
  const h = host();
  const dir = h.path.dirname(h.path.resolve(planPath));
  let root = roots.get(dir);
  if (!root) {
    const found =
      nearestWith(dir, (d) => h.isRepositoryRoot(d)) ??
      nearestWith(dir, (d) => h.exists(h.path.join(d, CONFIG_FILE))) ??
      dir;
    root = realPath(found);
    if (roots.size > 1000) roots.clear();
    roots.set(dir, root);
  }
  return root;
}

export function realPath(path: string): string {
  return host().realPath(path);
}

export function isInside(root: string, path: string): boolean {
  const sep = host().path.sep;
  const r = root.endsWith(sep) ? root : root + sep;
  return path === root || path.startsWith(r);
}
