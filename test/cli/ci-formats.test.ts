// The CI formats end to end: GitLab Code Quality and Azure annotations from `lint`, and `build`
// choosing Azure's logging commands inside Azure Pipelines (TF_BUILD) as it chooses GitHub's inside
// GitHub Actions.
import { spawnSync } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempWorkspace } from '../helpers/cli.js';
import { ROOT } from '../helpers/plans.js';

/** A repository whose only plan fails its checks (so build prints nothing: fast). */
function repoWithBadPlan(): string {
  const dir = tempWorkspace(false);
  mkdirSync(join(dir, 'plans'));
  cpSync(join(ROOT, 'test', 'fixtures', 'invalid', 'bad-phone-numbers.md'), join(dir, 'plans', 'bad.md'));
  execFileSync('git', ['init', '-q'], { cwd: dir });
  return dir;
}

function build(dir: string, env: Record<string, string>, args: string[] = []) {
  const r = spawnSync(
    process.execPath,
    [
      join(ROOT, 'bin', 'continuity.js'),
      'build',
      'plans',
      '--out',
      'site',
      '--no-cache',
      '--today',
      '2026-11-22',
      ...args,
    ],
    {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', GITHUB_ACTIONS: '', TF_BUILD: '', ...env },
    },
  );
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe('CI formats', () => {
  it('lint --format codequality writes repository paths, run from a subfolder', () => {
    const dir = repoWithBadPlan();
    const r = runCli(['lint', 'bad.md', '--format', 'codequality', '--no-cache'], join(dir, 'plans'));
    expect(r.code).toBe(1);
    const issues = JSON.parse(r.stdout) as {
      type: string;
      check_name: string;
      location: { path: string };
      fingerprint: string;
      severity: string;
    }[];
    expect(issues.length).toBeGreaterThan(0);
    for (const i of issues) {
      expect(i.type).toBe('issue');
      expect(i.location.path).toBe('plans/bad.md');
      expect(i.fingerprint).toMatch(/^[0-9a-f]{64}$/);
      expect(['info', 'minor', 'major', 'critical', 'blocker']).toContain(i.severity);
    }
  });

  it('lint --format azure writes one logging command per problem', () => {
    const dir = repoWithBadPlan();
    const r = runCli(['lint', 'plans', '--format', 'azure', '--no-cache'], dir);
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    for (const line of lines)
      expect(line).toMatch(
        /^##vso\[task\.logissue type=(error|warning);sourcepath=plans\/bad\.md;linenumber=\d+;columnnumber=\d+;code=[a-z/-]+\]\S/,
      );
  });

  it('build annotates in Azure Pipelines with Azure logging commands, and in GitHub Actions with workflow commands', () => {
    const dir = repoWithBadPlan();
    const azure = build(dir, { TF_BUILD: 'True' }, ['--codequality', 'out/gl-code-quality.json']);
    expect(azure.code).toBe(1);
    expect(azure.stdout).toMatch(/^##vso\[task\.logissue type=error;sourcepath=plans\/bad\.md;/m);
    expect(azure.stdout).not.toMatch(/^::error/m);
    expect(
      (JSON.parse(readFileSync(join(dir, 'out', 'gl-code-quality.json'), 'utf8')) as unknown[]).length,
    ).toBeGreaterThan(0);
    const github = build(dir, { GITHUB_ACTIONS: 'true' });
    expect(github.stdout).toMatch(/^::error file=plans\/bad\.md,/m);
    const plain = build(dir, {});
    expect(plain.stdout).not.toMatch(/^(::error|##vso)/m);
  });
});
