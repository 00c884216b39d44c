/**
 * What a build prints: every plan that passes its checks and whose printed copies are missing or out
 * of date. A plan that fails is not published (its old copies are removed: they no longer match the
 * plan), and a plan whose copy would overwrite another's is refused, with the reason. Nothing is
 * printed here: the decision is a list of jobs, so a missing browser is found before any file changes.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ConfigResolver } from '../core/index.js';
import { buildPrintDocument, PlanNotPrintable, type RenderJob } from '../core/printing.js';
import { displayName } from './display-name.js';
import { estateSummary, type EstatePlan } from './estate.js';
import { preparePrint, type PreparedPrint } from './print-preparation.js';
import { plannedOutputs, renderKey, type BuildOutput } from './printed-copies.js';
import { SharedFileHashes } from './result-cache.js';
import { writeRoot } from './write-root.js';
import { outputCollisions, readStatus, removeOutputs, type PlanStatus } from './site-status.js';

/** A plan's print HTML: written without a browser, from the same prepared plan as its PDFs. */
export interface HtmlCopy {
  plan: EstatePlan;
  outFile: string;
  prepared: () => PreparedPrint;
}

export interface PrintDecision {
  /** Each plan's status as this build leaves it, by plan path; printing failures are recorded later. */
  statuses: Map<string, Omit<PlanStatus, 'format'>>;
  /** PDFs, for one shared browser. */
  jobs: RenderJob[];
  planOfJob: Map<RenderJob, string>;
  html: HtmlCopy[];
  failingChecks: number;
  /** Plans not printed because their copies would take another's file name. */
  collided: number;
  /** Plans whose copies are already in the site and up to date. */
  unchanged: number;
}

export interface DecideOptions {
  siteDir: string;
  cwd: string;
  today: string;
  resolver: ConfigResolver;
  outputs: BuildOutput[];
  /** Print every passing plan again, even when unchanged. */
  force: boolean;
}

export function decidePrinting(
  plans: EstatePlan[],
  opts: DecideOptions,
  io: { stderr(s: string): void },
): PrintDecision {
  const { siteDir, resolver } = opts;
  const within = writeRoot(opts.cwd, siteDir);
  const decision: PrintDecision = {
    statuses: new Map(),
    jobs: [],
    planOfJob: new Map(),
    html: [],
    failingChecks: 0,
    collided: 0,
    unchanged: 0,
  };
  const { statuses } = decision;
  const hashes = new SharedFileHashes();
  // Two plans printed to one file would silently lose one: the later is refused, with the reason.
  const collisions = outputCollisions(
    plans.map((p) => ({ path: p.path, outputs: plannedOutputs(p.path, opts.outputs) })),
  );
  for (const plan of plans) {
    const previous = readStatus(siteDir, plan.path);
    const summary = estateSummary(plan, opts.cwd);
    const errors = summary.errors;
    if (errors > 0) {
      decision.failingChecks++;
      // A plan that fails its checks is not published: its old copies would no longer match the plan.
      if (previous) removeOutputs(siteDir, previous.outputs, within);
      statuses.set(plan.path, {
        path: plan.path,
        summary,
        outputs: { notPrinted: `Not published: fails its checks (${errors} ${errors === 1 ? 'error' : 'errors'})` },
      });
      continue;
    }
    const collision = collisions.get(plan.path);
    if (collision) {
      decision.collided++;
      io.stderr(`continuity: ${displayName(plan.path)} not printed: ${collision}\n`);
      statuses.set(plan.path, { path: plan.path, summary, outputs: { notPrinted: `Not printed: ${collision}` } });
      continue;
    }
    const key = renderKey(plan, resolver.forFile(plan.file).hash, opts.outputs, hashes);
    const outputs = plannedOutputs(plan.path, opts.outputs);
    const files = [outputs.pdf, outputs.forms, outputs.html].filter((p): p is string => !!p);
    if (!opts.force && previous?.renderKey === key && files.every((p) => existsSync(join(siteDir, p)))) {
      decision.unchanged++;
      statuses.set(plan.path, { ...previous, summary });
      continue;
    }
    statuses.set(plan.path, { path: plan.path, summary, renderKey: key, outputs });
    // Prepared (read, checked, through the print gate) once, when its first copy is made, so the
    // browser starts on the first plan while the others wait.
    let prepared: PreparedPrint | undefined;
    const prepare = () =>
      (prepared ??= preparePrint(plan.file, plan.path, { resolver, printedDate: opts.today, allowErrors: false }));
    const build = (formsOnly: boolean) => (pages?: Record<string, number>) => {
      const p = prepare();
      if ('refusal' in p) throw new PlanNotPrintable(p.refusal);
      return buildPrintDocument(p.doc, { ...p.options, formsOnly, pages });
    };
    const job = (name: string, outFile: string, formsOnly: boolean) => {
      const j: RenderJob = { name, outFile: join(siteDir, outFile), within, build: build(formsOnly) };
      decision.planOfJob.set(j, plan.path);
      decision.jobs.push(j);
    };
    if (outputs.pdf) job(plan.path, outputs.pdf, false);
    if (outputs.forms) job(`${plan.path} (forms)`, outputs.forms, true);
    if (outputs.html) decision.html.push({ plan, outFile: join(siteDir, outputs.html), prepared: prepare });
  }
  return decision;
}
