/**
 * "Inside the repository" means the content the repository tracks, not everything in its folder:
 * git's own folder (`.git/config` may hold credentials), environment files (`.env`) and files git
 * ignores (local secrets, build output) are refused as shared content, so a pull request cannot
 * include them into a plan and have them published in the site. (Where git cannot be asked, in a
 * browser, the host says so and the first two checks still hold.)
 */
import { host } from '../host/host.js';

const ENV_FILE = /^\.env(?:\.|$)/i;

/** Why `path` (a real path inside `root`) may not be shared content, or undefined when it may. */
export function whyPrivate(root: string, path: string): string | undefined {
  const h = host();
  const rel = h.path.relative(root, path);
  const parts = rel.split(h.path.sep);
  if (parts.some((p) => p.toLowerCase() === '.git'))
    return "it is inside git's own folder (.git), which holds the repository's settings and can hold passwords, not plan content";
  if (ENV_FILE.test(h.path.basename(path)))
    return 'it is an environment file (.env), which holds passwords and keys, not plan content';
  if (h.isRepositoryRoot(root) && h.gitIgnores(root, parts.join('/')))
    return 'git ignores it (it is listed in .gitignore), so it is not part of the repository and may hold private local files';
  return undefined;
}
