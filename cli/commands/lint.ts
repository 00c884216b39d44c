/**
 * `continuity lint [paths or globs...]`: check plans, report in the chosen format, optionally apply
 * safe fixes. Exit 0 clean, 1 errors (or more warnings than --max-warnings), 2 usage or internal failure.
 */
import { accessSync, constants, lstatSync, readFileSync, readlinkSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { checkPlanBytes } from '../../core/index.js';
import { fixPlanText } from '../../core/index.js';
import { monotonicClock, timed, type Clock } from '../stopwatch.js';
import { addMissing } from '../../core/index.js';
import { decodePlanBytes, isDecodeProblem } from '../../core/index.js';
import { todayIso } from '../../core/index.js';
import { ruleCatalogue } from '../../core/index.js';
import { checkFiles, readPlanBytes, type FileCheck } from '../check-files.js';
import { toFileResults } from '../file-results.js';
import { ConfigResolver } from '../../core/index.js';
import { findPlans, UsageError } from '../discover-files.js';
import { ResultCache } from '../result-cache.js';
import { reporters, isReporterName } from '../reporters/index.js';
import type { FileResult } from '../reporters/types.js';
import { TOOL_NAME, TOOL_VERSION, toolFingerprint } from '../tool-version.js';
import { writeFileAtomic } from '../../core/writing.js';
import { displayName } from '../display-name.js';
import { writeRoot } from '../write-root.js';

export interface LintOptions {
  paths: string[];
  format: string;
  output?: string;
  fix: boolean;
  /** With fix: insert missing required sections and front-matter fields as guided drafts first. */
  addMissing?: boolean;
  maxWarnings?: number;
  quiet: boolean;
  cache: boolean;
  cacheLocation?: string;
  config?: string;
  today?: string;
  cwd: string;
  color: boolean;
  workers?: number;
  /** Test seams: called at the points where another program could change the files. */
  hooks?: LintHooks;
  /** Test seam: where durations (JUnit's `time`) are read from; the real one is monotonic. */
  clock?: Clock;
}

export interface LintHooks {
  /** After discovery, before any file is read. */
  afterDiscovery?(files: string[]): void;
  /** After a file's fixes are worked out, before it is read again and written. */
  beforeWrite?(file: string): void;
}

export interface CommandIO {
  stdout(s: string): void;
  stderr(s: string): void;
}

export async function runLint(opts: LintOptions, io: CommandIO): Promise<number> {
  if (!isReporterName(opts.format))
    throw new UsageError(`unknown format '${opts.format}'. Formats: ${Object.keys(reporters).join(', ')}`);
  const today = opts.today ?? todayIso();
  const resolver = new ConfigResolver(opts.config ? resolve(opts.cwd, opts.config) : undefined);
  const inputs = opts.paths.length > 0 ? opts.paths : ['plans'];
  const files = await findPlans(inputs, opts.cwd, (f) => resolver.isIgnored(f), io);
  opts.hooks?.afterDiscovery?.(files);

  let checks: FileCheck[];
  if (opts.fix) {
    // Each file's time (JUnit's `time`) is what this run spent fixing and re-checking it.
    checks = files.map((file) => {
      const { value, ms } = timed(opts.clock ?? monotonicClock, () =>
        fixOne(file, { resolver, today, io, hooks: opts.hooks ?? {}, addMissingToo: !!opts.addMissing, cwd: opts.cwd }),
      );
      return { ...value, durationMs: ms };
    });
  } else {
    const cache = opts.cache ? ResultCache.open(opts.cwd, opts.cacheLocation) : undefined;
    checks = await checkFiles(files, {
      resolver,
      today,
      cache,
      fingerprint: toolFingerprint(),
      workers: opts.workers,
      clock: opts.clock,
      configPath: opts.config ? resolve(opts.cwd, opts.config) : undefined,
    });
    cache?.saveOrWarn(io);
  }

  const results: FileResult[] = toFileResults(checks, opts.cwd, opts.quiet);
  const report = reporters[opts.format]({
    results,
    rules: ruleCatalogue(),
    toolName: TOOL_NAME,
    toolVersion: TOOL_VERSION,
    color: opts.color && !opts.output,
    cwd: opts.cwd,
    docsUrl: files.length ? resolver.forFile(files[0]).docsUrl : undefined,
  });
  if (opts.output) {
    // Written whole or not at all; a folder that does not exist is a usage error, not a crash.
    const out = resolve(opts.cwd, opts.output);
    try {
      writeFileAtomic(out, report, { within: writeRoot(opts.cwd, dirname(out)) });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException)?.code;
      const why =
        code === 'ENOENT' ? 'its folder does not exist' : code === 'EISDIR' ? 'it is a folder' : writeFailure(e);
      throw new UsageError(`could not write the report to ${opts.output}: ${why}`);
    }
  } else if (report) io.stdout(report.endsWith('\n') ? report : report + '\n');

  // --quiet hides warnings from the report, not from --max-warnings.
  const all = (opts.quiet ? toFileResults(checks, opts.cwd) : results).flatMap((r) => r.diagnostics);
  const errors = all.filter((d) => d.severity === 'error').length;
  const warnings = all.filter((d) => d.severity === 'warning').length;
  if (errors > 0) return 1;
  if (opts.maxWarnings !== undefined && warnings > opts.maxWarnings) {
    io.stderr(`continuity: ${warnings} warnings, more than --max-warnings ${opts.maxWarnings}\n`);
    return 1;
  }
  return 0;
}

/** Plain words for why a file could not be written. */
function writeFailure(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOSPC') return 'the disk is full';
  if (code === 'EROFS') return 'the disk is read-only';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied (the folder may be read-only)';
  return (e as Error)?.message ?? String(e);
}

/**
 * Apply safe fixes to one file: read, fix, check the file did not change meanwhile, write atomically.
 * A plan that is a symbolic link, or sits in a linked folder, is checked but never fixed: writing
 * through it would change a file somewhere else (a pull request can commit a link to anything), and
 * replacing the link would move the plan's words away from where the link says they are. Folder
 * scans leave links out for the same reason.
 */
function fixOne(
  file: string,
  {
    resolver,
    today,
    io,
    hooks,
    addMissingToo,
    cwd,
  }: {
    resolver: ConfigResolver;
    today: string;
    io: CommandIO;
    hooks: LintHooks;
    addMissingToo: boolean;
    cwd: string;
  },
): FileCheck {
  const config = resolver.forFile(file);
  const bytes = readPlanBytes(file);
  if (!Buffer.isBuffer(bytes)) return { file, diagnostics: bytes };
  const decoded = decodePlanBytes(bytes);
  if (isDecodeProblem(decoded))
    return { file, diagnostics: checkPlanBytes(bytes, { config, today, path: file }).diagnostics };
  const completed = addMissingToo ? addMissing(decoded.text, { config, today, path: file }) : undefined;
  for (const note of completed?.notes ?? []) io.stderr(`continuity: ${file}: ${note}\n`);
  const inserted = completed?.inserted ?? [];
  const count = (kinds: string[], one: string) => {
    const n = inserted.filter((i) => kinds.includes(i.kind)).length;
    return n === 0 ? '' : `${n} missing ${one}${n === 1 ? '' : 's'}`;
  };
  const drafts = inserted.filter((i) => i.kind === 'section' || i.kind === 'part');
  const what = [
    drafts.length ? `${count(['section', 'part'], 'section')} (${drafts.map((d) => d.title).join('; ')})` : '',
    count(['table'], 'table'),
    count(['row'], 'table row'),
  ].filter(Boolean);
  if (what.length > 0)
    io.stderr(`continuity: ${file}: inserted ${what.join(', ')} as guided drafts; fill in their {{placeholders}}\n`);
  const result = fixPlanText(completed?.text ?? decoded.text, { config, today, path: file });
  if (result.text === decoded.text) return { file, diagnostics: result.remaining };
  const warn = (message: string): FileCheck => {
    io.stderr(`continuity: ${displayName(file)}: ${message}\n`);
    return { file, diagnostics: checkPlanBytes(bytes, { config, today, path: file }).diagnostics };
  };
  if (lstatSync(file, { throwIfNoEntry: false })?.isSymbolicLink())
    return warn(
      `not fixed: it is a symbolic link (to ${readlinkSync(file)}), and the tools never write through a link. Run --fix on the file it points to, if that is a plan you mean to change.`,
    );
  hooks.beforeWrite?.(file);
  let now: Buffer;
  try {
    now = readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException)?.code;
    return warn(
      code === 'ENOENT'
        ? 'not fixed: the file was deleted while it was being fixed'
        : `not fixed: the file could not be read again (${writeFailure(e)})`,
    );
  }
  if (!now.equals(bytes)) return warn('not fixed: the file changed while it was being fixed; run --fix again');
  // Root may write anything, so look at the permission bits too: a file marked read-only stays so.
  try {
    accessSync(file, constants.W_OK);
    if ((statSync(file).mode & 0o222) === 0) return warn('not fixed: the file is read-only');
  } catch {
    return warn('not fixed: the file is read-only');
  }
  try {
    writeFileAtomic(file, (decoded.hadBom ? '\uFEFF' : '') + result.text, {
      within: writeRoot(cwd, dirname(file)),
      atLink: 'refuse',
    });
  } catch (e) {
    return warn(`not fixed: ${writeFailure(e)}`);
  }
  return { file, diagnostics: result.remaining };
}
