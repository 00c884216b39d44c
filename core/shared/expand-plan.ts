/**
 * Merge a practice plan with the ICB-wide content it refers to, so lint and render see one plan:
 *
 * - `shared:` in the front matter lists shared files; each of their H2 sections joins the plan unless
 *   the plan has its own section with the same id (the local version overrides the shared one). A
 *   shared section goes where the schema's section order puts it among the plan's own sections.
 * - `<!-- include: path -->` on a line of its own is replaced by the file's body; with `#section-id`
 *   by that one section's content (without its heading). Shared files may include others.
 *
 * Paths are relative to the file that names them and must stay inside the repository. Missing files,
 * files outside the repository and cycles are problems placed on the reference, never exceptions.
 */
import type { Severity } from '../diagnostic.js';
import { sectionKeyOf } from '../model/build-model.js';
import type { Catalogue, SectionDef } from '../schema/catalogue.js';
import { sharedEntries } from './front-matter-references.js';
import { MergedText } from './merged-text.js';
import { readSharedFile, type SharedRead } from './read-shared-file.js';
import { whyPrivate } from './private-files.js';
import { isInside, realPath, repositoryRoot } from '../config/repository-root.js';
import { mayReferToSharedContent, scanLines, type LineScan } from './scan-lines.js';
import { host } from '../host/host.js';

/** Includes nested deeper than this are refused (a chain this long is a mistake, or a loop). */
export const MAX_INCLUDE_DEPTH = 8;

/**
 * Bounds on what one plan's shared content may grow to. A file included several times by files that
 * are themselves included several times (a diamond) grows exponentially; each file is expanded once
 * per plan (memoised), and every use of an expansion counts towards these limits. A plan past them
 * fails with a `shared-content` error: it is never checked on a part of its content.
 */
export const MAX_EXPANDED_CHARS = 4 * 1024 * 1024;
export const MAX_INCLUDE_USES = 1000;

export interface ExpansionProblem {
  /** The file holding the faulty reference, and its offsets there. */
  file: string;
  start: number;
  end: number;
  message: string;
  severity: Severity;
  /** For a problem inside shared content: the plan's reference that brought that content in. */
  via?: [number, number];
}

export interface SharedFileUse {
  path: string;
  /** Content hash, or null when the file could not be read (it may appear later: caches must look again). */
  sha256: string | null;
}

export interface Expansion {
  merged: MergedText;
  /** Every shared file the plan depends on, read or not. */
  files: SharedFileUse[];
  /** Texts of the shared files read, to turn their offsets into lines and columns. */
  texts: Map<string, string>;
  problems: ExpansionProblem[];
}

export interface ExpandOptions {
  catalogue: Catalogue;
  /** Defaults to the repository holding the plan. */
  root?: string;
  /** Reads a shared file, refusing one whose real path is outside `root`. */
  read?: (path: string, root: string) => SharedRead;
}

interface Context {
  plan: string;
  root: string;
  catalogue: Catalogue;
  read: (path: string, root: string) => SharedRead;
  reads: Map<string, SharedRead>;
  scans: Map<string, LineScan>;
  problems: ExpansionProblem[];
  /** The plan's reference being expanded, for problems found inside shared files. */
  via?: [number, number];
  /** Each include target (file and section) expanded once per plan. */
  expanded: Map<string, MergedText>;
  /** Characters brought in by includes and shared sections so far, and include lines followed. */
  size: number;
  uses: number;
  /** Set once a limit is passed: nothing more is expanded, and the problem is reported once. */
  overLimit: boolean;
}

type Resolved = { path: string; text: string; scan: LineScan } | { problem: string };

/** A path as the repository knows it, e.g. `shared/kent-and-medway.md`. */
function shown(ctx: Context, path: string): string {
  return host().path.relative(ctx.root, path).replace(/\\/g, '/') || path;
}

/** Resolve a reference written in `from` to a readable file inside the repository, or say why not. */
function resolveReference(ctx: Context, from: string, written: string, stack: string[]): Resolved {
  const { path: paths } = host();
  const path = paths.resolve(paths.dirname(from), written.replace(/\\/g, '/'));
  const name = `'${written}'`;
  if (!isInside(ctx.root, path)) {
    return {
      problem: `The shared file ${name} is outside this repository (${path}). Shared content must be kept in the same repository as the plans, so that every change to it is reviewed; copy it into the repository and refer to it there.`,
    };
  }
  // Refused before it is read: git's folder, .env files and git-ignored files are not content.
  const real = realPath(path);
  const privateWhy = isInside(ctx.root, real) ? whyPrivate(ctx.root, real) : undefined;
  if (privateWhy) {
    return {
      problem: `The shared file ${name} cannot be used: ${privateWhy}. Nothing from it is checked or printed. Keep shared content in ordinary files that the repository tracks, such as shared/contacts.md.`,
    };
  }
  let read = ctx.reads.get(path);
  if (!read) ctx.reads.set(path, (read = ctx.read(path, ctx.root)));
  if ('problem' in read && read.outside) {
    return {
      problem: `The shared file ${name} is a link to a file outside this repository. Shared content must be kept in the repository, so that every change to it is reviewed; copy the file in instead of linking to it.`,
    };
  }
  if ('problem' in read)
    return {
      problem: `The shared file ${name} cannot be used: ${read.problem} (looked for ${shown(ctx, path)} in the repository). Check the path; it is relative to the file that names it.`,
    };
  if (!isInside(ctx.root, real)) {
    return {
      problem: `The shared file ${name} is a link to a file outside this repository. Shared content must be kept in the repository, so that every change to it is reviewed; copy the file in instead of linking to it.`,
    };
  }
  if (stack.includes(path)) {
    const chain = [...stack.slice(stack.indexOf(path)), path].map((p) => shown(ctx, p)).join(' -> ');
    return {
      problem: `The shared file ${name} includes itself (${chain}), which would never end. Remove one of these includes.`,
    };
  }
  if (stack.length > MAX_INCLUDE_DEPTH) {
    return {
      problem: `Shared files include each other more than ${MAX_INCLUDE_DEPTH} levels deep here. Include the content directly rather than through a long chain of files.`,
    };
  }
  let scan = ctx.scans.get(path);
  if (!scan) ctx.scans.set(path, (scan = scanLines(read.text)));
  return { path, text: read.text, scan };
}

/** End of `text` between `start` and `end` without trailing blank space. */
function trimmedEnd(text: string, start: number, end: number): number {
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end;
}

/** Where a section's content starts: the line after its heading. */
function afterLine(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl === -1 ? text.length : nl + 1;
}

/** Past the blank lines at `start` (the include line's own blank lines surround the content). */
function skipBlankLines(text: string, start: number, end: number): number {
  for (;;) {
    const next = afterLine(text, start);
    if (start >= end || text.slice(start, next).trim() !== '') return start;
    start = next;
  }
}

/** The text of `file` between `start` and `end`, with every include line in it replaced by what it names. */
function expandRange(
  ctx: Context,
  file: string,
  text: string,
  scan: LineScan,
  start: number,
  end: number,
  stack: string[],
  top: boolean,
): MergedText {
  const out = new MergedText();
  let at = start;
  for (const inc of scan.includes) {
    if (inc.start < start || inc.end > end) continue;
    if (top) ctx.via = [inc.start, inc.end];
    const content = expandInclude(ctx, file, inc, stack);
    if (!content || !withinLimits(ctx, file, inc, content.text.length)) continue;
    out.copy(file, text, at, inc.start);
    out.append(content, top ? [inc.start, inc.end] : undefined);
    at = inc.end;
  }
  out.copy(file, text, at, end);
  return out;
}

/** Count one use of `length` expanded characters; false (and one problem) once the plan is past its limits. */
function withinLimits(ctx: Context, file: string, at: { start: number; end: number }, length: number): boolean {
  if (ctx.overLimit) return false;
  ctx.uses += 1;
  ctx.size += length;
  if (ctx.uses <= MAX_INCLUDE_USES && ctx.size <= MAX_EXPANDED_CHARS) return true;
  ctx.overLimit = true;
  const what =
    ctx.uses > MAX_INCLUDE_USES
      ? `follows more than ${MAX_INCLUDE_USES} includes`
      : `grows past ${MAX_EXPANDED_CHARS / 1024 / 1024} MB`;
  ctx.problems.push({
    file,
    start: at.start,
    end: at.end,
    severity: 'error',
    via: file === ctx.plan ? undefined : ctx.via,
    message: `The shared content of this plan ${what}, because files include the same files many times over. The plan cannot be checked or printed like this. Include each shared file once, where it is needed, rather than through several files that include it again.`,
  });
  return false;
}

function expandInclude(
  ctx: Context,
  file: string,
  inc: { start: number; end: number; target: string },
  stack: string[],
): MergedText | undefined {
  if (ctx.overLimit) return undefined;
  const hash = inc.target.lastIndexOf('#');
  const written = hash > 0 ? inc.target.slice(0, hash) : inc.target;
  const sectionId =
    hash > 0
      ? inc.target
          .slice(hash + 1)
          .trim()
          .toLowerCase()
      : undefined;
  const problem = (message: string) => {
    ctx.problems.push({
      file,
      start: inc.start,
      end: inc.end,
      message,
      severity: 'error',
      via: file === ctx.plan ? undefined : ctx.via,
    });
    return undefined;
  };
  const target = resolveReference(ctx, file, written.trim(), stack);
  if ('problem' in target) return problem(target.problem);
  const key = `${target.path}#${sectionId ?? ''}`;
  const done = ctx.expanded.get(key);
  if (done) return done;
  let start = target.scan.bodyStart;
  let end = target.text.length;
  if (sectionId) {
    const sections = target.scan.headings.map((h, i) => ({
      ...h,
      id: sectionKeyOf(h.text, ctx.catalogue).id,
      next: target.scan.headings[i + 1]?.start ?? target.text.length,
    }));
    const section = sections.find((s) => s.id === sectionId);
    if (!section) {
      const ids = sections.map((s) => s.id).join(', ') || 'none';
      return problem(
        `The shared file '${written}' has no section '${sectionId}'. Its sections are: ${ids}. Write the section's id after the #, for example '#${sections[0]?.id ?? 'contacts'}'.`,
      );
    }
    start = afterLine(target.text, section.start);
    end = section.next;
  }
  start = skipBlankLines(target.text, start, end);
  const content = expandRange(
    ctx,
    target.path,
    target.text,
    target.scan,
    start,
    trimmedEnd(target.text, start, end),
    [...stack, target.path],
    false,
  );
  ctx.expanded.set(key, content);
  return content;
}

interface SharedSection {
  id: string;
  order: number;
  content: MergedText;
  via: [number, number];
}

/** The H2 sections of the files in the front matter's `shared:` list, each expanded. */
function sharedSections(ctx: Context, text: string, scan: LineScan): SharedSection[] {
  if (!scan.frontMatter) return [];
  const found: SharedSection[] = [];
  const from = new Map<string, string>();
  for (const entry of sharedEntries(text, scan.frontMatter)) {
    const via: [number, number] = [entry.start, entry.end];
    ctx.via = via;
    const target = resolveReference(ctx, ctx.plan, entry.path, [ctx.plan]);
    if ('problem' in target) {
      ctx.problems.push({
        file: ctx.plan,
        start: entry.start,
        end: entry.end,
        message: target.problem,
        severity: 'error',
      });
      continue;
    }
    const headings = target.scan.headings;
    if (headings.length === 0) {
      ctx.problems.push({
        file: ctx.plan,
        start: entry.start,
        end: entry.end,
        message: `The shared file '${entry.path}' has no sections (## headings), so nothing from it joins the plan. Shared files listed under 'shared:' hold whole sections; to bring in part of a section, use <!-- include: ${entry.path} --> inside it.`,
        severity: 'warning',
      });
      continue;
    }
    headings.forEach((h, i) => {
      const { id, def } = sectionKeyOf(h.text, ctx.catalogue);
      const end = trimmedEnd(target.text, h.start, headings[i + 1]?.start ?? target.text.length);
      const earlier = from.get(id);
      if (earlier) {
        ctx.problems.push({
          file: ctx.plan,
          start: entry.start,
          end: entry.end,
          message: `The section '${h.text}' is in two shared files ('${earlier}' and '${entry.path}'); the plan uses the one from '${earlier}'. Keep it in one file.`,
          severity: 'warning',
        });
        return;
      }
      from.set(id, entry.path);
      const content = expandRange(
        ctx,
        target.path,
        target.text,
        target.scan,
        h.start,
        end,
        [ctx.plan, target.path],
        false,
      );
      if (!withinLimits(ctx, ctx.plan, { start: entry.start, end: entry.end }, content.text.length)) return;
      found.push({ id, order: def ? ctx.catalogue.sections.indexOf(def) : Number.MAX_SAFE_INTEGER, content, via });
    });
  }
  return found;
}

/** Expand a plan; undefined when it refers to no shared content (checked as written). */
export function expandPlan(text: string, planPath: string, options: ExpandOptions): Expansion | undefined {
  const scan = scanLines(text);
  const plan = host().path.resolve(planPath);
  const ctx: Context = {
    plan,
    root: options.root ?? repositoryRoot(plan),
    catalogue: options.catalogue,
    read: options.read ?? readSharedFile,
    reads: new Map(),
    scans: new Map(),
    problems: [],
    expanded: new Map(),
    size: 0,
    uses: 0,
    overLimit: false,
  };
  const shared = sharedSections(ctx, text, scan);
  if (scan.includes.length === 0 && ctx.reads.size === 0) return undefined;

  // The plan's own includes, expanded, so sections they bring in count as the plan's own.
  const body = expandRange(ctx, plan, text, scan, 0, text.length, [plan], true);
  const order = (def: SectionDef | undefined) => (def ? ctx.catalogue.sections.indexOf(def) : undefined);
  const ownHeadings = scanLines(body.text).headings.map((h) => {
    const { id, def } = sectionKeyOf(h.text, ctx.catalogue);
    return { start: h.start, id, order: order(def) };
  });
  const ownIds = new Set(ownHeadings.map((h) => h.id));
  // Each shared section goes before the first of the plan's sections that the schema orders after it.
  const toAdd = shared
    .filter((s) => !ownIds.has(s.id))
    .sort((a, b) => a.order - b.order)
    .map((s) => ({
      ...s,
      at: ownHeadings.find((h) => h.order !== undefined && h.order > s.order)?.start ?? body.text.length,
    }));
  const merged = new MergedText();
  let at = 0;
  const insertAt = (offset: number) => {
    const here = toAdd.filter((s) => s.at === offset);
    if (here.length === 0) return;
    merged.appendRange(body, at, offset);
    at = offset;
    const last = merged.pieces[merged.pieces.length - 1];
    const anchor = last
      ? { file: last.file, offset: last.sourceStart + (last.synthetic ? 0 : last.length) }
      : { file: plan, offset: 0 };
    if (offset === body.text.length) {
      const tail = merged.text.endsWith('\n\n') ? '' : merged.text.endsWith('\n') ? '\n' : '\n\n';
      merged.join(tail, anchor.file, anchor.offset);
    }
    for (const s of here) {
      merged.append(s.content, s.via);
      const end = s.content.pieces[s.content.pieces.length - 1];
      merged.join('\n\n', end?.file ?? plan, end ? end.sourceStart + end.length : 0, s.via);
    }
  };
  for (const h of ownHeadings) insertAt(h.start);
  insertAt(body.text.length);
  merged.appendRange(body, at, body.text.length);

  const files: SharedFileUse[] = [...ctx.reads].map(([path, r]) => ({ path, sha256: r.sha256 }));
  const texts = new Map<string, string>([[plan, text]]);
  for (const [path, r] of ctx.reads) if ('text' in r) texts.set(path, r.text);
  return { merged, files, texts, problems: ctx.problems };
}

/** The shared files a plan depends on (read without checking the plan): for "what does this change affect?". */
export function sharedFilesOf(text: string, planPath: string, catalogue: Catalogue): string[] {
  if (!mayReferToSharedContent(text)) return [];
  return expandPlan(text, planPath, { catalogue })?.files.map((f) => f.path) ?? [];
}
