/**
 * Check many files: cached results first, then the rest in worker threads when there are enough of
 * them to repay the workers' start-up (parsing is CPU-bound and single-threaded).
 */
import { availableParallelism } from 'node:os';
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { Diagnostic } from '../core/diagnostic.js';
import { checkPlanBytes } from '../core/check-plan.js';
import type { ConfigResolver } from '../core/config/config-resolver.js';
import { ruleDocsUrl } from '../core/rules/docs-url.js';
import { cacheKey, type ResultCache } from './result-cache.js';

export interface FileCheck {
  file: string;
  diagnostics: Diagnostic[];
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

/** A file that could not be read: a diagnostic in plain English, never an exception. */
export function readError(file: string, e: unknown): Diagnostic[] {
  const zero = { line: 1, column: 1, offset: 0 };
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
            : (e as Error)?.message ?? String(e);
  return [{ ruleId: 'unreadable-file', severity: 'error', message: `The file could not be read (${why}).`, range: { start: zero, end: zero }, url: ruleDocsUrl('unreadable-file') }];
}

export async function checkFiles(files: string[], options: CheckFilesOptions): Promise<FileCheck[]> {
  const results = new Map<string, Diagnostic[]>();
  const misses: { file: string; key: string; configPath?: string }[] = [];
  for (const file of files) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch (e) {
      results.set(file, readError(file, e));
      continue;
    }
    const config = options.resolver.forFile(file);
    const key = cacheKey(bytes, config.hash, options.fingerprint, options.today);
    const hit = options.cache?.get(key);
    if (hit) results.set(file, hit);
    else misses.push({ file, key, configPath: config.path });
  }

  const workerCount = options.workers ?? Math.min(availableParallelism(), Math.floor(misses.length / MIN_FILES_PER_WORKER));
  if (workerCount >= 2) {
    const done = await checkInWorkers(misses, workerCount, options.today, options.configPath);
    for (const [file, diagnostics] of done) results.set(file, diagnostics);
  } else {
    for (const m of misses) {
      let diagnostics: Diagnostic[];
      try {
        diagnostics = checkPlanBytes(readFileSync(m.file), { config: options.resolver.forFile(m.file), today: options.today, path: m.file }).diagnostics;
      } catch (e) {
        diagnostics = readError(m.file, e);
      }
      results.set(m.file, diagnostics);
    }
  }
  for (const m of misses) {
    const d = results.get(m.file);
    if (d && !d.some((x) => x.ruleId === 'unreadable-file' && x.message.startsWith('The file could not be read'))) options.cache?.set(m.key, d);
  }
  return files.map((file) => ({ file, diagnostics: results.get(file) ?? [] }));
}

function checkInWorkers(jobs: { file: string }[], count: number, today: string, configPath?: string): Promise<Map<string, Diagnostic[]>> {
  return new Promise((resolvePromise, reject) => {
    const out = new Map<string, Diagnostic[]>();
    const slices: (typeof jobs)[] = Array.from({ length: count }, () => []);
    jobs.forEach((j, i) => slices[i % count].push(j));
    let pending = count;
    for (const slice of slices) {
      const worker = new Worker(new URL('./check-worker.js', import.meta.url), { workerData: { jobs: slice, today, configPath } });
      worker.on('message', (msg: { file: string; diagnostics: Diagnostic[] }[]) => {
        for (const r of msg) out.set(r.file, r.diagnostics);
      });
      worker.on('error', reject);
      worker.on('exit', (code) => {
        if (code !== 0) reject(new Error(`a checking worker stopped with code ${code}`));
        else if (--pending === 0) resolvePromise(out);
      });
    }
  });
}
