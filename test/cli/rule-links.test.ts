// Rule links that open: by default the docs shipped with the tools (a file: URL to docs/rules.md, whose
// heading the anchor names); with `docsUrl` in continuity.config.json, an ICB's published copy.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ruleAnchor, ruleDocsUrl } from '../../core/rules/docs-url.js';
import { ruleCatalogue } from '../../core/rules/catalogue.js';
import { runCli, tempWorkspace } from '../helpers/cli.js';

describe('rule links', () => {
  it('point at the shipped docs/rules.md, at a heading that exists, for every rule', () => {
    const docs = readFileSync(join(fileURLToPath(new URL('../../docs/rules.md', import.meta.url))), 'utf8');
    for (const rule of ruleCatalogue()) {
      const url = new URL(rule.url);
      expect(url.protocol, rule.id).toBe('file:');
      expect(existsSync(fileURLToPath(url)), rule.id).toBe(true);
      expect(url.hash).toBe(`#${ruleAnchor(rule.id)}`);
      expect(docs, rule.id).toContain(`## ${rule.id}\n`);
    }
  });

  it('use a configured base address, and never a placeholder host', () => {
    expect(ruleDocsUrl('schema/required-row', 'https://icb.example.org/rules.html')).toBe(
      'https://icb.example.org/rules.html#schemarequired-row',
    );
    const dir = tempWorkspace();
    const plain = runCli(['lint', 'plans/template.md', '--format', 'json', '--no-cache'], dir);
    expect(plain.stdout).not.toContain('.invalid');
    expect(plain.stdout).toContain('file://');
    writeFileSync(
      join(dir, 'continuity.config.json'),
      JSON.stringify({ docsUrl: 'https://icb.example.org/continuity/rules.html' }),
    );
    const configured = JSON.parse(
      runCli(['lint', 'plans/template.md', '--format', 'json', '--no-cache'], dir).stdout,
    ) as { diagnostics: { url: string }[] }[];
    for (const d of configured[0].diagnostics)
      expect(d.url).toMatch(/^https:\/\/icb\.example\.org\/continuity\/rules\.html#[a-z0-9-]+$/);
  });

  it('refuse a docsUrl that is not a web address', () => {
    const dir = tempWorkspace();
    writeFileSync(join(dir, 'continuity.config.json'), JSON.stringify({ docsUrl: 'javascript:alert(1)' }));
    const r = runCli(['lint', 'plans/template.md', '--no-cache'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"docsUrl"');
  });
});
