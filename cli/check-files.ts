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

export interface FileCheck extends CheckedFile {
  file: string;
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
  if ('bytes' in read) return read.bytes;
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

export async function checkFiles(files: string[], options: CheckFilesOptions): Promise<FileCheck[]> {
  const results = new Map<string, CheckedFile>();
  const misses: { file: string; key: string; configPath?: string }[] = [];
  for (const file of files) {
    const bytes = readPlanBytes(file);
    if (!Buffer.isBuffer(bytes)) {
      results.set(file, { diagnostics: bytes });
      continue;
    }
    const config = options.resolver.forFile(file);
    const key = cacheKey(bytes, config.hash, options.fingerprint, options.today, file);
    const hit = options.cache?.get(key);
    if (hit) results.set(file, hit);
    else misses.push({ file, key, configPath: config.path });
  }

  const workerCount =
    options.workers ?? Math.min(availableParallelism(), Math.floor(misses.length / MIN_FILES_PER_WORKER));
  if (workerCount >= 2) {
    const done = await checkInWorkers(misses, workerCount, options.today, options.configPath);
    for (const [file, checked] of done) results.set(file, checked);
  } else {
    for (const m of misses)
      results.set(m.file, checkFileOnDisk(m.file, options.resolver.forFile(m.file), options.today));
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
  return files.map((file) => ({ file, ...(results.get(file) ?? { diagnostics: [] }) }));
}

function checkInWorkers(
  jobs: { file: string }[],
  count: number,
  today: string,
  configPath?: string,
): Promise<Map<string, CheckedFile>> {
  return new Promise((resolvePromise, reject) => {
    const out = new Map<string, CheckedFile>();
    const slices: (typeof jobs)[] = Array.from({ length: count }, () => []);
    jobs.forEach((j, i) => slices[i % count].push(j));
    let pending = count;
    for (const slice of slices) {
      const worker = new Worker(new URL('./check-worker.js', import.meta.url), {
        workerData: { jobs: slice, today, configPath },
      });
      worker.on('message', (msg: FileCheck[]) => {
        for (const { file, ...checked } of msg) out.set(file, checked);
      });
      worker.on('error', reject);
      worker.on('exit', (code) => {
        if (code !== 0) reject(new Error(`a checking worker stopped with code ${code}`));
        else if (--pending === 0) resolvePromise(out);
      });
    }
  });
}
