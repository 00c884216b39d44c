/**
 * Paths and globs -> plan files. Directories mean every markdown file under them; ignore globs come
 * from the config; node_modules and READMEs are never plans.
 */
import fg from 'fast-glob';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import picomatch from 'picomatch';

export const DEFAULT_IGNORES = ['**/node_modules/**', '**/.git/**', '**/README.md', '**/CHANGELOG.md'];

export class UsageError extends Error {}

export interface Discovered {
  files: string[];
  /** Patterns or paths that matched nothing: said on stderr, exit 2 when nothing at all matched. */
  unmatched: string[];
  /** Shared content files (`shared_content:` in their front matter): checked within the plans that use them, not alone. */
  shared: string[];
}

/** Does the file start with front matter holding `shared_content:`? Reads only the first 4 KB. */
export function isSharedContentFile(file: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const buf = Buffer.alloc(4096);
    const head = buf.subarray(0, readSync(fd, buf, 0, buf.length, 0)).toString('utf8').replace(/^\uFEFF/, '');
    const end = head.search(/\n(---|\.\.\.)[ \t]*\r?(\n|$)/);
    return /^---[ \t]*\r?\n/.test(head) && /^shared_content[ \t]*:/m.test(end === -1 ? head : head.slice(0, end));
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
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
  const shared: string[] = [];
  const plans: string[] = [];
  for (const f of [...files].sort()) (isSharedContentFile(f) ? shared : plans).push(f);
  return { files: plans, unmatched, shared };
}

/** A shared content file named on the command line is not checked alone: say why it was left out. */
export function noteSharedFiles(shared: string[], inputs: string[], cwd: string, io: { stderr(s: string): void }): void {
  const named = new Set(inputs.map((p) => resolve(cwd, p)));
  for (const f of shared) {
    if (named.has(f)) io.stderr(`continuity: ${relative(cwd, f) || f} is shared content (it has shared_content: in its front matter), so it is checked as part of the plans that use it, not on its own.\n`);
  }
}
