/**
 * Runs a shipped CI template's own steps for a push to the default branch, as the platform would, on
 * this machine: a fresh clone and a fresh HOME each time, the platform's cache restored and saved the
 * way the platform does it (keys, prefix matches, when a save happens), the template's scripts run
 * with the shell the platform uses. `npx continuity` is the tools under test; `npm ci` and
 * `apt-get` (the tools and Chromium are already here) do nothing. Steps that only upload results
 * (SARIF, artifacts, test reports) are not run.
 */
import { spawn } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ROOT } from '../helpers/plans.js';

export type Platform = 'github' | 'gitlab' | 'azure';

export const TEMPLATE_FILES: Record<Platform, string> = {
  github: 'github-actions.yml',
  gitlab: 'gitlab-ci.yml',
  azure: 'azure-pipelines.yml',
};

type Step =
  | { kind: 'restore'; paths: string[]; key: string; restoreKeys: string[] }
  | { kind: 'save'; paths: string[]; key: string; always: boolean; overwrite?: boolean }
  | { kind: 'script'; script: string; shell: string[]; always: boolean; continueOnError: boolean };

/** Where the run happens: fixed paths (runners reuse them), emptied before each run. */
export interface RunnerPaths {
  home: string;
  /** The folder the platform checks the repository out into. */
  checkout: string;
  /** Azure's $(Pipeline.Workspace): the checkout's parent. */
  workspace: string;
}

const GITHUB_SHELL = ['bash', '--noprofile', '--norc', '-eo', 'pipefail', '-c'];
const GITLAB_SHELL = ['bash', '--noprofile', '--norc', '-eo', 'pipefail', '-c'];
const AZURE_SHELL = ['bash', '--noprofile', '--norc', '-c'];

const template = (platform: Platform) => readFileSync(join(ROOT, 'ci-templates', TEMPLATE_FILES[platform]), 'utf8');
const lines = (v: unknown) =>
  String(v ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

function githubSteps(paths: RunnerPaths, sha: string): { steps: Step[]; post: Step[] } {
  const wf = parse(template('github'));
  const expand = (s: string) => s.replace(/\$\{\{\s*github\.sha\s*\}\}/g, sha);
  const cachePaths = (v: string) =>
    lines(v).map((p) => (p.startsWith('~') ? paths.home + p.slice(1) : join(paths.checkout, p)));
  const steps: Step[] = [];
  const post: Step[] = [];
  for (const s of wf.jobs.publish.steps as {
    uses?: string;
    run?: string;
    if?: string;
    with?: Record<string, string>;
  }[]) {
    const always = s.if === 'always()';
    const restore = (): Step => ({
      kind: 'restore',
      paths: cachePaths(s.with!.path),
      key: expand(s.with!.key),
      restoreKeys: lines(s.with!['restore-keys']).map(expand),
    });
    if (s.uses?.startsWith('actions/cache/restore@')) steps.push(restore());
    else if (s.uses?.startsWith('actions/cache/save@'))
      steps.push({ kind: 'save', paths: cachePaths(s.with!.path), key: expand(s.with!.key), always });
    else if (s.uses?.startsWith('actions/cache@')) {
      // Restores here, and saves in a post-job step when the job succeeded.
      steps.push(restore());
      post.push({ kind: 'save', paths: cachePaths(s.with!.path), key: expand(s.with!.key), always: false });
    } else if (s.run)
      steps.push({ kind: 'script', script: s.run, shell: GITHUB_SHELL, always, continueOnError: false });
  }
  return { steps, post };
}

function gitlabSteps(paths: RunnerPaths): { steps: Step[]; env: Record<string, string> } {
  const job = parse(template('gitlab')).build;
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries((job.variables ?? {}) as Record<string, string>))
    env[k] = String(v).replace(/\$CI_PROJECT_DIR\b/g, paths.checkout);
  const cachePaths = (job.cache.paths as string[]).map((p) => join(paths.checkout, p));
  const key = String(job.cache.key);
  // GitLab keeps a protected branch's cache apart from merge requests' (the -protected suffix).
  const cacheKey = `${key}-protected`;
  const script = (list: unknown) =>
    ({
      kind: 'script',
      script: (list as string[]).join('\n'),
      shell: GITLAB_SHELL,
      always: false,
      continueOnError: false,
    }) as Step;
  return {
    env,
    steps: [
      { kind: 'restore', paths: cachePaths, key: cacheKey, restoreKeys: [] },
      script(job.before_script),
      script(job.script),
      // GitLab replaces a cache under the same key on every save (GitHub and Azure never do).
      { kind: 'save', paths: cachePaths, key: cacheKey, always: job.cache.when === 'always', overwrite: true },
    ],
  };
}

/** Azure's conditions for a push to main (Build.Reason is not PullRequest). */
function azureCondition(condition: string | undefined): { run: boolean; always: boolean } {
  if (!condition) return { run: true, always: false };
  const evaluated = condition
    .replace(/eq\(variables\['Build\.Reason'\], 'PullRequest'\)/g, 'false')
    .replace(/ne\(variables\['Build\.Reason'\], 'PullRequest'\)/g, 'true')
    .replace(/always\(\)/g, 'ALWAYS');
  const always = evaluated.includes('ALWAYS');
  const truth = evaluated.replace(/ALWAYS/g, 'true');
  if (!/^[a-z(), ]+$/.test(truth)) throw new Error(`an Azure condition the runner here cannot read: ${condition}`);
  const and = (...a: boolean[]) => a.every(Boolean);
  const or = (...a: boolean[]) => a.some(Boolean);
  const not = (a: boolean) => !a;
  return { run: new Function('and', 'or', 'not', `return ${truth};`)(and, or, not) as boolean, always };
}

function azureSteps(paths: RunnerPaths, sha: string): { steps: Step[]; post: Step[] } {
  const pipeline = parse(template('azure'));
  const vars: Record<string, string> = {
    'Pipeline.Workspace': paths.workspace,
    'Build.SourceVersion': sha,
    'Agent.OS': 'Linux',
  };
  const macro = (s: string): string =>
    s.replace(/\$\(([A-Za-z0-9._]+)\)/g, (m, name: string) => (name in vars ? macro(vars[name]) : m));
  for (const [k, v] of Object.entries((pipeline.variables ?? {}) as Record<string, string>)) vars[k] = String(v);
  const key = (s: string) =>
    macro(s)
      .split('|')
      .map((seg) => seg.trim().replace(/^"(.*)"$/, '$1'))
      .join('|');
  const steps: Step[] = [];
  const post: Step[] = [];
  for (const s of pipeline.steps as Record<string, unknown>[]) {
    const { run, always } = azureCondition(s.condition as string | undefined);
    if (!run) continue;
    if (s.task === 'Cache@2') {
      const inputs = s.inputs as Record<string, string>;
      steps.push({
        kind: 'restore',
        paths: [macro(inputs.path)],
        key: key(inputs.key),
        restoreKeys: lines(inputs.restoreKeys).map(key),
      });
      // The post-job step: saved only when the job succeeded (continueOnError steps count as succeeded).
      post.push({ kind: 'save', paths: [macro(inputs.path)], key: key(inputs.key), always: false });
    } else if (typeof s.script === 'string')
      steps.push({
        kind: 'script',
        script: macro(s.script),
        shell: AZURE_SHELL,
        always,
        continueOnError: s.continueOnError === true,
      });
  }
  return { steps, post };
}

/** The platform's cache: snapshots of a folder by key, newest last, kept across runs. */
export class PlatformCache {
  private readonly keys: string[] = [];
  constructor(private readonly store: string) {
    mkdirSync(store, { recursive: true });
  }
  private folder(key: string): string {
    return join(this.store, String(this.keys.indexOf(key)));
  }
  has(key: string): boolean {
    return this.keys.includes(key);
  }
  /** The key restored: the exact key, else the newest key starting with a restore prefix. */
  restore(paths: string[], key: string, prefixes: string[]): string | undefined {
    const found = this.has(key)
      ? key
      : prefixes.map((p) => [...this.keys].reverse().find((k) => k.startsWith(p))).find((k) => k !== undefined);
    if (found)
      paths.forEach((path, i) => {
        const saved = join(this.folder(found), String(i));
        if (existsSync(saved)) cpSync(saved, path, { recursive: true, verbatimSymlinks: true });
      });
    return found;
  }
  save(paths: string[], key: string, overwrite = false): boolean {
    if (!paths.some((p) => existsSync(p)) || (this.has(key) && !overwrite)) return false;
    if (this.has(key)) rmSync(this.folder(key), { recursive: true });
    else this.keys.push(key);
    paths.forEach((path, i) => {
      if (existsSync(path))
        cpSync(path, join(this.folder(key), String(i)), { recursive: true, verbatimSymlinks: true });
    });
    return true;
  }
  /** A file inside the newest snapshot of the first path (what a pull request could read from it). */
  newest(file: string): string {
    return join(this.folder(this.keys.at(-1)!), '0', file);
  }
}

export interface TemplateRun {
  /** The exit code of the job: 0, or the first failing step's. */
  code: number;
  output: string;
  restored?: string;
  saved: string[];
  /** Wall-clock time of the job's steps (printed by the test, never asserted). */
  seconds: number;
}

function runScript(
  script: string,
  shell: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; output: string }> {
  return new Promise((resolvePromise) => {
    const child = spawn(shell[0], [...shell.slice(1), script], { cwd, env });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) => resolvePromise({ code: code ?? -1, output }));
  });
}

/** Commands the template calls that are not the tools under test. */
function fakeCommands(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const write = (name: string, body: string) => {
    writeFileSync(join(dir, name), `#!/bin/sh\n${body}\n`);
    chmodSync(join(dir, name), 0o755);
  };
  write(
    'npx',
    `if [ "$1" = continuity ]; then shift; exec "${process.execPath}" "${join(ROOT, 'bin', 'continuity.js')}" "$@"; fi\necho "npx $* is not available here" >&2; exit 127`,
  );
  write('npm', '[ "$1" = ci ] && exit 0; echo "npm $* is not available here" >&2; exit 127');
  write('apt-get', 'exit 0');
  return dir;
}

/**
 * One run of the template's default-branch job at `sha` of `origin`: a fresh clone into
 * `paths.checkout` and a fresh `paths.home`, with `cache` carried from earlier runs.
 */
export async function runTemplate(
  platform: Platform,
  origin: string,
  sha: string,
  paths: RunnerPaths,
  cache: PlatformCache,
  fakeBin: string,
): Promise<TemplateRun> {
  rmSync(paths.home, { recursive: true, force: true });
  rmSync(paths.checkout, { recursive: true, force: true });
  mkdirSync(paths.home, { recursive: true });
  const cloned = await runScript(
    `git clone -q "${origin}" "${paths.checkout}" && git -C "${paths.checkout}" checkout -q ${sha}`,
    ['bash', '-c'],
    paths.workspace,
    process.env,
  );
  if (cloned.code !== 0) throw new Error(cloned.output);

  const spec =
    platform === 'github'
      ? { ...githubSteps(paths, sha), env: {} }
      : platform === 'gitlab'
        ? { ...gitlabSteps(paths), post: [] as Step[] }
        : { ...azureSteps(paths, sha), env: {} };
  // The tools' own state comes only from what the template sets up.
  const { XDG_STATE_HOME: _state, CONTINUITY_STATE_KEY: _key, ...inherited } = process.env;
  const env: NodeJS.ProcessEnv = { ...inherited, ...spec.env, HOME: paths.home, NO_COLOR: '1' };
  env.PATH = `${fakeCommands(fakeBin)}:${process.env.PATH}`;
  if (platform === 'github') env.GITHUB_ACTIONS = 'true';
  else delete env.GITHUB_ACTIONS;
  if (platform === 'azure') env.TF_BUILD = 'True';

  const started = performance.now();
  let code = 0;
  let failed = false;
  let output = '';
  let restored: string | undefined;
  const saved: string[] = [];
  for (const step of [...spec.steps, ...spec.post]) {
    if (step.kind === 'restore') restored = cache.restore(step.paths, step.key, step.restoreKeys) ?? restored;
    else if (step.kind === 'save') {
      if ((!failed || step.always) && cache.save(step.paths, step.key, step.overwrite)) saved.push(step.key);
    } else if (!failed || step.always) {
      const r = await runScript(step.script, step.shell, paths.checkout, env);
      output += r.output;
      if (r.code !== 0) {
        if (code === 0) code = r.code;
        if (!step.continueOnError) failed = true;
      }
    }
  }
  return { code, output, restored, saved, seconds: (performance.now() - started) / 1000 };
}

/** The build's summary line, as numbers. */
export function buildSummary(output: string): {
  checked: number;
  failing: number;
  printedFiles: number;
  unchanged: number;
  fromCache: number;
} {
  const m =
    /Checked (\d+) of \d+ plans: (\d+) fails? (?:its|their) checks; printed (\d+) files?(?:; \d+ plans? not printed)?; (\d+) plans? unchanged since the last build; (\d+) of \d+ check results from the result cache\./.exec(
      output,
    );
  if (!m) throw new Error(`no build summary in:\n${output}`);
  const [checked, failing, printedFiles, unchanged, fromCache] = m.slice(1).map(Number);
  return { checked, failing, printedFiles, unchanged, fromCache };
}
