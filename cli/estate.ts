/**
 * An estate: every practice plan under the given paths, checked (with the result cache) and
 * summarised. Shared by `continuity report` and `continuity build`. Plans are found as `lint` finds
 * them (cli/discover-files.ts): the template and shared content files are not practices.
 */
import type { ConfigResolver } from '../core/index.js';
import { catalogueFor } from '../core/index.js';
import type { SectionColumn } from '../core/estate.js';
import type { PlanSummary } from '../core/estate.js';
import { checkFiles, type FileCheck } from './check-files.js';
import { findPlans } from './discover-files.js';
import { relPath } from './file-results.js';
import { ResultCache } from './result-cache.js';
import { toolFingerprint } from './tool-version.js';

export interface EstatePlan extends FileCheck {
  /** Relative to the working directory, forward slashes. */
  path: string;
}

export interface EstateOptions {
  paths: string[];
  cwd: string;
  today: string;
  resolver: ConfigResolver;
  cache: boolean;
  cacheLocation?: string;
  configPath?: string;
  /** Filled in: how many check results came from the result cache (CI logs show how much was reused). */
  stats?: { fromCache: number };
}

/** The plan files of an estate, in a stable order. */
export async function findEstatePlans(
  opts: { paths: string[]; cwd: string; resolver: ConfigResolver },
  io: { stderr(s: string): void },
): Promise<string[]> {
  const inputs = opts.paths.length ? opts.paths : ['plans'];
  return findPlans(inputs, opts.cwd, (f) => opts.resolver.isIgnored(f), io);
}

export async function checkEstate(
  files: string[],
  opts: EstateOptions,
  io: { stderr(s: string): void },
): Promise<EstatePlan[]> {
  const cache = opts.cache ? ResultCache.open(opts.cwd, opts.cacheLocation) : undefined;
  const checks = await checkFiles(files, {
    resolver: opts.resolver,
    today: opts.today,
    cache,
    fingerprint: toolFingerprint(),
    configPath: opts.configPath,
  });
  cache?.saveOrWarn(io);
  if (opts.stats) opts.stats.fromCache = cache?.hits ?? 0;
  return checks.map((c) => ({ ...c, path: relPath(opts.cwd, c.file) }));
}

/**
 * The plan's summary as the estate shows it: problem counts from its diagnostics (a file that could
 * not be read has no summary, but its errors count) and its shared files as repository paths.
 */
export function estateSummary(plan: EstatePlan, cwd: string): PlanSummary {
  const summary: PlanSummary = {
    ...(plan.summary ?? { warnings: 0, sections: {} }),
    errors: plan.diagnostics.filter((d) => d.severity === 'error').length,
  };
  if (plan.sharedFiles?.length) summary.sharedFiles = plan.sharedFiles.map((f) => relPath(cwd, f.path));
  return summary;
}

/** The required and recommended sections across the estate's schemas (an ICB extension may add some). */
export function sectionColumns(files: string[], resolver: ConfigResolver): SectionColumn[] {
  const columns = new Map<string, SectionColumn>();
  const seen = new Set<string>();
  for (const file of files) {
    const config = resolver.forFile(file);
    if (seen.has(config.hash)) continue;
    seen.add(config.hash);
    for (const s of catalogueFor(config.schemas).sections) {
      if ((s.required || s.recommended) && !columns.has(s.id))
        columns.set(s.id, { id: s.id, title: s.title, required: s.required });
    }
  }
  return [...columns.values()];
}
