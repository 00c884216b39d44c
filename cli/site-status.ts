/**
 * The build's memory of each plan, one JSON file per plan under `<site>/status/`: its summary, the
 * key its printed copies were made from, and where they are. An unchanged plan is not printed again;
 * the index and dashboard are written from these files, so shards built on different runners and
 * merged into one folder make one site (`continuity build --index-only`).
 *
 * The site folder may hold files a pull request wrote. A status file is used only when its shape is
 * right, its output paths are plain files inside the site, and its signature (this machine's or this
 * CI pipeline's state key, see state-key.ts) matches; anything else is ignored, so a forged status can
 * neither mark a failing plan as passing, put markup or links into the dashboard, nor make the build
 * delete a file outside the site. Every file is written and deleted only inside `within` (the working
 * folder, or the site folder the user named outside it; see cli/write-root.ts), never through a
 * linked folder, so a committed `site/status` link cannot send a write or a delete elsewhere.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { PlanOutputs } from '../core/estate.js';
import type { PlanSummary } from '../core/estate.js';
import { isInsideFolder, readRegularText } from '../core/index.js';
import { removeFileInside } from '../core/writing.js';
import { writeFileAtomic } from '../core/writing.js';
import { signState, verifyState } from './state-key.js';

const FORMAT = 2;
const MAX_STATUS_BYTES = 1024 * 1024;
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

/** The status file of a plan, always inside `<site>/status/`. */
function statusFile(siteDir: string, planPath: string): string | undefined {
  const root = resolve(siteDir, STATUS_DIR);
  const file = resolve(root, `${sitePathOf(planPath)}.json`);
  return isInsideFolder(root, file) && file !== root ? file : undefined;
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
// No control characters, backslashes or colons (a colon would make a link like `javascript:...`).
// eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
const UNSAFE_IN_OUTPUT = /[\u0000-\u001f\u007f\\:?#%]/;

/**
 * A printed file's path as a status file may name it: relative, inside the site, no `..`, not in the
 * status folder, a PDF or HTML page. Anything else (`../../etc/passwd`, `javascript:...`) is refused.
 */
export function isSiteOutputPath(p: unknown): p is string {
  if (typeof p !== 'string' || p.length > 1000 || UNSAFE_IN_OUTPUT.test(p) || !/\.(?:pdf|html)$/.test(p)) return false;
  const parts = p.split('/');
  return !parts.some((s) => s === '' || s === '.' || s === '..') && parts[0] !== STATUS_DIR;
}

function isPlanStatus(v: unknown): v is PlanStatus & { mac: string } {
  if (!isObject(v) || v.format !== FORMAT || typeof v.path !== 'string' || !isObject(v.summary) || !isObject(v.outputs))
    return false;
  const s = v.summary;
  if (!Number.isInteger(s.errors) || !Number.isInteger(s.warnings) || !isObject(s.sections)) return false;
  if (v.renderKey !== undefined && typeof v.renderKey !== 'string') return false;
  const o = v.outputs;
  if (!['pdf', 'forms', 'html'].every((k) => o[k] === undefined || isSiteOutputPath(o[k]))) return false;
  return o.notPrinted === undefined || (typeof o.notPrinted === 'string' && o.notPrinted.length <= 2000);
}

function signedText(s: Omit<PlanStatus, 'format'>): string {
  return JSON.stringify([FORMAT, s.path, s.summary, s.renderKey ?? null, s.outputs]);
}

/** A status file's content when it is well formed and signed with this machine's key; else undefined. */
function readStatusFile(siteDir: string, file: string): PlanStatus | undefined {
  const read = readRegularText(file, { root: siteDir, maxBytes: MAX_STATUS_BYTES });
  if (!('text' in read)) return undefined;
  try {
    const s: unknown = JSON.parse(read.text);
    if (!isPlanStatus(s) || !verifyState(signedText(s), s.mac)) return undefined;
    const { mac: _mac, ...status } = s;
    return status;
  } catch {
    return undefined;
  }
}

export function readStatus(siteDir: string, planPath: string): PlanStatus | undefined {
  const file = statusFile(siteDir, planPath);
  const s = file ? readStatusFile(siteDir, file) : undefined;
  return s?.path === planPath ? s : undefined;
}

export function writeStatus(siteDir: string, status: Omit<PlanStatus, 'format'>, within: string): void {
  const file = statusFile(siteDir, status.path);
  if (!file) return;
  const { path, summary, renderKey, outputs } = status;
  writeFileAtomic(
    file,
    JSON.stringify({ format: FORMAT, path, summary, renderKey, outputs, mac: signState(signedText(status)) }, null, 2) +
      '\n',
    { within, makeFolders: true },
  );
}

export function removeStatus(siteDir: string, planPath: string, within: string): void {
  const file = statusFile(siteDir, planPath);
  if (file) removeFileInside(within, file);
}

/** Every status file in the site (from this build and earlier ones or other shards). */
export function allStatuses(siteDir: string, ignored: { count: number } = { count: 0 }): PlanStatus[] {
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
    // A damaged, forged or foreign status file is ignored: that plan is printed again next time.
    const s = readStatusFile(siteDir, join(root, name));
    if (s) out.push(s);
    else ignored.count++;
  }
  return out;
}

/** The printed files of a plan, removed (it now fails its checks, or it no longer exists). */
export function removeOutputs(siteDir: string, outputs: PlanOutputs, within: string): void {
  for (const p of [outputs.pdf, outputs.forms, outputs.html]) {
    // Only a plain path inside the site, and never through a linked folder (not one out of the site).
    if (isSiteOutputPath(p)) removeFileInside(within, join(siteDir, p));
  }
}

export function siteRelative(siteDir: string, file: string): string {
  return relative(siteDir, file).replace(/\\/g, '/');
}

/** Files of the site's own: a plan's printed copy may not take their names. */
const RESERVED_OUTPUTS = ['index.html', 'dashboard.html', 'estate.json', 'estate.csv'];

/**
 * Plans whose printed copies would land on a file another plan (or the site itself) already uses:
 * `x.md` and `x.markdown` in one folder, an `index.md` or `dashboard.md` at the top, a plan under a
 * `status/` folder. The first plan (in path order) keeps the name; each later one gets the reason it
 * is not printed. Names are compared without case, as on macOS and Windows file systems.
 */
export function outputCollisions(planned: { path: string; outputs: PlanOutputs }[]): Map<string, string> {
  const owners = new Map<string, string>();
  const problems = new Map<string, string>();
  for (const { path, outputs } of [...planned].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    for (const file of [outputs.pdf, outputs.forms, outputs.html]) {
      if (!file) continue;
      const key = file.toLowerCase();
      const owner = owners.get(key);
      const why = RESERVED_OUTPUTS.includes(key)
        ? `its printed copy would be named ${file}, which the site uses for its own page; rename the plan file`
        : key.startsWith(`${STATUS_DIR}/`)
          ? `its printed copy would go in the site's ${STATUS_DIR}/ folder, which the build keeps for itself; move or rename the plan's folder`
          : owner && owner !== path
            ? `its printed copy would be ${file}, the same file as the copy of ${owner}; rename one of the two plan files`
            : undefined;
      if (why) {
        problems.set(path, why);
        break;
      }
      owners.set(key, path);
    }
  }
  return problems;
}

/**
 * This build's statuses, written. Plans that share a site path (`x.md` and `X.md`) share a status
 * file too: the first in path order keeps it, as it keeps the printed copies.
 */
export function recordStatuses(siteDir: string, statuses: Iterable<Omit<PlanStatus, 'format'>>, within: string): void {
  const statusOwners = new Set<string>();
  for (const s of [...statuses].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    const owner = sitePathOf(s.path).toLowerCase();
    if (statusOwners.has(owner)) continue;
    statusOwners.add(owner);
    writeStatus(siteDir, s, within);
  }
}

/** Plans that no longer exist (checked from `cwd`) leave the site: their printed copies and status file. */
export function forgetRemovedPlans(siteDir: string, cwd: string, within: string): void {
  for (const old of allStatuses(siteDir)) {
    if (existsSync(resolve(cwd, old.path))) continue;
    removeOutputs(siteDir, old.outputs, within);
    removeStatus(siteDir, old.path, within);
  }
}
