/**
 * Globs and schema extensions come from the repository (and, for plan globs, from workspace settings
 * honoured in untrusted workspaces). Pathological ones are refused with a reason; a faulty extension
 * is one configuration error naming the file (exit 2), never a hang or an error on every plan.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import picomatch from 'picomatch';
import { describe, expect, it } from 'vitest';
import { extensionProblem, patternProblem } from '../../core/config/check-extension.js';
import { loadPlanSchema } from '../../core/schema/load-schema.js';
import { ConfigError, findConfigFile, loadConfigFile } from '../../core/config/config.js';
import { globProblem } from '../../core/config/glob-bounds.js';
import { knownRuleIds } from '../../core/rules/catalogue.js';
import { runCliAsync, tempWorkspace } from '../helpers/cli.js';

describe('glob bounds', () => {
  it('ordinary globs pass and still match', () => {
    for (const g of ['plans/archive/**', '**/*.draft.md', 'plans/{old,retired}/*.md', '!plans/keep.md'])
      expect(globProblem(g), g).toBeUndefined();
    expect(picomatch('plans/archive/**')('plans/archive/2024/x.md')).toBe(true);
  });

  it('pathological globs are refused with the reason', () => {
    expect(globProblem('*a'.repeat(20) + 'b')).toBe('it has 20 wildcards; at most 8 are allowed');
    expect(globProblem('**/'.repeat(6) + 'x')).toBe("it has 6 '**'; at most 3 are allowed");
    expect(globProblem('plans/{1..1000000}.md')).toMatch(/range such as \{1\.\.9\}/);
    expect(globProblem('x'.repeat(300))).toBe('it is 300 characters long; globs may be at most 256');
    expect(globProblem('{a,b}{c,d}{e,f}{g,h}{i,j}')).toBe("it has 5 '{' groups; at most 4 are allowed");
  });

  it('an ignore glob past the bounds is a configuration error naming the file', () => {
    const dir = tempWorkspace(false);
    const file = join(dir, 'continuity.config.json');
    writeFileSync(file, JSON.stringify({ ignore: ['plans/archive/**', '*a'.repeat(20) + 'b'] }));
    expect(() => loadConfigFile(file, knownRuleIds())).toThrow(ConfigError);
    expect(() => loadConfigFile(file, knownRuleIds())).toThrow(`${file}: the "ignore" glob`);
  });
});

describe('schema extension bounds', () => {
  it('patterns: catastrophic, invalid and over-long ones are refused; ordinary ones pass', () => {
    expect(patternProblem('^(a+)+$')).toMatch(/catastrophic backtracking/);
    expect(patternProblem('^\\s*(x|x)*\\s*$')).toMatch(/catastrophic backtracking/);
    expect(patternProblem('([')).toMatch(/not a valid regular expression/);
    expect(patternProblem('a'.repeat(600))).toMatch(/at most 500/);
    expect(patternProblem('[Cc]linical [Ss]ystem|EMIS')).toBeUndefined();
    expect(patternProblem('^Q[A-Z0-9]{2}$')).toBeUndefined();
  }, 120_000);

  it('lint: a catastrophic pattern and a malformed extension are each one configuration error (exit 2) naming the file', async () => {
    const dir = tempWorkspace();
    writeFileSync(join(dir, 'continuity.config.json'), JSON.stringify({ schema: 'icb.schema.json' }));
    const ext = join(dir, 'icb.schema.json');
    writeFileSync(
      ext,
      JSON.stringify({
        properties: { frontMatter: { properties: { icb_code: { type: 'string', pattern: '^(Q+)+$' } } } },
      }),
    );
    const bad = await runCliAsync(['lint', 'plans'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr.split('\n').filter((l) => l.includes('icb.schema.json')).length).toBe(1);
    expect(bad.stderr).toContain(`the schema extension ${ext} cannot be used: its pattern "^(Q+)+$" is refused`);
    expect(bad.stdout).not.toContain('internal-error');

    writeFileSync(ext, JSON.stringify({ type: 'nonsense' }));
    const malformed = await runCliAsync(['lint', 'plans'], dir);
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toContain(
      `the schema extension ${ext} cannot be used: it is not a valid extension of the plan schema`,
    );
    expect(malformed.stdout).not.toContain('internal-error');

    // An annotation the tools read with the wrong shape: a number where a section's starter text goes.
    // Before, the schema compiled and the empty-section rule failed on every plan with the section.
    const section = { type: 'object', title: 'Local arrangements', 'x-template': 42 };
    writeFileSync(
      ext,
      JSON.stringify({
        type: 'object',
        properties: { sections: { type: 'object', properties: { 'local-arrangements': section } } },
      }),
    );
    const annotation = await runCliAsync(['lint', 'plans'], dir);
    expect(annotation.code).toBe(2);
    expect(annotation.stderr).toContain(
      `the schema extension ${ext} cannot be used: its "x-template" at /properties/sections/properties/local-arrangements is not what the tools read: it must be text: the starter text inserted for a missing section`,
    );
    expect(annotation.stdout).not.toContain('internal-error');
  }, 300_000);

  it('every annotation the tools read is checked for its shape; well-formed ones pass', () => {
    const base = loadPlanSchema();
    const withSection = (annotations: Record<string, unknown>) =>
      extensionProblem(base, {
        type: 'object',
        properties: {
          sections: { type: 'object', properties: { local: { type: 'object', title: 'Local', ...annotations } } },
        },
      });
    expect(
      withSection({
        'x-why': 'Why.',
        'x-write': 'What.',
        'x-template': 'Text.',
        'x-aliases': ['Local'],
        'x-keywords': ['local'],
        'x-related': ['area'],
        'x-recommended': true,
        'x-priority': 3,
        'x-sources': [{ title: 'NHS', url: 'https://www.england.nhs.uk/' }],
      }),
    ).toBeUndefined();
    const wrong: [string, unknown][] = [
      ['x-why', ['a list']],
      ['x-write', 7],
      ['x-template', { text: 'x' }],
      ['x-aliases', 'Local'],
      ['x-keywords', [1]],
      ['x-related', 'area'],
      ['x-recommended', 'yes'],
      ['x-priority', 0],
      ['x-sources', [{ title: 'NHS', url: 'javascript:alert(1)' }]],
      ['x-kind', 'telephone'],
      ['x-row', { Contact: 3 }],
    ];
    for (const [keyword, value] of wrong) {
      const problem = withSection({ [keyword]: value }) ?? '';
      expect(
        problem.startsWith(`its "${keyword}" at /properties/sections/properties/local is not what `),
        problem,
      ).toBe(true);
    }
  });
});

describe('config file discovery', () => {
  it('stops at the repository root: a config file above the repository is not used', async () => {
    const outer = tempWorkspace(false);
    writeFileSync(join(outer, 'continuity.config.json'), JSON.stringify({ rules: { 'nhs-number': 'off' } }));
    const repo = join(outer, 'repo');
    mkdirSync(join(repo, '.git'), { recursive: true });
    mkdirSync(join(repo, 'plans'));
    writeFileSync(join(repo, 'plans/plan.md'), '# Plan\n\nCall back patient 943 476 5919 first.\n');
    expect(findConfigFile(join(repo, 'plans'))).toBeUndefined();
    expect(findConfigFile(outer)).toBe(join(outer, 'continuity.config.json'));
    const r = await runCliAsync(['lint', 'plans/plan.md'], repo);
    expect(r.stdout).toContain('nhs-number');
  }, 120_000);
});
