// `continuity lint` end to end: every format and exit code, config, fixes, cache, new.
import { describe, expect, it } from 'vitest';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { runCliAsync, tempWorkspace } from '../helpers/cli.js';
import { ROOT } from '../helpers/plans.js';

const CLEAN = 'plans/example-riverside-medical-centre.md';

function withBadPlan(dir: string): string {
  const text = readFileSync(join(dir, CLEAN), 'utf8')
    .replace(/next_review: \S+/, 'next_review: 01/06/2027')
    .replace(/^## Telephony failure[\s\S]*?(?=^## )/m, '');
  mkdirSync(join(dir, 'bad'), { recursive: true });
  writeFileSync(join(dir, 'bad', 'bad plan.md'), text);
  return 'bad/bad plan.md';
}

// Each test has a workspace of its own and runs the CLI as a separate process: the tests of a group
// run side by side (at most vitest's maxConcurrency at once).
describe.concurrent('exit codes', () => {
  it('0 for the clean shipped examples', async () => {
    const dir = tempWorkspace();
    const r = await runCliAsync(['lint', 'plans/example-*.md'], dir);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('');
    expect(r.code).toBe(0);
  });
  it('0 for the template (warnings only) unless --max-warnings is exceeded', async () => {
    const dir = tempWorkspace();
    const r = await runCliAsync(['lint', 'plans/template.md'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/warning .*placeholder/);
    expect(r.stdout).not.toMatch(/ error /);
    expect((await runCliAsync(['lint', 'plans/template.md', '--max-warnings', '0'], dir)).code).toBe(1);
  });
  it('1 for a plan with errors, listing file:line:col, severity, message and rule id', async () => {
    const dir = tempWorkspace();
    const bad = withBadPlan(dir);
    const r = await runCliAsync(['lint', bad], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('bad/bad plan.md');
    expect(r.stdout).toMatch(
      /\d+:\d+\s+error\s+The plan has no 'Telephony failure' section\..*schema\/required-section/,
    );
  });
  it('2 for usage errors, with the reason on stderr', async () => {
    const dir = tempWorkspace();
    const cases: [string[], RegExp][] = [
      [['lint', '--format', 'xml'], /unknown format 'xml'. Formats: stylish, json, sarif, github, junit/],
      [['lint', '--bogus'], /bogus/],
      [['lint', 'no/such/folder'], /no plan files/],
      [['lint', '--max-warnings', 'many'], /--max-warnings takes a whole number/],
      [['frobnicate'], /unknown command 'frobnicate'/],
    ];
    // independent runs: side by side
    const runs = await Promise.all(cases.map(([args]) => runCliAsync(args, dir)));
    cases.forEach(([args, message], i) => {
      expect(runs[i].code, args.join(' ')).toBe(2);
      expect(runs[i].stderr).toMatch(message);
    });
  });
  it('--quiet reports errors only', async () => {
    const dir = tempWorkspace();
    const r = await runCliAsync(['lint', 'plans/template.md', '--quiet'], dir);
    expect(r.stdout).toBe('');
    expect(r.code).toBe(0);
  });
});

describe('formats', () => {
  it('json', async () => {
    const dir = tempWorkspace();
    const bad = withBadPlan(dir);
    const r = await runCliAsync(['lint', bad, '--format', 'json'], dir);
    const report = JSON.parse(r.stdout);
    expect(report[0].path).toBe('bad/bad plan.md');
    expect(report[0].errorCount).toBeGreaterThanOrEqual(2);
    expect(report[0].diagnostics.map((d: { ruleId: string }) => d.ruleId)).toContain('schema/required-section');
  });
  it('sarif 2.1.0 with rules, regions and URI-encoded paths', async () => {
    const dir = tempWorkspace();
    const bad = withBadPlan(dir);
    const r = await runCliAsync(['lint', bad, '--format', 'sarif', '--output', 'out.sarif'], dir);
    expect(r.code).toBe(1);
    const sarif = JSON.parse(readFileSync(join(dir, 'out.sarif'), 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    const run = sarif.runs[0];
    expect(run.tool.driver.name).toBe('continuity');
    expect(run.tool.driver.rules.map((x: { id: string }) => x.id)).toContain('nhs-number');
    const result = run.results.find((x: { ruleId: string }) => x.ruleId === 'schema/required-section');
    expect(result.level).toBe('error');
    expect(result.locations[0].physicalLocation.artifactLocation.uri).toBe('bad/bad%20plan.md');
    expect(result.locations[0].physicalLocation.region.startLine).toBeGreaterThan(0);
  });
  it('github workflow annotations', async () => {
    const dir = tempWorkspace();
    const bad = withBadPlan(dir);
    const r = await runCliAsync(['lint', bad, '--format', 'github'], dir);
    expect(r.stdout).toMatch(
      /^::error file=bad\/bad plan.md,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=schema\/required-section::The plan has no 'Telephony failure' section/m,
    );
  });
  it('junit', async () => {
    const dir = tempWorkspace();
    const bad = withBadPlan(dir);
    const r = await runCliAsync(['lint', bad, 'plans/example-moorland-surgery.md', '--format', 'junit'], dir);
    expect(r.stdout).toMatch(/^<\?xml/);
    expect(r.stdout).toMatch(/<testsuite [^>]*name="bad\/bad plan.md"[^>]*failures="[1-9]/);
    expect(r.stdout).toMatch(/<testcase [^>]*name="no problems"/);
  });
});

describe.concurrent('configuration', () => {
  it('rule levels from continuity.config.json found upward', async () => {
    const dir = tempWorkspace();
    writeFileSync(join(dir, 'continuity.config.json'), JSON.stringify({ rules: { placeholder: 'error' } }));
    const r = await runCliAsync(['lint', 'plans/template.md'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/error .*placeholder/);
  });
  it('ignore globs', async () => {
    const dir = tempWorkspace();
    withBadPlan(dir);
    writeFileSync(join(dir, 'continuity.config.json'), JSON.stringify({ ignore: ['bad/**'] }));
    expect((await runCliAsync(['lint', '.'], dir)).stdout).not.toContain('bad plan');
  });
  it('bad configuration fails loudly with the allowed values', async () => {
    const dir = tempWorkspace();
    writeFileSync(join(dir, 'continuity.config.json'), JSON.stringify({ rules: { placeholder: 'loud' } }));
    const r = await runCliAsync(['lint', 'plans'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/rule 'placeholder' has level "loud". Allowed levels: off, info, warning, error/);
    writeFileSync(join(dir, 'continuity.config.json'), JSON.stringify({ rulez: {} }));
    expect((await runCliAsync(['lint', 'plans'], dir)).stderr).toMatch(
      /unknown setting 'rulez'. Allowed settings: rules, ignore, schema/,
    );
    writeFileSync(join(dir, 'continuity.config.json'), '{ not json');
    expect((await runCliAsync(['lint', 'plans'], dir)).stderr).toMatch(/is not valid JSON/);
  });
  it('an ICB schema extension adds a required section without forking the schema', async () => {
    const dir = tempWorkspace();
    const extension = {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: 'urn:icb:kent-extension.json',
      type: 'object',
      properties: {
        sections: {
          type: 'object',
          required: ['heatwave'],
          properties: {
            heatwave: {
              title: 'Heatwave and server room cooling',
              'x-aliases': ['Heatwave'],
              'x-why': 'Server rooms overheat in heatwaves.',
              'x-write': 'Say who checks the temperature.',
              type: 'object',
            },
          },
        },
      },
    };
    writeFileSync(join(dir, 'kent.schema.json'), JSON.stringify(extension));
    writeFileSync(join(dir, 'continuity.config.json'), JSON.stringify({ schema: './kent.schema.json' }));
    const r = await runCliAsync(['lint', CLEAN], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      "The plan has no 'Heatwave and server room cooling' section. Server rooms overheat in heatwaves. Say who checks the temperature.",
    );
  });
  it('lint disable comments switch a rule off for part of a plan', async () => {
    const dir = tempWorkspace();
    const text = readFileSync(join(dir, CLEAN), 'utf8').replace(
      /\n## /,
      '\n<!-- lint disable placeholder -->\n{{left on purpose}}\n<!-- lint enable placeholder -->\n\n## ',
    );
    writeFileSync(join(dir, 'plans', 'x.md'), text);
    expect((await runCliAsync(['lint', 'plans/x.md'], dir)).stdout).toBe('');
    writeFileSync(join(dir, 'plans', 'y.md'), text.replace('<!-- lint disable placeholder -->', ''));
    expect((await runCliAsync(['lint', 'plans/y.md'], dir)).stdout).toContain('placeholder');
  });
});

describe.concurrent('--fix', () => {
  it('applies safe fixes atomically and keeps every other byte', async () => {
    const dir = tempWorkspace();
    const original = readFileSync(join(dir, CLEAN), 'utf8');
    const broken = original.replace(
      /last_tested: (\d{4})-(\d{2})-(\d{2})/,
      (_m, y, mo, d) => `last_tested: ${d}/${mo}/${y}`,
    );
    expect(broken).not.toBe(original);
    writeFileSync(join(dir, 'plans', 'fixme.md'), '\uFEFF' + broken.replace(/\n/g, '\r\n'));
    const r = await runCliAsync(['lint', 'plans/fixme.md', '--fix'], dir);
    expect(r.code).toBe(0);
    const after = readFileSync(join(dir, 'plans', 'fixme.md'), 'utf8');
    expect(after).toBe('\uFEFF' + original.replace(/\n/g, '\r\n'));
  });
  it('never writes a read-only file', async () => {
    const dir = tempWorkspace();
    const broken = readFileSync(join(dir, CLEAN), 'utf8').replace(
      /last_tested: (\d{4})-(\d{2})-(\d{2})/,
      'last_tested: $3/$2/$1',
    );
    const file = join(dir, 'plans', 'ro.md');
    writeFileSync(file, broken);
    chmodSync(file, 0o444);
    const r = await runCliAsync(['lint', 'plans/ro.md', '--fix'], dir);
    expect(r.stderr).toMatch(/not fixed: the file is read-only/);
    expect(readFileSync(file, 'utf8')).toBe(broken);
    expect(r.code).toBe(1);
  });
});

describe('cache', () => {
  it('a warm re-run gives the same report from the cache', async () => {
    const dir = tempWorkspace();
    withBadPlan(dir);
    const cold = await runCliAsync(['lint', '.', '--format', 'json'], dir);
    expect(existsSync(join(dir, '.continuity-cache', 'lint-results.json'))).toBe(true);
    const warm = await runCliAsync(['lint', '.', '--format', 'json'], dir);
    expect(warm.stdout).toBe(cold.stdout);
    expect(warm.code).toBe(cold.code);
  });
});

describe.concurrent('continuity new', () => {
  it('scaffolds a plan from the template with the practice name and ODS code', async () => {
    const dir = tempWorkspace();
    const r = await runCliAsync(
      ['new', '--name', 'Harbour View Surgery', '--ods', 'y01234', '--today', '2026-11-22'],
      dir,
    );
    expect(r.code).toBe(0);
    const text = readFileSync(join(dir, 'plans', 'harbour-view-surgery.md'), 'utf8');
    expect(text).toMatch(/name: Harbour View Surgery/);
    expect(text).toMatch(/ods_code: Y01234/);
    const lint = await runCliAsync(['lint', 'plans/harbour-view-surgery.md'], dir);
    expect(lint.stdout).toMatch(/placeholder/);
    expect(lint.stdout).not.toMatch(/Harbour View Surgery.*placeholder/);
  });
  it('refuses to overwrite and rejects a bad ODS code', async () => {
    const dir = tempWorkspace();
    expect(
      (await runCliAsync(['new', '--name', 'X', '--ods', 'Y01234', '--out', 'plans/template.md'], dir)).stderr,
    ).toMatch(/already exists/);
    const bad = await runCliAsync(['new', '--name', 'X', '--ods', 'ABC'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/not a GP practice ODS code/);
  });
});

describe('remark-cli with the preset', () => {
  it('reports our rule ids and honours lint comments', async () => {
    const dir = tempWorkspace(false);
    const file = join(dir, 'plan.md');
    writeFileSync(
      file,
      '---\ntitle: x\n---\n# P\n\nPatient 943 476 5919.\n\n<!-- lint disable placeholder -->\n{{x}}\n',
    );
    const r = spawnSync(
      process.execPath,
      [
        join(ROOT, 'node_modules', 'remark-cli', 'cli.js'),
        '--use',
        'continuity-plans/preset',
        '--frail',
        '--no-stdout',
        '--no-color',
        file,
      ],
      {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, CONTINUITY_TODAY: '2026-11-22' },
      },
    );
    expect(r.stderr).toMatch(/6:9-6:21\s+error\s+This looks like an NHS number.*nhs-number\s+continuity/);
    expect(r.stderr).toMatch(/schema\/required-section/);
    expect(r.stderr).not.toMatch(/placeholder/);
    expect(r.status).toBe(1);
  });
});
