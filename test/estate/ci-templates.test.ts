// The CI files shipped for plans repositories: valid YAML, and every continuity command in them
// (including the commented sharded example) uses a command and options the CLI really has.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runCli, runCliAsync } from '../helpers/cli.js';
import { ROOT } from '../helpers/plans.js';

const dir = join(ROOT, 'ci-templates');
const help = runCli(['--help'], ROOT).stdout;

describe('CI templates', () => {
  const files = readdirSync(dir).filter((f) => f.endsWith('.yml'));

  it('ship GitHub Actions, Azure Pipelines and GitLab files that parse as YAML', () => {
    expect(files.sort()).toEqual(['azure-pipelines.yml', 'github-actions.yml', 'gitlab-ci.yml']);
    for (const f of files) expect(() => parse(readFileSync(join(dir, f), 'utf8')), f).not.toThrow();
  });

  it('use only commands and options the CLI has', async () => {
    const commands = files.flatMap((f) =>
      [...readFileSync(join(dir, f), 'utf8').matchAll(/npx continuity (\w[\w-]*)([^\n]*)/g)].map((m) => ({
        f,
        command: m[1],
        args: m[2],
      })),
    );
    expect(commands.length).toBeGreaterThanOrEqual(8);
    // Each command's help once, side by side and without blocking vitest's worker while they run.
    const names = [...new Set(commands.map((c) => c.command))];
    const helps = new Map(
      await Promise.all(names.map(async (n) => [n, await runCliAsync([n, '--help'], ROOT, { today: false })] as const)),
    );
    for (const { f, command, args } of commands) {
      expect(help, `${f}: continuity ${command}`).toContain(`continuity ${command}`);
      const commandHelp = helps.get(command)!;
      expect(commandHelp.code, `${f}: continuity ${command} --help`).toBe(0);
      for (const flag of args.match(/--[a-z][a-z-]*/g) ?? [])
        expect(commandHelp.stdout, `${f}: ${flag}`).toMatch(new RegExp(`${flag}\\b`));
    }
  });

  it('the GitHub workflow annotates pull requests, uploads SARIF and builds the site on main', () => {
    const wf = parse(readFileSync(join(dir, 'github-actions.yml'), 'utf8'));
    const steps = (job: string) =>
      (wf.jobs[job].steps as { run?: string; uses?: string }[]).map((s) => s.run ?? s.uses ?? '').join('\n');
    expect(steps('check')).toContain('npx continuity lint plans --format github');
    expect(steps('check')).toContain('github/codeql-action/upload-sarif');
    expect(wf.jobs.check.permissions['security-events']).toBe('write');
    expect(steps('publish')).toContain('npx continuity build plans --out "$HOME/.continuity-state/site"');
    expect(wf.on).toHaveProperty('pull_request');
  });
});
