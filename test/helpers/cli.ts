import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, TODAY } from './plans.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** The commands that judge dates get today fixed, so date rules are repeatable. */
function withToday(args: string[], options: { today?: boolean }): string[] {
  return options.today === false || !['lint', 'render', 'build', 'report'].includes(args[0])
    ? args
    : [...args, '--today', TODAY];
}

/** Run the built CLI as a user would, in `cwd`, with today fixed so date rules are repeatable. */
export function runCli(args: string[], cwd: string, options: { today?: boolean } = {}): CliRun {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'continuity.js'), ...withToday(args, options)], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** The same without blocking the test worker: for long runs (vitest's worker must keep answering). */
export function runCliAsync(args: string[], cwd: string, options: { today?: boolean } = {}): Promise<CliRun> {
  return new Promise((resolvePromise) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'continuity.js'), ...withToday(args, options)], {
      cwd,
      env: { ...process.env, NO_COLOR: '1', GITHUB_ACTIONS: '' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolvePromise({ code: code ?? -1, stdout, stderr }));
  });
}

/** A temp folder holding a copy of the shipped plans (and nothing else). */
export function tempWorkspace(withPlans = true): string {
  const dir = mkdtempSync(join(tmpdir(), 'continuity-test-'));
  if (withPlans) cpSync(join(ROOT, 'plans'), join(dir, 'plans'), { recursive: true });
  return dir;
}

/** What a folder check of a copy of plans/ says on stderr: the template is left out, with a note. */
export const TEMPLATE_LEFT_OUT =
  'continuity: left out plans/template.md: it is the plan template (plan_template: true), meant to hold placeholders; name it to check it.\n';
