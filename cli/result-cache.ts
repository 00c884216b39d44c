/**
 * Content-hash cache of lint results: keyed on the file's bytes, the resolved config (including the
 * schema), the tool build and today's date (date rules change their answer at midnight). An unchanged
 * estate re-checks by hashing files, without loading the parser at all.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Diagnostic } from '../core/diagnostic.js';

const FORMAT = 1;

export function cacheKey(bytes: Uint8Array, configHash: string, fingerprint: string, today: string): string {
  return createHash('sha256').update(bytes).update(`\0${configHash}\0${fingerprint}\0${today}`).digest('hex');
}

export class ResultCache {
  private entries = new Map<string, Diagnostic[]>();
  private used = new Set<string>();
  private dirty = false;

  constructor(private readonly file: string) {
    try {
      const data = JSON.parse(readFileSync(file, 'utf8'));
      if (data?.format === FORMAT && data.entries && typeof data.entries === 'object') {
        for (const [k, v] of Object.entries(data.entries)) this.entries.set(k, v as Diagnostic[]);
      }
    } catch {
      // No cache yet, or an unreadable one: start empty.
    }
  }

  static inDir(dir: string): ResultCache {
    return new ResultCache(join(dir, 'lint-results.json'));
  }

  get(key: string): Diagnostic[] | undefined {
    const hit = this.entries.get(key);
    if (hit) this.used.add(key);
    return hit;
  }

  set(key: string, diagnostics: Diagnostic[]): void {
    this.entries.set(key, diagnostics);
    this.used.add(key);
    this.dirty = true;
  }

  /** Write atomically, keeping only entries used in this run (the cache never grows without bound). */
  save(): void {
    if (!this.dirty && this.used.size === this.entries.size) return;
    const entries: Record<string, Diagnostic[]> = {};
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
