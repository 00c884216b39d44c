// SARIF as GitHub code scanning reads it, validated against the SARIF 2.1.0 JSON schema (rtm.5, as
// shipped in Microsoft's @microsoft/jest-sarif) with ajv, plus what GitHub requires beyond the schema:
// help and fullDescription on every rule, columnKind, repository-relative URIs and fingerprints.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { runCli, tempWorkspace } from '../helpers/cli.js';

const require = createRequire(import.meta.url);
const raw = JSON.parse(
  readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'),
) as Record<string, unknown>;
// The schema is written as draft-04 (`id`); its keywords are the same in draft-07, which ajv 8 reads.
// Its `language` pattern has a stray `]`, legal only in a non-Unicode regular expression.
const { id, $schema: _draft, ...body } = raw;
const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile({ ...body, $id: id as string });

interface SarifLog {
  runs: {
    columnKind: string;
    tool: {
      driver: {
        rules: {
          id: string;
          fullDescription?: { text: string };
          help?: { text: string; markdown: string };
          helpUri?: string;
        }[];
      };
    };
    results: {
      ruleId: string;
      locations: {
        physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number } };
      }[];
      partialFingerprints: Record<string, string>;
    }[];
  }[];
}

function repoWithPlans(): string {
  const dir = tempWorkspace();
  execFileSync('git', ['init', '-q'], { cwd: dir });
  return dir;
}

function lintSarif(cwd: string, args: string[]): SarifLog {
  const r = runCli(['lint', ...args, '--format', 'sarif', '--no-cache'], cwd);
  expect(r.code, r.stderr).toBeLessThan(2);
  const log = JSON.parse(r.stdout) as SarifLog;
  const valid = validate(log);
  expect(valid, JSON.stringify(validate.errors?.slice(0, 5), null, 2)).toBe(true);
  return log;
}

describe('SARIF for GitHub code scanning', () => {
  it('is valid SARIF 2.1.0, with help and fullDescription on every rule and columnKind', () => {
    const log = lintSarif(repoWithPlans(), ['plans/template.md']);
    const run = log.runs[0];
    expect(run.columnKind).toBe('utf16CodeUnits');
    expect(run.tool.driver.rules.length).toBeGreaterThan(10);
    for (const rule of run.tool.driver.rules) {
      expect(rule.fullDescription?.text, rule.id).toBeTruthy();
      expect(rule.help?.text, rule.id).toBeTruthy();
      expect(rule.help?.markdown, rule.id).toContain(rule.id);
      expect(rule.helpUri, 'no link to a CI runner disk').toBeUndefined();
    }
    expect(JSON.stringify(log)).not.toContain('.invalid');
    expect(run.results.length).toBeGreaterThan(0);
  });

  it('gives paths relative to the repository root, also when run from plans/', () => {
    const dir = repoWithPlans();
    const fromPlans = lintSarif(join(dir, 'plans'), ['template.md']);
    const fromRoot = lintSarif(dir, ['plans/template.md']);
    const uris = (log: SarifLog) => [
      ...new Set(log.runs[0].results.map((r) => JSON.stringify(r.locations[0].physicalLocation.artifactLocation))),
    ];
    expect(uris(fromPlans)).toEqual([JSON.stringify({ uri: 'plans/template.md', uriBaseId: '%SRCROOT%' })]);
    expect(uris(fromRoot)).toEqual(uris(fromPlans));
    // The same findings get the same fingerprints, wherever the command ran.
    const prints = (log: SarifLog) => log.runs[0].results.map((r) => r.partialFingerprints['continuityFinding/v1']);
    expect(prints(fromPlans)).toEqual(prints(fromRoot));
  });

  it('keeps fingerprints when lines move, and tells identical findings apart', () => {
    const dir = repoWithPlans();
    const before = lintSarif(dir, ['plans/template.md']);
    const text = readFileSync(join(dir, 'plans', 'template.md'), 'utf8');
    writeFileSync(join(dir, 'plans', 'template.md'), text.replace(/\n## /, '\n\nA new paragraph.\n\n## '));
    const after = lintSarif(dir, ['plans/template.md']);
    const prints = (log: SarifLog) => log.runs[0].results.map((r) => r.partialFingerprints['continuityFinding/v1']);
    expect(new Set(prints(before)).size).toBe(prints(before).length);
    expect(prints(after)).toEqual(prints(before));
    expect(after.runs[0].results.map((r) => r.locations[0].physicalLocation.region.startLine)).not.toEqual(
      before.runs[0].results.map((r) => r.locations[0].physicalLocation.region.startLine),
    );
  });

  it('links rules to an ICB copy of the docs when continuity.config.json names one', () => {
    const dir = repoWithPlans();
    writeFileSync(
      join(dir, 'continuity.config.json'),
      JSON.stringify({ docsUrl: 'https://icb.example.org/continuity/rules.html' }),
    );
    const log = lintSarif(dir, ['plans/template.md']);
    for (const rule of log.runs[0].tool.driver.rules)
      expect(rule.helpUri).toMatch(/^https:\/\/icb\.example\.org\/continuity\/rules\.html#/);
  });

  it('names a file outside the repository by its absolute file URI', () => {
    const repo = repoWithPlans();
    const outside = tempWorkspace(false);
    mkdirSync(join(outside, 'x'));
    writeFileSync(join(outside, 'x', 'p.md'), readFileSync(join(repo, 'plans', 'template.md')));
    const log = lintSarif(repo, [join(outside, 'x', 'p.md')]);
    const location = log.runs[0].results[0].locations[0].physicalLocation.artifactLocation;
    expect(location.uri).toMatch(/^file:\/\/\/.*\/x\/p\.md$/);
    expect(location.uriBaseId).toBeUndefined();
  });
});
