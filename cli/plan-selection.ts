/**
 * Which plans a CI build looks at: the estate (found as `lint` finds plans), narrowed to one runner's
 * shard and then to the plans a change could affect. Kept apart from checking and printing so a
 * build's scope can be read (and tested) on its own.
 */
import { basename, relative } from 'node:path';
import { catalogueFor, sharedFilesOf, type ConfigResolver } from '../core/index.js';
import { readPlanBytes } from './check-files.js';
import { findEstatePlans } from './estate.js';
import { changedFilesSince } from './git-changes.js';
import { inShard, type Shard } from './shard.js';

export interface PlanSelection {
  /** The plans in scope, in the estate's order. */
  files: string[];
  /** How many plans the whole estate has, before the shard and --changed-since narrowed it. */
  estateSize: number;
}

export async function selectPlans(
  opts: { paths: string[]; cwd: string; resolver: ConfigResolver; shard?: Shard; changedSince?: string },
  io: { stderr(s: string): void },
): Promise<PlanSelection> {
  let files = await findEstatePlans({ paths: opts.paths, cwd: opts.cwd, resolver: opts.resolver }, io);
  const estateSize = files.length;
  // The shard is taken from the whole estate, so a plan stays in the same shard whatever changed.
  if (opts.shard) {
    const shard = opts.shard;
    files = files.filter((f) => inShard(relative(opts.cwd, f).replace(/\\/g, '/'), shard));
  }
  if (opts.changedSince) files = selectChanged(files, opts.changedSince, opts.cwd, opts.resolver);
  return { files, estateSize };
}

/** Plans changed since the ref, plans whose shared files changed, or all of them when the configuration did. */
function selectChanged(files: string[], ref: string, cwd: string, resolver: ConfigResolver): string[] {
  const changed = changedFilesSince(ref, cwd);
  const configChanged = [...changed].some(
    (f) => basename(f) === 'continuity.config.json' || f.endsWith('.schema.json'),
  );
  if (configChanged) return files;
  return files.filter((f) => {
    if (changed.has(f)) return true;
    const bytes = readPlanBytes(f);
    if (!Buffer.isBuffer(bytes)) return true;
    const text = bytes.toString('utf8');
    return sharedFilesOf(text, f, catalogueFor(resolver.forFile(f).schemas)).some((d) => changed.has(d));
  });
}

/** The scope as the build's summary line names it: "3 of 10 plans (shard 1/2) (changed since main)". */
export function scopeLabel(
  checked: number,
  selection: PlanSelection,
  opts: { shard?: Shard; changedSince?: string },
): string {
  return `${checked} of ${selection.estateSize} plans${opts.shard ? ` (shard ${opts.shard.index}/${opts.shard.count})` : ''}${opts.changedSince ? ` (changed since ${opts.changedSince})` : ''}`;
}
