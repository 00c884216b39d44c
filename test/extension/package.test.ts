// The installable extension: engine range, bundled files only, and the language server standalone.
import { describe, expect, it } from 'vitest';
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/plans.js';

const manifest = JSON.parse(readFileSync(join(ROOT, 'extension', 'package.json'), 'utf8'));
const rootManifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

function satisfiesCaret(range: string, version: string): boolean {
  const [rMaj, rMin] = range.replace(/^\^/, '').split('.').map(Number);
  const [vMaj, vMin] = version.split('.').map(Number);
  return vMaj === rMaj && vMin >= rMin;
}

describe('extension package', () => {
  it('engines.vscode accepts VS Code 1.100 and @types/vscode is not newer than the engine range', () => {
    expect(satisfiesCaret(manifest.engines.vscode, '1.100.0')).toBe(true);
    const types = rootManifest.devDependencies['@types/vscode'];
    expect(satisfiesCaret(manifest.engines.vscode, types)).toBe(true);
    expect(types.startsWith('1.100')).toBe(true);
  });

  it('npm run package makes a .vsix holding the desktop and web bundles, schema and template and no node_modules', async () => {
    // Not spawnSync: packaging takes a while under load, and vitest's worker must keep answering.
    const r = await new Promise<{ status: number | null; stderr: string }>((resolve) => {
      const child = spawn('npm', ['run', 'package', '--silent'], { cwd: ROOT });
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      child.stdout.resume();
      child.on('close', (status) => resolve({ status, stderr }));
    });
    expect(r.status, r.stderr).toBe(0);
    const listing = execFileSync('unzip', ['-Z1', join(ROOT, 'continuity-plans.vsix')], { encoding: 'utf8' })
      .trim()
      .split('\n');
    expect(listing).toEqual(
      expect.arrayContaining([
        'extension/dist/client.js',
        'extension/dist/server.mjs',
        'extension/dist/web/client.js',
        'extension/dist/web/server.js',
        'extension/docs/rules.md',
        'extension/schema/plan.schema.json',
        'extension/plans/template.md',
        'extension/package.json',
        'extension/media/details-form.js',
        'extension/media/details-form.css',
      ]),
    );
    expect(listing.filter((f) => f.includes('node_modules'))).toEqual([]);
    expect(listing.filter((f) => /\.ts$|\/test\//.test(f))).toEqual([]);
    // The manifest inside names both entries, and the files they name are in the package.
    const packed = JSON.parse(
      execFileSync('unzip', ['-p', join(ROOT, 'continuity-plans.vsix'), 'extension/package.json'], {
        encoding: 'utf8',
      }),
    );
    for (const entry of [packed.main, packed.browser])
      expect(listing).toContain(`extension/${entry.replace(/^\.\//, '')}`);
  }, 120_000);

  it('the bundled language server answers initialize on its own', async () => {
    const msg = JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { processId: null, rootUri: null, capabilities: {} },
    });
    const child = spawn(process.execPath, [join(ROOT, 'extension', 'dist', 'server.mjs'), '--stdio']);
    let out = '';
    const answered = new Promise<void>((resolve) =>
      child.stdout.on('data', (d) => ((out += d), out.includes('"id":1') && resolve())),
    );
    child.stdin.write(`Content-Length: ${Buffer.byteLength(msg)}\r\n\r\n${msg}`);
    await Promise.race([answered, new Promise((r) => setTimeout(r, 10_000))]);
    child.kill();
    expect(out).toMatch(/"name":"continuity-language-server"/);
  });
});
