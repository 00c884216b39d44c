/**
 * A plan's printed copies in a build site: which kinds are made (`--outputs`), the file each goes to,
 * and the key of everything they depend on, so an unchanged plan is not printed again.
 */
import { createHash } from 'node:crypto';
import type { PlanOutputs } from '../core/estate.js';
import { readPlanBytes } from './check-files.js';
import { UsageError } from './discover-files.js';
import type { EstatePlan } from './estate.js';
import type { SharedFileHashes } from './result-cache.js';
import { sitePathOf } from './site-status.js';
import { toolFingerprint } from './tool-version.js';

export const BUILD_OUTPUTS = ['pdf', 'forms', 'html'] as const;
export type BuildOutput = (typeof BUILD_OUTPUTS)[number];

export function parseBuildOutputs(value: string): BuildOutput[] {
  const list = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const o of list)
    if (!(BUILD_OUTPUTS as readonly string[]).includes(o))
      throw new UsageError(`unknown output '${o}'. Outputs: ${BUILD_OUTPUTS.join(', ')} (several with commas)`);
  return [...new Set(list)] as BuildOutput[];
}

/** Where each asked-for copy of a plan goes, relative to the site: beside its path, so plans do not collide. */
export function plannedOutputs(planPath: string, outputs: BuildOutput[]): PlanOutputs {
  const base = sitePathOf(planPath);
  return {
    ...(outputs.includes('pdf') ? { pdf: `${base}.pdf` } : {}),
    ...(outputs.includes('forms') ? { forms: `${base}-forms.pdf` } : {}),
    ...(outputs.includes('html') ? { html: `${base}.html` } : {}),
  };
}

/** Everything a plan's printed copies depend on, except the printing date and the repository's HEAD. */
export function renderKey(
  plan: EstatePlan,
  configHash: string,
  outputs: BuildOutput[],
  hashes: SharedFileHashes,
): string {
  const bytes = readPlanBytes(plan.file);
  const h = createHash('sha256').update(Buffer.isBuffer(bytes) ? bytes : 'unreadable');
  for (const f of [...(plan.sharedFiles ?? [])].sort((a, b) => a.path.localeCompare(b.path)))
    h.update(`\0${f.path}\0${hashes.get(f.path) ?? 'missing'}`);
  return h.update(`\0${configHash}\0${toolFingerprint()}\0${outputs.join(',')}`).digest('hex');
}
