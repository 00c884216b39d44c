/**
 * Globs and schema extensions come from the repository (and, for plan globs, from workspace settings
 * honoured in untrusted workspaces). Pathological ones are refused with a reason; a faulty extension
 * is one configuration error naming the file (exit 2), never a hang or an error on every plan.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import picomatch from 'picomatch';
import { describe, expect, it } from 'vitest';
import { patternProblem } from '../../core/config/check-extension.js';
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
  }, 300_000);
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
