/**
 * Paths and globs -> plan files. Directories mean every markdown file under them; ignore globs come
 * from the config; node_modules and READMEs are never plans.
 */
import fg from 'fast-glob';
import { statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import picomatch from 'picomatch';

export const DEFAULT_IGNORES = ['**/node_modules/**', '**/.git/**', '**/README.md', '**/CHANGELOG.md'];

export class UsageError extends Error {}

export interface Discovered {
  files: string[];
  /** Patterns or paths that matched nothing: said on stderr, exit 2 when nothing at all matched. */
  unmatched: string[];
}

function toPosix(p: string): string {
  return p.replace(/\\/g, '/');
}

export async function discoverFiles(inputs: string[], cwd: string, ignore: string[] = []): Promise<Discovered> {
  const files = new Set<string>();
  const unmatched: string[] = [];
  const ignoreAll = [...DEFAULT_IGNORES, ...ignore];
  const isIgnored = picomatch(ignoreAll, { dot: true });
  for (const input of inputs) {
    const abs = resolve(cwd, input);
    let stat;
    try {
      stat = statSync(abs);
    } catch {
      stat = undefined;
    }
    let found: string[];
    if (stat?.isDirectory()) {
      found = await fg('**/*.{md,markdown}', { cwd: abs, absolute: true, ignore: ignoreAll, followSymbolicLinks: false, dot: false });
    } else if (stat?.isFile()) {
      found = [abs]; // named explicitly: always checked
    } else if (fg.isDynamicPattern(toPosix(input))) {
      found = await fg(toPosix(input), { cwd, absolute: true, ignore: ignoreAll, followSymbolicLinks: false });
    } else {
      unmatched.push(input);
      continue;
    }
    if (found.length === 0) unmatched.push(input);
    for (const f of found) {
      if (!stat?.isFile() && isIgnored(toPosix(relative(cwd, f)))) continue;
      files.add(resolve(f));
    }
  }
  return { files: [...files].sort(), unmatched };
}
