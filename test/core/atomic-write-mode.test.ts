/**
 * `lint --fix` writes through a temp file beside the plan. A process killed mid-write leaves that
 * temp file behind, so it must never be readable by more people than the plan: it is created with
 * the plan's permissions from its first byte (not chmod-ed after the write).
 */
import { fstatSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../core/io/write-file-atomic.js';

const original = fs.writeSync;
afterEach(() => {
  fs.writeSync = original;
  syncBuiltinESMExports();
});

describe('atomic writes and permissions', () => {
  it('the temp copy of an owner-only plan is owner-only while it is being written, and nothing is left after a failed write', () => {
    const dir = mkdtempSync(join(tmpdir(), 'continuity-mode-'));
    const plan = join(dir, 'plan.md');
    writeFileSync(plan, 'old words\n', { mode: 0o600 });
    const modes: number[] = [];
    // Stand in for a kill at the worst moment: look at the temp file mid-write, then fail the write.
    fs.writeSync = ((fd: number) => {
      modes.push(fstatSync(fd).mode & 0o777);
      throw Object.assign(new Error('killed'), { code: 'EINTR' });
    }) as typeof fs.writeSync;
    syncBuiltinESMExports();
    expect(() => writeFileAtomic(plan, 'new words\n', { within: dir })).toThrow('killed');
    expect(modes).toEqual([0o600]);
    expect(readdirSync(dir)).toEqual(['plan.md']);
    expect(readFileSync(plan, 'utf8')).toBe('old words\n');

    fs.writeSync = original;
    syncBuiltinESMExports();
    writeFileAtomic(plan, 'new words\n', { within: dir });
    expect(statSync(plan).mode & 0o777).toBe(0o600);
    expect(readFileSync(plan, 'utf8')).toBe('new words\n');
  });
});
