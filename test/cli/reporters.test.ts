// Each output format on a fixed set of results: escaping, encoding and the shapes CI platforms read.
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../core/diagnostic.js';
import { ruleCatalogue } from '../../core/rules/catalogue.js';
import { reporters, isReporterName } from '../../cli/reporters/index.js';
import type { ReportContext } from '../../cli/reporters/types.js';

function diag(ruleId: string, severity: Diagnostic['severity'], message: string, line: number, fix = false): Diagnostic {
  const start = { line, column: 3, offset: line * 10 };
  const end = { line, column: 9, offset: line * 10 + 6 };
  return { ruleId, severity, message, range: { start, end }, ...(fix ? { fix: { title: 'fix', safe: true, edits: [] } } : {}) };
}

function context(color = false): ReportContext {
  return {
    results: [
      { path: 'plans/a & b <practice>.md', diagnostics: [diag('nhs-number', 'error', 'Bad, very: bad\n100% "sure"', 4), diag('uk-phone', 'warning', 'Check it', 7, true), diag('recommended-section', 'info', 'Consider it', 9)] },
      { path: 'plans/clean.md', diagnostics: [] },
    ],
    rules: ruleCatalogue(),
    toolName: 'continuity',
    toolVersion: '9.9.9',
    color,
  };
}

describe('reporters', () => {
  it('knows its names', () => {
    expect(Object.keys(reporters)).toEqual(['stylish', 'json', 'sarif', 'github', 'junit', 'codequality', 'azure']);
    expect(isReporterName('sarif')).toBe(true);
    expect(isReporterName('toString')).toBe(false);
  });

  it('stylish: one line per problem, a summary, nothing for clean results', () => {
    const out = reporters.stylish(context());
    expect(out).toContain('plans/a & b <practice>.md\n');
    expect(out).toMatch(/^ {2}4:3 {2}error {4}Bad, very: bad 100% "sure" {2}nhs-number$/m);
    expect(out).toMatch(/✖ 3 problems \(1 error, 1 warning, 1 note\)/);
    expect(out).toMatch(/1 problem can be fixed with --fix/);
    expect(out).not.toContain('\x1b[');
    expect(reporters.stylish(context(true))).toContain('\x1b[31m');
    expect(reporters.stylish({ ...context(), results: [{ path: 'x.md', diagnostics: [] }] })).toBe('');
  });

  it('json: counts per file', () => {
    const out = JSON.parse(reporters.json(context()));
    expect(out.map((f: { path: string; errorCount: number; warningCount: number }) => [f.path, f.errorCount, f.warningCount])).toEqual([
      ['plans/a & b <practice>.md', 1, 1],
      ['plans/clean.md', 0, 0],
    ]);
  });

  it('sarif: 2.1.0, levels, rule indexes, encoded URIs, fingerprints', () => {
    const log = JSON.parse(reporters.sarif(context()));
    expect(log.version).toBe('2.1.0');
    const run = log.runs[0];
    expect(run.tool.driver.version).toBe('9.9.9');
    const results = run.results;
    expect(results.map((r: { level: string }) => r.level)).toEqual(['error', 'warning', 'note']);
    expect(run.tool.driver.rules[results[0].ruleIndex].id).toBe('nhs-number');
    const loc = results[0].locations[0].physicalLocation;
    expect(loc.artifactLocation).toEqual({ uri: 'plans/a%20%26%20b%20%3Cpractice%3E.md', uriBaseId: '%SRCROOT%' });
    expect(loc.region).toEqual({ startLine: 4, startColumn: 3, endLine: 4, endColumn: 9 });
    expect(results[0].partialFingerprints['continuityRuleMessage/v1']).toMatch(/^[0-9a-f]{32}$/);
    for (const rule of run.tool.driver.rules) expect(rule.helpUri).toMatch(/^https:\/\//);
  });

  it('github: annotations with escaped properties and data', () => {
    const out = reporters.github(context());
    const lines = out.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe('::error file=plans/a & b <practice>.md,line=4,col=3,endLine=4,endColumn=9,title=nhs-number::Bad, very: bad%0A100%25 "sure"');
    expect(lines[1]).toMatch(/^::warning file=/);
    expect(lines[2]).toMatch(/^::notice file=/);
    const awkward = reporters.github({ ...context(), results: [{ path: 'a,b:c.md', diagnostics: [diag('x', 'error', 'm', 1)] }] });
    expect(awkward).toContain('file=a%2Cb%3Ac.md,');
    // a terminal escape sequence quoted from a plan is shown, never written raw into the CI log
    const hostile = reporters.github({ ...context(), results: [{ path: 'p.md', diagnostics: [diag('x', 'error', "The heading '\u001b[2JWiped' is unknown", 1)] }] });
    expect(hostile).toContain("::The heading '\\u001b[2JWiped' is unknown");
    expect(hostile).not.toContain('\u001b');
  });

  it('junit: XML-escaped, a failure per error or warning, a passing case for a clean plan', () => {
    const out = reporters.junit(context());
    expect(out).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="continuity" tests="4" failures="2">/);
    expect(out).toContain('<testsuite name="plans/a &amp; b &lt;practice&gt;.md" tests="3" failures="2" errors="0">');
    expect(out).toContain('message="Bad, very: bad\n100% &quot;sure&quot;"');
    expect(out).toContain('<testcase name="no problems" classname="plans/clean.md"/>');
    expect((out.match(/<failure /g) ?? []).length).toBe(2);
  });
});
