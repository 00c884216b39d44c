/**
 * Content-hash cache of lint results: keyed on the file's bytes, the resolved config (including the
 * schema), the tool build and today's date (date rules change their answer at midnight). A plan that
 * takes shared content also records each shared file's hash; the entry is used only while those are
 * unchanged. An unchanged estate re-checks by hashing files, without loading the parser at all.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Diagnostic } from '../core/diagnostic.js';
import type { PlanSummary } from '../core/estate/plan-summary.js';
import type { SharedFileUse } from '../core/shared/expand-plan.js';

const FORMAT = 2;

/** What one check of one file produced, as cached. */
export interface CheckedFile {
  diagnostics: Diagnostic[];
  sharedFiles?: SharedFileUse[];
  summary?: PlanSummary;
}

export function cacheKey(bytes: Uint8Array, configHash: string, fingerprint: string, today: string): string {
  return createHash('sha256').update(bytes).update(`\0${configHash}\0${fingerprint}\0${today}`).digest('hex');
}

/** Current content hash of a shared file (null when missing), read once per run however many plans share it. */
export class SharedFileHashes {
  private readonly hashes = new Map<string, string | null>();
  get(path: string): string | null {
    let h = this.hashes.get(path);
    if (h === undefined) {
      try {
        h = createHash('sha256').update(readFileSync(path)).digest('hex');
      } catch {
        h = null;
      }
      this.hashes.set(path, h);
    }
    return h;
  }
}

export class ResultCache {
  private entries = new Map<string, CheckedFile>();
  private used = new Set<string>();
  private dirty = false;
  readonly shared = new SharedFileHashes();

  constructor(private readonly file: string) {
    try {
      const data = JSON.parse(readFileSync(file, 'utf8'));
      if (data?.format === FORMAT && data.entries && typeof data.entries === 'object') {
        for (const [k, v] of Object.entries(data.entries)) this.entries.set(k, v as CheckedFile);
      }
    } catch {
      // No cache yet, or an unreadable one: start empty.
    }
  }

  static inDir(dir: string): ResultCache {
    return new ResultCache(join(dir, 'lint-results.json'));
  }

  get(key: string): CheckedFile | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    // null on both sides: the shared file is still missing, so the cached answer still holds.
    if (hit.sharedFiles?.some((f) => this.shared.get(f.path) !== f.sha256)) return undefined;
    this.used.add(key);
    return hit;
  }

  set(key: string, checked: CheckedFile): void {
    this.entries.set(key, checked);
    this.used.add(key);
    this.dirty = true;
  }

  /** Write atomically, keeping only entries used in this run (the cache never grows without bound). */
  save(): void {
    if (!this.dirty && this.used.size === this.entries.size) return;
    const entries: Record<string, CheckedFile> = {};
    for (const k of this.used) entries[k] = this.entries.get(k)!;
    try {
      mkdirSync(dirname(this.file), { recursive: true });
      const tmp = `${this.file}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify({ format: FORMAT, entries }));
      renameSync(tmp, this.file);
    } catch {
      // A cache that cannot be written only costs speed next time.
    }
  }
}
