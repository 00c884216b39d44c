// Rule links that open: by default the docs shipped with the tools (a file: URL to docs/rules.md, whose
// heading the anchor names); with `docsUrl` in continuity.config.json, an ICB's published copy.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ruleAnchor, ruleDocsUrl } from '../../core/rules/docs-url.js';
import { ruleCatalogue } from '../../core/rules/catalogue.js';
import { runCli, runCliAsync, tempWorkspace } from '../helpers/cli.js';
import { ROOT } from '../helpers/plans.js';
import Ajv from 'ajv';
import { docsUrlProblem } from '../../core/config/docs-url-setting.js';

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

  it('use a configured base address, and never a placeholder host', async () => {
    expect(ruleDocsUrl('schema/required-row', 'https://icb.example.org/rules.html')).toBe(
      'https://icb.example.org/rules.html#schemarequired-row',
    );
    const dir = tempWorkspace();
    const plain = await runCliAsync(['lint', 'plans/template.md', '--format', 'json', '--no-cache'], dir);
    expect(plain.stdout).not.toContain('.invalid');
    expect(plain.stdout).toContain('file://');
    writeFileSync(
      join(dir, 'continuity.config.json'),
      JSON.stringify({ docsUrl: 'https://icb.example.org/continuity/rules.html' }),
    );
    const configured = JSON.parse(
      (await runCliAsync(['lint', 'plans/template.md', '--format', 'json', '--no-cache'], dir)).stdout,
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

describe('docsUrl from a pull request', () => {
  // The config is in the repository, so a pull request can change it; the address goes into markdown
  // links ([Rule documentation](URL)) and attributes on every rule's SARIF help.
  const schema = JSON.parse(readFileSync(join(ROOT, 'schema', 'continuity.config.schema.json'), 'utf8'));
  const editorAccepts = new Ajv({ strict: false, validateFormats: false }).compile(schema);
  const loaderAccepts = (docsUrl: string) => docsUrlProblem(docsUrl) === undefined;

  const refused: [string, string][] = [
    ['https://icb.example.org/rules.html)![x](https://evil.example/pixel.png', '")"'],
    ['https://icb.example.org/rules.html"onmouseover="alert(1)', '"\\""'],
    ["https://icb.example.org/rules.html'><img src=x>", `"'"`],
    ['https://icb.example.org/rules.html><script>', '">"'],
    ['https://icb.example.org/rules (1).html', '" "'],
    ['https://icb.example.org/rules.html\n[x](y)', '"\\n"'],
    ['https://icb.example.org\\@evil.example/rules.html', '"\\\\"'],
    ['https://nhs.uk@evil.example/rules.html', '"@"'],
    ['https://icb.example.org/[rules].html', '"["'],
    ['https://icb.example.org/rules.html`x`', '"`"'],
  ];
  it.each(refused)('refuses %j: it names the character that could break out of a link', (url, shown) => {
    expect(docsUrlProblem(url)).toContain(`it contains ${shown}, which is not allowed`);
    expect(editorAccepts({ docsUrl: url })).toBe(false);
  });

  it.each([
    ['http://icb.example.org/rules.html', 'only https:// is accepted'],
    ['HTTP://icb.example.org/rules.html', 'only https:// is accepted'],
    ['ftp://icb.example.org/rules.html', 'does not start https://'],
    ['https://icb.example.org/rules.html#top', 'has a #anchor'],
    ['https://icb.example.org/rules%zz.html', 'every % in it must begin an escape'],
    ['https://', 'not a well-formed web address'],
    ['https://-icb.example.org/', 'not a well-formed web address'],
    [`https://icb.example.org/${'a'.repeat(2000)}`, 'at most 2000 are allowed'],
  ])('refuses %j (%s), and the editor schema does too', (url, why) => {
    expect(docsUrlProblem(url)).toContain(why);
    expect(editorAccepts({ docsUrl: url })).toBe(false);
  });

  it.each([
    'https://icb.example.org/rules.html',
    'https://icb.example.nhs.uk/continuity/rules.html',
    'https://intranet.icb.nhs.uk:8443/docs/continuity%20rules.html?version=2&lang=en',
    'https://xn--bcher-kva.example/rules.html',
    'https://icb.example.org',
  ])('accepts %j, as does the editor schema', (url) => {
    expect(loaderAccepts(url)).toBe(true);
    expect(editorAccepts({ docsUrl: url })).toBe(true);
  });

  it('a config with a link-breaking docsUrl stops lint (exit 2) with the reason; no report is written', () => {
    const dir = tempWorkspace();
    writeFileSync(
      join(dir, 'continuity.config.json'),
      JSON.stringify({ docsUrl: 'https://icb.example.org/rules.html)![x](https://evil.example/p.png' }),
    );
    const r = runCli(
      ['lint', 'plans/example-riverside-medical-centre.md', '--no-cache', '-f', 'sarif', '-o', 'out.sarif'],
      dir,
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `continuity: ${join(dir, 'continuity.config.json')}: "docsUrl" must be the web address of your copy of the rule docs, starting https:// (no #anchor: each rule's is added), e.g. "https://icb.example.nhs.uk/continuity/rules.html"; it contains ")", which is not allowed: spaces, quotes, brackets, parentheses, < >, backslashes and @ could break out of the links made from it\n`,
    );
    expect(existsSync(join(dir, 'out.sarif'))).toBe(false);
  });
});
