/**
 * The build's memory of each plan, one JSON file per plan under `<site>/status/`: its summary, the
 * key its printed copies were made from, and where they are. An unchanged plan is not printed again;
 * the index and dashboard are written from these files, so shards built on different runners and
 * merged into one folder make one site (`continuity build --index-only`).
 */
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { PlanOutputs } from '../core/estate/estate-row.js';
import type { PlanSummary } from '../core/estate/plan-summary.js';
import { writeFileAtomic } from '../core/io/write-file-atomic.js';

const FORMAT = 1;
export const STATUS_DIR = 'status';

export interface PlanStatus {
  format: number;
  /** The plan file, relative to where the build ran. */
  path: string;
  summary: PlanSummary;
  /** Hash of everything the printed copies depend on; absent when the plan was not printed. */
  renderKey?: string;
  outputs: PlanOutputs;
}

/** Where a plan's files go inside the site: its own path, so two plans can never collide. */
export function sitePathOf(planPath: string): string {
  const clean = planPath.startsWith('/') || planPath.startsWith('..') ? planPath.split('/').pop()! : planPath;
  return clean.replace(/\.(md|markdown)$/i, '');
}

function statusFile(siteDir: string, planPath: string): string {
  return join(siteDir, STATUS_DIR, `${sitePathOf(planPath)}.json`);
}

export function readStatus(siteDir: string, planPath: string): PlanStatus | undefined {
  try {
    const s = JSON.parse(readFileSync(statusFile(siteDir, planPath), 'utf8')) as PlanStatus;
    return s?.format === FORMAT && s.path === planPath ? s : undefined;
  } catch {
    return undefined;
  }
}

export function writeStatus(siteDir: string, status: Omit<PlanStatus, 'format'>): void {
  const file = statusFile(siteDir, status.path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileAtomic(file, JSON.stringify({ format: FORMAT, ...status }, null, 2) + '\n');
}

export function removeStatus(siteDir: string, planPath: string): void {
  rmSync(statusFile(siteDir, planPath), { force: true });
}

/** Every status file in the site (from this build and earlier ones or other shards). */
export function allStatuses(siteDir: string): PlanStatus[] {
  const root = join(siteDir, STATUS_DIR);
  const out: PlanStatus[] = [];
  let names: string[];
  try {
    names = readdirSync(root, { recursive: true, encoding: 'utf8' });
  } catch {
    return out;
  }
  for (const name of names.sort()) {
    if (!name.endsWith('.json')) continue;
    try {
      const s = JSON.parse(readFileSync(join(root, name), 'utf8')) as PlanStatus;
      if (s?.format === FORMAT && typeof s.path === 'string' && s.summary) out.push(s);
    } catch {
      // A damaged status file only means that plan is printed again next time.
    }
  }
  return out;
}

/** The printed files of a plan, removed (it now fails its checks, or it no longer exists). */
export function removeOutputs(siteDir: string, outputs: PlanOutputs): void {
  for (const p of [outputs.pdf, outputs.forms, outputs.html]) if (p) rmSync(join(siteDir, p), { force: true });
}

export function siteRelative(siteDir: string, file: string): string {
  return relative(siteDir, file).replace(/\\/g, '/');
}
