/**
 * `--shard I/N`: this runner's share of the estate. A plan belongs to the shard its path hashes to,
 * so every plan is in exactly one shard, the split needs no coordination between runners, and adding
 * a plan never moves the others to another shard (their caches stay warm).
 */
import { createHash } from 'node:crypto';
import { UsageError } from './discover-files.js';

export interface Shard {
  /** 1-based, as written. */
  index: number;
  count: number;
}

export function parseShard(value: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || count > 1000 || index < 1 || index > count) {
    throw new UsageError(
      `--shard takes I/N with 1 <= I <= N <= 1000, e.g. --shard 2/4 for the second of four runners, not '${value}'`,
    );
  }
  return { index, count };
}

/** The 1-based shard a plan path (relative to the repository, forward slashes) belongs to. */
export function shardOf(path: string, count: number): number {
  const h = createHash('sha256').update(path.replace(/\\/g, '/')).digest();
  return (h.readUInt32BE(0) % count) + 1;
}

export function inShard(path: string, shard: Shard): boolean {
  return shardOf(path, shard.count) === shard.index;
}
