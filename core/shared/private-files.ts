/**
 * "Inside the repository" means the content the repository tracks, not everything in its folder:
 * git's own folder (`.git/config` may hold credentials), environment files (`.env`) and files git
 * ignores (local secrets, build output) are refused as shared content, so a pull request cannot
 * include them into a plan and have them published in the site.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';

const ENV_FILE = /^\.env(?:\.|$)/i;
const ignored = new Map<string, boolean>();

function gitIgnores(root: string, rel: string): boolean {
  const key = `${root}\0${rel}`;
  let answer = ignored.get(key);
  if (answer === undefined) {
    // Exit 0: ignored (and not tracked: a committed file is part of the repository, whatever .gitignore
    // says); 1: not ignored; anything else (no git, not a repository): not known to be.
    const r = spawnSync('git', ['check-ignore', '-q', '--', rel], { cwd: root, timeout: 10_000, stdio: 'ignore' });
    answer = r.status === 0;
    if (ignored.size > 5000) ignored.clear();
    ignored.set(key, answer);
  }
  return answer;
}

/** Why `path` (a real path inside `root`) may not be shared content, or undefined when it may. */
export function whyPrivate(root: string, path: string): string | undefined {
  const rel = relative(root, path);
  const parts = rel.split(sep);
  if (parts.some((p) => p.toLowerCase() === '.git'))
    return "it is inside git's own folder (.git), which holds the repository's settings and can hold passwords, not plan content";
  if (ENV_FILE.test(basename(path)))
    return 'it is an environment file (.env), which holds passwords and keys, not plan content';
  if (existsSync(join(root, '.git')) && gitIgnores(root, parts.join('/')))
    return 'git ignores it (it is listed in .gitignore), so it is not part of the repository and may hold private local files';
  return undefined;
}
