/**
 * Check many files: cached results first, then the rest in worker threads when there are enough of
 * them to repay the workers' start-up (parsing is CPU-bound and single-threaded).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Diagnostic } from '../core/index.js';
import { checkPlanBytes } from '../core/index.js';
import type { ResolvedConfig } from '../core/index.js';
import type { ConfigResolver } from '../core/index.js';
import { summarisePlan } from '../core/estate.js';
import { readRegularFile } from '../core/index.js';
import { ruleDocsUrl } from '../core/index.js';
import { cacheKey, type CheckedFile, type ResultCache } from './result-cache.js';
import { monotonicClock, timed, type Clock } from './stopwatch.js';

export interface FileCheck extends CheckedFile {
  file: string;
  /**
   * Milliseconds this run spent on the file: reading it, and checking it or finding its cached result.
   * Never stored in the cache (see checkFiles); with `lint --fix`, the time to fix and re-check it.
   */
  durationMs?: number;
}

export interface CheckFilesOptions {
  resolver: ConfigResolver;
  today: string;
  cache?: ResultCache;
  fingerprint: string;
  /** Override the worker count (0 = in this thread). */
  workers?: number;
  /** An explicit --config path, passed on to workers. */
  configPath?: string;
  /** Where durations are read from (a test passes a fake clock); workers always use their own monotonic clock. */
  clock?: Clock;
}

const MIN_FILES_PER_WORKER = 24;

/** The one diagnostic for a file that could not be read, saying why in plain English. */
function unreadable(why: string): Diagnostic[] {
  const zero = { line: 1, column: 1, offset: 0 };
  return [
    {
      ruleId: 'unreadable-file',
      severity: 'error',
      message: `The file could not be read (${why}).`,
      range: { start: zero, end: zero },
      url: ruleDocsUrl('unreadable-file'),
    },
  ];
}

/** A file that could not be read: a diagnostic in plain English, never an exception. */
export function readError(file: string, e: unknown): Diagnostic[] {
  const code = (e as NodeJS.ErrnoException)?.code;
  const why =
    code === 'EACCES' || code === 'EPERM'
      ? 'permission denied: ask whoever manages the folder for read access'
      : code === 'EISDIR'
        ? 'it is a folder, not a file'
        : code === 'ENOENT'
          ? 'it no longer exists: it was moved or deleted while the plans were being checked'
          : code === 'ELOOP'
            ? 'it is a symbolic link that points to itself'
            : ((e as Error)?.message ?? String(e));
  return unreadable(why);
}

/** A plan is text someone wrote: far larger than this is not a plan (and is never read whole). */
export const MAX_PLAN_BYTES = 32 * 1024 * 1024;

/**
 * A plan's bytes, read as a regular file only (a plan committed as a link to /dev/zero or a FIFO is
 * refused, not read for ever), or the diagnostic saying why it could not be read.
 */
export function readPlanBytes(file: string): Buffer | Diagnostic[] {
  const read = readRegularFile(file, { maxBytes: MAX_PLAN_BYTES });
  // (a view of the same bytes: callers tell bytes from diagnostics with Buffer.isBuffer)
  if ('bytes' in read) return Buffer.from(read.bytes.buffer, read.bytes.byteOffset, read.bytes.byteLength);
  const why =
    read.refused === 'missing'
      ? 'it no longer exists: it was moved or deleted while the plans were being checked'
      : read.refused === 'denied'
        ? 'permission denied: ask whoever manages the folder for read access'
        : read.reason;
  return unreadable(why);
}

/** Check one file from disk: its diagnostics, the shared files it used and its estate summary. */
export function checkFileOnDisk(file: string, config: ResolvedConfig, today: string): CheckedFile {
  const bytes = readPlanBytes(file);
  if (!Buffer.isBuffer(bytes)) return { diagnostics: bytes };
  const result = checkPlanBytes(bytes, { config, today, path: file });
  return { diagnostics: result.diagnostics, sharedFiles: result.sharedFiles, summary: summarisePlan(result) };
}

/**
 * A plan's duration is what this run spent on it. For a cached result that is the time it took to read
 * the file, hash it and find the entry (and check its shared files are unchanged), not the time the
 * check took when the entry was made: JUnit's `time` describes the run it reports on, an older run's
 * time would add up to more than this run did, and a clock reading in the cache would make entries
 * differ between identical runs. A worker's start-up is nobody's plan: it is in no plan's time; but
 * the first plan a thread checks pays for setting the checker up (compiling the schema), as it did.
 */
export async function checkFiles(files: string[], options: CheckFilesOptions): Promise<FileCheck[]> {
  const clock = options.clock ?? monotonicClock;
  const results = new Map<string, CheckedFile>();
  const durations = new Map<string, number>();
  const misses: { file: string; key: string; configPath?: string }[] = [];
  for (const file of files) {
    const { ms } = timed(clock, () => {
      const bytes = readPlanBytes(file);
      if (!Buffer.isBuffer(bytes)) {
        results.set(file, { diagnostics: bytes });
        return;
      }
      const config = options.resolver.forFile(file);
      const key = cacheKey(bytes, config.hash, options.fingerprint, options.today, file);
      const hit = options.cache?.get(key);
      if (hit) results.set(file, hit);
      else misses.push({ file, key, configPath: config.path });
    });
    durations.set(file, ms);
  }

  const workerCount =
    options.workers ?? Math.min(availableParallelism(), Math.floor(misses.length / MIN_FILES_PER_WORKER));
  if (workerCount >= 2) {
    const done = await checkInWorkers(misses, workerCount, options.today, options.configPath);
    for (const { file, durationMs, ...checked } of done) {
      results.set(file, checked);
      durations.set(file, (durations.get(file) ?? 0) + (durationMs ?? 0));
    }
  } else {
    for (const m of misses) {
      const { value, ms } = timed(clock, () =>
        checkFileOnDisk(m.file, options.resolver.forFile(m.file), options.today),
      );
      results.set(m.file, value);
      durations.set(m.file, (durations.get(m.file) ?? 0) + ms);
    }
  }
  for (const m of misses) {
    const checked = results.get(m.file);
    if (
      checked &&
      !checked.diagnostics.some(
        (x) => x.ruleId === 'unreadable-file' && x.message.startsWith('The file could not be read'),
      )
    )
      options.cache?.set(m.key, checked);
  }
  return files.map((file) => ({
    file,
    ...(results.get(file) ?? { diagnostics: [] }),
    durationMs: durations.get(file),
  }));
}

function checkInWorkers(
  jobs: { file: string }[],
  count: number,
  today: string,
  configPath?: string,
): Promise<FileCheck[]> {
  return new Promise((resolvePromise, reject) => {
    const out: FileCheck[] = [];
    const slices: (typeof jobs)[] = Array.from({ length: count }, () => []);
    jobs.forEach((j, i) => slices[i % count].push(j));
    let pending = count;
    for (const slice of slices) {
      const worker = new Worker(new URL('./check-worker.js', import.meta.url), {
        workerData: { jobs: slice, today, configPath },
      });
      worker.on('message', (msg: FileCheck[]) => out.push(...msg));
      worker.on('error', reject);
      worker.on('exit', (code) => {
        if (code !== 0) reject(new Error(`a checking worker stopped with code ${code}`));
        else if (--pending === 0) resolvePromise(out);
      });
    }
  });
}
