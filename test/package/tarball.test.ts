// The npm package as a user gets it: `npm pack`, installed from the tarball into an empty folder, and
// every declared bin and export run from there. A file missing from package.json `files` fails here
// (the language server once exited with ERR_MODULE_NOT_FOUND from an installed tarball).
// Slow (an npm install from the local cache), but never timed: no assertion is on speed.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/plans.js';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  name: string;
  bin: Record<string, string>;
  exports: Record<string, string>;
  devDependencies: Record<string, string>;
};

let dir: string;
const env = {
  ...process.env,
  NO_COLOR: '1',
  GITHUB_ACTIONS: '',
  TF_BUILD: '',
  npm_config_audit: 'false',
  npm_config_fund: 'false',
};

/** Not spawnSync: npm pack and npm install take minutes under load, and vitest's worker must keep answering. */
function run(cmd: string, args: string[], cwd = dir): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', (e) => resolve({ code: -1, stdout, stderr: stderr + String(e) }));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

function installed(...parts: string[]): string {
  return join(dir, 'node_modules', pkg.name, ...parts);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'continuity-tarball-'));
  // The build is already done (npm test builds first); --ignore-scripts keeps `prepare` from rebuilding.
  const pack = await run('npm', ['pack', '--ignore-scripts', '--pack-destination', dir], ROOT);
  expect(pack.code, pack.stderr).toBe(0);
  const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'));
  expect(tarball).toBeDefined();
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'tarball-smoke', private: true, type: 'module' }));
  // The tarball is local; its dependencies come from the npm cache (or the registry when not cached).
  const install = await run('npm', [
    'install',
    '--prefer-offline',
    '--no-audit',
    '--no-fund',
    `./${tarball}`,
    `remark-cli@${pkg.devDependencies['remark-cli']}`,
  ]);
  expect(install.code, install.stderr).toBe(0);
}, 600_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the installed npm package', () => {
  it('declares bins whose files are all in the tarball', async () => {
    for (const file of Object.values(pkg.bin)) expect(existsSync(installed(file)), file).toBe(true);
    for (const target of Object.values(pkg.exports)) expect(existsSync(installed(target)), target).toBe(true);
  });

  it('runs continuity --version, new and lint', async () => {
    const version = await run(join(dir, 'node_modules', '.bin', 'continuity'), ['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);

    const created = await run(join(dir, 'node_modules', '.bin', 'continuity'), [
      'new',
      '--name',
      'Tarball Surgery',
      '--ods',
      'K81003',
      '--out',
      'plan.md',
      '--today',
      '2026-11-22',
    ]);
    expect(created.code, created.stderr).toBe(0);
    expect(readFileSync(join(dir, 'plan.md'), 'utf8')).toContain('Tarball Surgery');

    const lint = await run(join(dir, 'node_modules', '.bin', 'continuity'), [
      'lint',
      'plan.md',
      '--format',
      'json',
      '--today',
      '2026-11-22',
    ]);
    expect(lint.code, lint.stderr).toBe(0); // a fresh plan has placeholder warnings, no errors
    const results = JSON.parse(lint.stdout) as { path: string; diagnostics: { ruleId: string; url: string }[] }[];
    expect(results).toHaveLength(1);
    expect(results[0].diagnostics.some((m) => m.ruleId === 'placeholder')).toBe(true);
    // Rule links open the docs inside the installed package.
    const link = new URL(results[0].diagnostics[0].url);
    expect(fileURLToPath(link)).toBe(installed('docs', 'rules.md'));
    expect(readFileSync(installed('docs', 'rules.md'), 'utf8')).toContain(`## ${results[0].diagnostics[0].ruleId}\n`);
  });

  it("runs render's doctor (the browser that prints starts)", async () => {
    const doctor = await run(join(dir, 'node_modules', '.bin', 'continuity'), ['doctor']);
    expect(doctor.stderr).toBe('');
    expect(doctor.stdout).toContain('Ready to print PDFs');
    expect(doctor.code).toBe(0);
  });

  it('starts continuity-language-server, which answers initialize over stdio', async () => {
    const child = spawn(join(dir, 'node_modules', '.bin', 'continuity-language-server'), ['--stdio'], {
      cwd: dir,
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const body = JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { processId: process.pid, rootUri: null, capabilities: {} },
    });
    const answer = await new Promise<{ result?: { capabilities?: Record<string, unknown> } }>((resolve, reject) => {
      child.on('exit', (code) => reject(new Error(`the language server exited (${code}): ${stderr}`)));
      child.stdout.on('data', (d) => {
        stdout += d;
        const header = /Content-Length: (\d+)\r\n\r\n/.exec(stdout);
        if (!header) return;
        const start = header.index + header[0].length;
        const length = Number(header[1]);
        if (Buffer.byteLength(stdout.slice(start)) >= length) resolve(JSON.parse(stdout.slice(start, start + length)));
      });
      child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    });
    child.removeAllListeners('exit');
    child.kill();
    expect(answer.result?.capabilities).toBeDefined();
    expect(answer.result?.capabilities).toHaveProperty('textDocumentSync');
  });

  it('checks a plan with the remark preset in remark-cli', async () => {
    writeFileSync(join(dir, 'broken.md'), '---\npractice:\n  name: Broken Surgery\n---\n\n# Plan\n');
    const remark = await run(join(dir, 'node_modules', '.bin', 'remark'), [
      '--use',
      `${pkg.name}/preset`,
      '--frail',
      '--no-color',
      'broken.md',
    ]);
    expect(remark.code).toBe(1);
    expect(remark.stderr).toMatch(/broken\.md/);
    expect(remark.stderr).toMatch(/error/);
    const clean = await run(join(dir, 'node_modules', '.bin', 'remark'), [
      '--use',
      `${pkg.name}/preset`,
      '--no-color',
      'plan.md',
    ]);
    expect(clean.stderr).toContain('placeholder');
  });

  it('exports the engine and the schema', async () => {
    const script = `import * as core from '${pkg.name}'; import schema from '${pkg.name}/schema/plan.schema.json' with { type: 'json' }; console.log(JSON.stringify({ core: Object.keys(core).length, schema: typeof schema.properties }));`;
    writeFileSync(join(dir, 'exports.mjs'), script);
    const r = await run(process.execPath, ['exports.mjs']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { core: number; schema: string };
    expect(out.core).toBeGreaterThan(0);
    expect(out.schema).toBe('object');
  });
});
