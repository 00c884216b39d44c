/**
 * Paths and globs -> plan files. Directories mean every markdown file under them; ignore globs come
 * from the config; node_modules and READMEs are never plans.
 */
import fg from 'fast-glob';
import { closeSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { displayName } from './display-name.js';

export const DEFAULT_IGNORES = ['**/node_modules/**', '**/.git/**', '**/README.md', '**/CHANGELOG.md'];

export class UsageError extends Error {}

export interface Discovered {
  files: string[];
  /** Patterns or paths that matched nothing: said on stderr, exit 2 when nothing at all matched. */
  unmatched: string[];
  /** Symbolic links found in a folder and not checked, with the reason (said on stderr). */
  skipped: { path: string; reason: string }[];
  /** Shared content files (`shared_content:` in their front matter): checked within the plans that use them, not alone. */
  shared: string[];
  /** Plan templates (`plan_template: true`) found in a folder or glob, left out: a template is meant to hold placeholders. */
  templates: string[];
}

/**
 * What a file's front matter says it is, from its first 4 KB: shared content (`shared_content:`), the
 * plan template (`plan_template: true`), or neither (a practice's plan).
 */
export function frontMatterMarker(file: string): 'shared' | 'template' | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const buf = Buffer.alloc(4096);
    const head = buf
      .subarray(0, readSync(fd, buf, 0, buf.length, 0))
      .toString('utf8')
      .replace(/^\uFEFF/, '');
    if (!/^---[ \t]*\r?\n/.test(head)) return undefined;
    const end = head.search(/\n(---|\.\.\.)[ \t]*\r?(\n|$)/);
    const frontMatter = end === -1 ? head : head.slice(0, end);
    if (/^shared_content[ \t]*:/m.test(frontMatter)) return 'shared';
    if (/^plan_template[ \t]*:[ \t]*true\b/m.test(frontMatter)) return 'template';
    return undefined;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Does the file start with front matter holding `shared_content:`? */
export function isSharedContentFile(file: string): boolean {
  return frontMatterMarker(file) === 'shared';
}

function toPosix(p: string): string {
  return p.replace(/\\/g, '/');
}

/**
 * Symbolic links met while searching a folder are never followed into folders (so a link loop cannot
 * make the search endless). A link to a plan file inside the folder is left out (the file itself is
 * checked under its own name); a link leading out of the folder, or to nothing, is left out and said
 * on stderr: checking it would read a file the folder's owner did not put there. A file named on the
 * command line is always checked, link or not.
 */
function linkVerdict(link: string, root: string): { check: boolean; reason?: string } {
  let target: string;
  try {
    target = realpathSync(link);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return {
      check: false,
      reason:
        code === 'ELOOP'
          ? 'it is a symbolic link that points to itself'
          : 'it is a symbolic link to a file that does not exist',
    };
  }
  let isFile: boolean;
  try {
    isFile = statSync(target).isFile();
  } catch {
    isFile = false;
  }
  if (!isFile) return { check: false }; // a link to a folder: not followed
  const inside = target === root || target.startsWith(root.endsWith(sep) ? root : root + sep);
  if (inside) return { check: false }; // the file itself is found under its own name
  return {
    check: false,
    reason: `it is a symbolic link to a file outside the folder being checked (${target}); name it on the command line to check it`,
  };
}

export async function discoverFiles(inputs: string[], cwd: string, ignore: string[] = []): Promise<Discovered> {
  const files = new Set<string>();
  const named = new Set<string>();
  const unmatched: string[] = [];
  const skipped: { path: string; reason: string }[] = [];
  const ignoreAll = [...DEFAULT_IGNORES, ...ignore];
  const isIgnored = picomatch(ignoreAll, { dot: true });
  const search = async (pattern: string, base: string, root: string): Promise<string[]> => {
    const entries = await fg(pattern, {
      cwd: base,
      absolute: true,
      ignore: ignoreAll,
      followSymbolicLinks: false,
      onlyFiles: false,
      objectMode: true,
      dot: false,
    });
    const found: string[] = [];
    for (const entry of entries) {
      if (entry.dirent.isFile()) found.push(entry.path);
      else if (entry.dirent.isSymbolicLink()) {
        const verdict = linkVerdict(entry.path, root);
        if (verdict.reason) skipped.push({ path: entry.path, reason: verdict.reason });
      }
    }
    return found;
  };
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
      found = await search('**/*.{md,markdown}', abs, realRoot(abs));
    } else if (stat?.isFile()) {
      found = [abs]; // named explicitly: always checked
      named.add(resolve(abs));
    } else if (fg.isDynamicPattern(toPosix(input))) {
      found = await search(toPosix(input), cwd, realRoot(resolve(cwd, globBase(toPosix(input)))));
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
  const templates: string[] = [];
  for (const f of [...files].sort()) {
    const marker = frontMatterMarker(f);
    if (marker === 'shared') shared.push(f);
    else if (marker === 'template' && !named.has(f)) templates.push(f);
    else plans.push(f);
  }
  return { files: plans, unmatched, skipped, shared, templates };
}

/**
 * The one way every command finds plans: discovery, the notes on stderr (patterns that matched nothing,
 * links skipped, shared content and templates left out), the config's ignore globs (never applied to a
 * file named on the command line), and a usage error when nothing is left to check.
 */
export async function findPlans(
  inputs: string[],
  cwd: string,
  isIgnored: (file: string) => boolean,
  io: { stderr(s: string): void },
): Promise<string[]> {
  const { files: found, unmatched, skipped, shared, templates } = await discoverFiles(inputs, cwd);
  for (const u of unmatched) io.stderr(`continuity: no plan files match '${displayName(u)}'\n`);
  for (const k of skipped)
    io.stderr(`continuity: skipped ${displayName(toPosix(relative(cwd, k.path)) || k.path)}: ${k.reason}\n`);
  noteSharedFiles(shared, inputs, cwd, io);
  for (const t of templates)
    io.stderr(
      `continuity: left out ${displayName(toPosix(relative(cwd, t)) || t)}: it is the plan template (plan_template: true), meant to hold placeholders; name it to check it.\n`,
    );
  if (found.length === 0) {
    throw new UsageError(
      `no plan files found in ${inputs.map((p) => `'${p}'`).join(', ')}. Give a folder of plans, a .md file or a glob such as "plans/**/*.md".`,
    );
  }
  const named = new Set(inputs.map((p) => resolve(cwd, p)));
  const files = found.filter((f) => named.has(f) || !isIgnored(f));
  if (files.length === 0)
    throw new UsageError(
      `every plan file in ${inputs.map((p) => `'${p}'`).join(', ')} is ignored by the configuration's "ignore" globs.`,
    );
  return files;
}

/** A shared content file named on the command line is not checked alone: say why it was left out. */
export function noteSharedFiles(
  shared: string[],
  inputs: string[],
  cwd: string,
  io: { stderr(s: string): void },
): void {
  const named = new Set(inputs.map((p) => resolve(cwd, p)));
  for (const f of shared) {
    if (named.has(f))
      io.stderr(
        `continuity: ${displayName(relative(cwd, f) || f)} is shared content (it has shared_content: in its front matter), so it is checked as part of the plans that use it, not on its own.\n`,
      );
  }
}

/** The folder a glob searches: its leading segments without wildcards ('plans' for plans, then any folders, then *.md). */
function globBase(pattern: string): string {
  const segments = pattern.split('/');
  const fixed: string[] = [];
  for (const s of segments.slice(0, -1)) {
    if (fg.isDynamicPattern(s)) break;
    fixed.push(s);
  }
  return fixed.join('/') || '.';
}

function realRoot(dir: string): string {
  try {
    return realpathSync(dir);
  } catch {
    return dir;
  }
}
