// The VS Code extension's manifest metadata, and the JSON Schema of continuity.config.json it
// contributes (checked to agree with the config loader on valid and invalid configs).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { ConfigError, resolveConfig } from '../../core/config/config.js';
import { knownRuleIds, ruleCatalogue } from '../../core/rules/catalogue.js';
import { ROOT } from '../helpers/plans.js';

const manifest = JSON.parse(readFileSync(join(ROOT, 'extension', 'package.json'), 'utf8'));
const rootPackage = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

describe('extension manifest', () => {
  it('has a 128x128 PNG icon that the package includes', () => {
    const png = readFileSync(join(ROOT, 'extension', manifest.icon));
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([128, 128]);
    expect(readFileSync(join(ROOT, 'extension', '.vscodeignore'), 'utf8')).toContain(`!${manifest.icon}`);
  });

  it('gives every setting a scope', () => {
    for (const [key, setting] of Object.entries(
      manifest.contributes.configuration.properties as Record<string, { scope?: string }>,
    )) {
      expect(
        ['application', 'machine', 'machine-overridable', 'window', 'resource', 'language-overridable'],
        key,
      ).toContain(setting.scope);
    }
  });

  it('asks for the VS Code version whose API types it is built against', () => {
    const types = rootPackage.devDependencies['@types/vscode'] as string;
    const [major, minor] = types.split('.');
    expect(manifest.engines.vscode).toBe(`^${major}.${minor}.0`);
  });

  it('names no placeholder repository, homepage or issue tracker', () => {
    for (const key of ['repository', 'homepage', 'bugs']) {
      const value = JSON.stringify(manifest[key] ?? '');
      expect(value, key).not.toMatch(/\.invalid|example\./);
    }
  });

  it('contributes the config schema, which the extension build copies, and builds the bundle once per package', () => {
    expect(manifest.contributes.jsonValidation).toEqual([
      { fileMatch: 'continuity.config.json', url: './schema/continuity.config.schema.json' },
    ]);
    expect(readFileSync(join(ROOT, 'extension', 'build.mjs'), 'utf8')).toContain("'continuity.config.schema.json'");
    expect(manifest.scripts['vscode:prepublish']).toBe('node build.mjs');
    expect(rootPackage.scripts.package).not.toContain('build.mjs'); // vsce runs vscode:prepublish: building first would build twice
    // With no repository named, vsce would stop and ask; the flag says that is intended.
    if (!manifest.repository) expect(rootPackage.scripts.package).toContain('--allow-missing-repository');
  });
});

describe('continuity.config.json schema', () => {
  const schema = JSON.parse(readFileSync(join(ROOT, 'schema', 'continuity.config.schema.json'), 'utf8'));
  const validate = new Ajv({ strict: false }).compile(schema);
  const loaderAccepts = (config: unknown) => {
    try {
      resolveConfig(config, ROOT, knownRuleIds());
      return true;
    } catch (e) {
      if (e instanceof ConfigError) return false;
      throw e;
    }
  };

  it('names every rule whose level can be set', () => {
    const settable = ruleCatalogue().filter((r) => !r.fixed);
    expect(settable.length).toBeLessThan(knownRuleIds().length);
    expect(Object.keys(schema.properties.rules.properties).sort()).toEqual(settable.map((r) => r.id).sort());
  });

  const cases: [string, unknown][] = [
    ['empty', {}],
    ['levels', { rules: { placeholder: 'error', 'recommended-section': 'off' } }],
    ['level with options', { rules: { 'contacts-verified': ['warning', { maxAgeMonths: 3 }] } }],
    ['ignore and docsUrl', { ignore: ['archive/**'], docsUrl: 'https://icb.example.org/rules.html' }],
    ['unknown setting', { rulez: {} }],
    ['unknown rule', { rules: { 'no-such-rule': 'error' } }],
    ['unknown level', { rules: { placeholder: 'loud' } }],
    ['a level that cannot be set', { rules: { 'unreadable-file': 'off' } }],
    ['another level that cannot be set', { rules: { 'internal-error': 'warning' } }],
    ['ignore not a list', { ignore: 'archive/**' }],
    ['docsUrl not a web address', { docsUrl: 'javascript:alert(1)' }],
    ['docsUrl with an anchor', { docsUrl: 'https://icb.example.org/rules.html#x' }],
  ];
  for (const [name, config] of cases) {
    it(`agrees with the config loader: ${name}`, () => {
      expect(validate(config)).toBe(loaderAccepts(config));
    });
  }
});

describe('the extension on the desktop and the web', () => {
  it('has a desktop entry (main) and a web entry (browser), each bundled by the build and packaged', () => {
    expect(manifest.main).toBe('./dist/client.js');
    expect(manifest.browser).toBe('./dist/web/client.js');
    const ignore = readFileSync(join(ROOT, 'extension', '.vscodeignore'), 'utf8').split('\n');
    for (const f of ['dist/client.js', 'dist/server.mjs', 'dist/web/client.js', 'dist/web/server.js'])
      expect(ignore, f).toContain(`!${f}`);
    expect(manifest.capabilities.virtualWorkspaces).toEqual({ supported: true });
  });

  it('is recommended to whoever opens the repository (vscode.dev and github.dev offer to install it)', () => {
    const recommended = JSON.parse(readFileSync(join(ROOT, '.vscode', 'extensions.json'), 'utf8')).recommendations;
    expect(recommended).toContain(`${manifest.publisher}.${manifest.name}`);
  });

  it('runs every command it contributes from the command table, and contributes every command in the table', () => {
    const table = readFileSync(join(ROOT, 'extension', 'client', 'commands', 'index.ts'), 'utf8');
    const inTable = [...table.matchAll(/^ {2}'(continuity\.[A-Za-z]+)':/gm)].map((m) => m[1]).sort();
    const contributed = (manifest.contributes.commands as { command: string }[]).map((c) => c.command).sort();
    expect(inTable).toEqual(contributed);
  });

  it('hides the PDF commands in the browser, where Save print copy takes their place', () => {
    const menus = manifest.contributes.menus as Record<string, { command: string; when: string }[]>;
    for (const [menu, entries] of Object.entries(menus))
      for (const e of entries.filter((x) => /continuity\.print(Pdf|Draft)$/.test(x.command)))
        expect(e.when, `${menu} ${e.command}`).toMatch(/(^|&& )!isWeb$|^false$/);
    const save = menus['editor/title'].find(
      (e) => e.command === 'continuity.savePrintCopy' && /&& isWeb$/.test(e.when),
    );
    expect(save?.group).toBe('navigation@2');
    const steps = manifest.contributes.walkthroughs[0].steps as { id: string; when?: string; description: string }[];
    expect(steps.find((s) => s.id === 'print')?.when).toBe('!isWeb');
    expect(steps.find((s) => s.id === 'print-web')).toMatchObject({ when: 'isWeb', description: /savePrintCopy/ });
  });
});
