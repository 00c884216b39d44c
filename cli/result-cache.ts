/**
 * Content-hash cache of lint results: keyed on the file's bytes, the resolved config (including the
 * schema), the tool build and today's date (date rules change their answer at midnight). A plan that
 * takes shared content also records each shared file's hash; the entry is used only while those are
 * unchanged. An unchanged estate re-checks by hashing files, without loading the parser at all.
 *
 * The cache file may sit in the working tree, where a pull request can write anything. Each entry is
 * signed with this machine's (or this CI pipeline's) state key and its shape is checked when read;
 * an entry that fails either is ignored, so a forged cache can cost a re-check but never a verdict.
 */
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import type { Diagnostic } from '../core/index.js';
import type { PlanSummary } from '../core/estate.js';
import { readRegularFile, readRegularText } from '../core/index.js';
import type { SharedFileUse } from '../core/index.js';
import { MAX_SHARED_BYTES } from '../core/index.js';
import { writeFileAtomic } from '../core/writing.js';
import { checkStateKeySetting, signState, verifyState } from './state-key.js';
import { writeRoot } from './write-root.js';

const FORMAT = 3;
/** A cache larger than this is not read (it is rebuilt): the tools never read without bound. */
export const MAX_CACHE_BYTES = 64 * 1024 * 1024;

/** What one check of one file produced, as cached. */
export interface CheckedFile {
  diagnostics: Diagnostic[];
  sharedFiles?: SharedFileUse[];
  summary?: PlanSummary;
}

/**
 * The plan's path is part of the key: shared content is found relative to the plan, so two copies of
 * one plan in different folders can have different answers (one finds its shared files, one not).
 */
export function cacheKey(
  bytes: Uint8Array,
  configHash: string,
  fingerprint: string,
  today: string,
  path: string,
): string {
  return createHash('sha256').update(bytes).update(`\0${configHash}\0${fingerprint}\0${today}\0${path}`).digest('hex');
}

/** Current content hash of a shared file (null when missing), read once per run however many plans share it. */
export class SharedFileHashes {
  private readonly hashes = new Map<string, string | null>();
  get(path: string): string | null {
    let h = this.hashes.get(path);
    if (h === undefined) {
      const read = readRegularFile(path, { maxBytes: MAX_SHARED_BYTES });
      h = 'bytes' in read ? createHash('sha256').update(read.bytes).digest('hex') : null;
      this.hashes.set(path, h);
    }
    return h;
  }
}

function signedText(key: string, checked: CheckedFile): string {
  return `${key}\0${JSON.stringify(checked)}`;
}

const SEVERITIES = ['error', 'warning', 'info'];
const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const isPosition = (v: unknown) => isObject(v) && Number.isInteger(v.line) && Number.isInteger(v.column);

/** The shape a cached result must have before it is used (signed or not, a bad shape is not trusted). */
export function isCheckedFile(v: unknown): v is CheckedFile {
  if (!isObject(v) || !Array.isArray(v.diagnostics)) return false;
  const diagnosticOk = (d: unknown) =>
    isObject(d) &&
    typeof d.ruleId === 'string' &&
    SEVERITIES.includes(d.severity as string) &&
    typeof d.message === 'string' &&
    isObject(d.range) &&
    isPosition(d.range.start) &&
    isPosition(d.range.end);
  if (!v.diagnostics.every(diagnosticOk)) return false;
  if (
    v.sharedFiles !== undefined &&
    !(
      Array.isArray(v.sharedFiles) &&
      v.sharedFiles.every(
        (f) => isObject(f) && typeof f.path === 'string' && (f.sha256 === null || typeof f.sha256 === 'string'),
      )
    )
  )
    return false;
  return (
    v.summary === undefined ||
    (isObject(v.summary) && Number.isInteger(v.summary.errors) && Number.isInteger(v.summary.warnings))
  );
}

export class ResultCache {
  private entries = new Map<string, CheckedFile>();
  private used = new Set<string>();
  private dirty = false;
  private hitCount = 0;
  readonly shared = new SharedFileHashes();

  /** `within`: where the cache belongs (see cli/write-root.ts); it is never written through a link. */
  constructor(
    private readonly file: string,
    private readonly within: string,
  ) {
    try {
      const read = readRegularText(file, { maxBytes: MAX_CACHE_BYTES });
      const data = 'text' in read ? JSON.parse(read.text) : undefined;
      if (data?.format === FORMAT && data.entries && typeof data.entries === 'object') {
        for (const [k, v] of Object.entries(data.entries as Record<string, { checked?: unknown; mac?: unknown }>)) {
          if (v && isCheckedFile(v.checked) && verifyState(signedText(k, v.checked), v.mac))
            this.entries.set(k, v.checked);
        }
      }
    } catch {
      // No cache yet, or an unreadable one: start empty.
    }
  }

  /** Results this run took from the cache instead of checking the plan. */
  get hits(): number {
    return this.hitCount;
  }

  /** The cache of a run in `cwd`: `--cache-location` when given, else `.continuity-cache/`. */
  static open(cwd: string, location = '.continuity-cache'): ResultCache {
    checkStateKeySetting();
    const dir = resolve(cwd, location);
    return new ResultCache(join(dir, 'lint-results.json'), writeRoot(cwd, dir));
  }

  get(key: string): CheckedFile | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    // null on both sides: the shared file is still missing, so the cached answer still holds.
    if (hit.sharedFiles?.some((f) => this.shared.get(f.path) !== f.sha256)) return undefined;
    this.used.add(key);
    this.hitCount++;
    return hit;
  }

  set(key: string, checked: CheckedFile): void {
    this.entries.set(key, checked);
    this.used.add(key);
    this.dirty = true;
  }

  /**
   * Write atomically, keeping only entries used in this run (the cache never grows without bound).
   * A cache that cannot be written only costs speed next time: the reason is returned, not thrown.
   */
  save(): string | undefined {
    if (!this.dirty && this.used.size === this.entries.size) return undefined;
    const entries: Record<string, { checked: CheckedFile; mac: string }> = {};
    for (const k of this.used) {
      const checked = this.entries.get(k)!;
      entries[k] = { checked, mac: signState(signedText(k, checked)) };
    }
    try {
      writeFileAtomic(this.file, JSON.stringify({ format: FORMAT, entries }), {
        within: this.within,
        makeFolders: true,
      });
      return undefined;
    } catch (e) {
      return (e as Error)?.message ?? String(e);
    }
  }

  /** Save, and say on stderr when that was not possible (the run's verdict does not change). */
  saveOrWarn(io: { stderr(s: string): void }): void {
    const failed = this.save();
    if (failed)
      io.stderr(`continuity: the result cache was not saved (the next run checks every plan again): ${failed}\n`);
  }
}
