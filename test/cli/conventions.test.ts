// CLI conventions, checked as a user meets them: every command's --help and --version, real dates,
// NO_COLOR / FORCE_COLOR, a closed stdout, the template left out of folder checks, and the option
// lists of docs/cli.md made from the same table as the parser.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS, optionListsMarkdown } from '../../cli/command-table.js';
import { runCliAsync, tempWorkspace } from '../helpers/cli.js';
import { ROOT } from '../helpers/plans.js';

const bin = join(ROOT, 'bin', 'continuity.js');
const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

function sh(script: string, env: Record<string, string | undefined>, cwd = ROOT) {
  const r = spawnSync('bash', ['-o', 'pipefail', '-c', script], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...env },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** The same without blocking the test worker, so independent runs can go side by side. */
function shAsync(script: string, env: Record<string, string | undefined>, cwd = ROOT) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolvePromise) => {
    const child = spawn('bash', ['-o', 'pipefail', '-c', script], {
      cwd,
      env: { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolvePromise({ code: code ?? -1, stdout, stderr }));
  });
}

// Each case is its own run of the CLI, independent of the others: they run side by side.
describe.concurrent('--help and --version for every command', () => {
  for (const command of COMMANDS) {
    it(`continuity ${command.name} --help lists every option and exits 0`, async ({ expect }) => {
      const r = await runCliAsync([command.name, '--help'], ROOT, { today: false });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`Usage: continuity ${command.name}`);
      for (const o of command.options) expect(r.stdout).toContain(`--${o.name}`);
    });
    it(`continuity ${command.name} --version prints the package version`, async ({ expect }) => {
      const r = await runCliAsync([command.name, '--version'], ROOT, { today: false });
      expect(r.code).toBe(0);
      expect(r.stdout.trim()).toBe(version);
    });
  }

  it('an unknown option is a usage error that points at the help', async ({ expect }) => {
    const r = await runCliAsync(['lint', '--colour'], ROOT, { today: false });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('continuity lint --help');
  });

  it("docs/cli.md's option lists are the table's (npm run generate writes them)", ({ expect }) => {
    const page = readFileSync(join(ROOT, 'docs', 'cli.md'), 'utf8');
    expect(page).toContain(`<!-- cli-options:start -->\n${optionListsMarkdown()}\n<!-- cli-options:end -->`);
    expect(optionListsMarkdown()).toContain('--workers N');
  });
});

describe.concurrent('dates', () => {
  for (const bad of ['2026-02-31', '2026-13-01', '2025-02-29', '2026-1-01', 'tomorrow']) {
    it(`--today ${bad} is refused`, async ({ expect }) => {
      const r = await runCliAsync(['lint', 'plans', '--today', bad], ROOT, { today: false });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('real date');
    });
  }
  it('a leap day in a leap year is accepted', async ({ expect }) => {
    const r = await runCliAsync(
      ['lint', 'plans/example-riverside-medical-centre.md', '--today', '2028-02-29', '--no-cache'],
      ROOT,
      { today: false },
    );
    expect(r.code).not.toBe(2);
  });
});

describe('colour', () => {
  const cmd = `node ${bin} lint plans/template.md --today 2026-11-22 --no-cache`;
  it('a pipe gets no colour; FORCE_COLOR=1 forces it; NO_COLOR=1 wins over a terminal but not over FORCE_COLOR', async () => {
    const [plain, forced, forcedOff, noColor] = await Promise.all([
      shAsync(cmd, {}),
      shAsync(cmd, { FORCE_COLOR: '1' }),
      shAsync(cmd, { FORCE_COLOR: '0' }),
      shAsync(cmd, { NO_COLOR: '1' }),
    ]);
    expect(plain.stdout).not.toContain('\u001b[');
    expect(forced.stdout).toContain('\u001b[');
    expect(forcedOff.stdout).not.toContain('\u001b[');
    expect(noColor.stdout).not.toContain('\u001b[');
  });
});

describe('a closed stdout', () => {
  it('is not a crash: `| head -1` ends quietly with exit 0', () => {
    const dir = tempWorkspace();
    // Enough output to outrun the pipe's buffer: the template's warnings as JSON, many times over.
    const r = sh(
      `node ${bin} lint plans/template.md plans/template.md --format json --today 2026-11-22 --no-cache | head -c 1`,
      {},
      dir,
    );
    expect(r.stderr).not.toMatch(/EPIPE|Error|internal/);
    expect(r.code).toBe(0);
  });
});

describe('the plan template', () => {
  it('is left out of folder checks, with a note on stderr, and checked when named', async () => {
    const [folder, named] = await Promise.all([
      runCliAsync(['lint', 'plans', '--format', 'json', '--no-cache'], ROOT),
      runCliAsync(['lint', 'plans/template.md', '--format', 'json', '--no-cache'], ROOT),
    ]);
    expect(folder.code).toBe(0);
    const files = (JSON.parse(folder.stdout) as { path: string }[]).map((f) => f.path);
    expect(files).not.toContain('plans/template.md');
    expect(files.length).toBeGreaterThan(0);
    expect(folder.stderr).toContain('left out plans/template.md');
    expect((JSON.parse(named.stdout) as { path: string; warningCount: number }[])[0].warningCount).toBeGreaterThan(0);
  });

  it('continuity new writes a plan without the marker, which folder checks then include', async () => {
    const dir = tempWorkspace(false);
    expect(
      (await runCliAsync(['new', '--name', 'Marker Surgery', '--ods', 'K81003', '--out', 'plans/marker.md'], dir)).code,
    ).toBe(0);
    expect(readFileSync(join(dir, 'plans', 'marker.md'), 'utf8')).not.toContain('plan_template');
    const r = await runCliAsync(['lint', 'plans', '--format', 'json', '--no-cache'], dir);
    expect((JSON.parse(r.stdout) as { path: string }[]).map((f) => f.path)).toEqual(['plans/marker.md']);
  });
});
