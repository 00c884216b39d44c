// Each output format on a fixed set of results: escaping, encoding and the shapes CI platforms read.
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../core/diagnostic.js';
import { ruleCatalogue } from '../../core/rules/catalogue.js';
import { reporters, isReporterName } from '../../cli/reporters/index.js';
import type { ReportContext } from '../../cli/reporters/types.js';
import { SaxesParser } from 'saxes';

/** Parsed by a conforming XML 1.0 parser (saxes), which rejects characters XML forbids. */
function wellFormed(xml: string): boolean {
  const parser = new SaxesParser();
  let error: Error | undefined;
  parser.on('error', (e) => (error ??= e));
  parser.write(xml).close();
  if (error) throw error;
  return true;
}

function diag(
  ruleId: string,
  severity: Diagnostic['severity'],
  message: string,
  line: number,
  fix = false,
): Diagnostic {
  const start = { line, column: 3, offset: line * 10 };
  const end = { line, column: 9, offset: line * 10 + 6 };
  return {
    ruleId,
    severity,
    message,
    range: { start, end },
    ...(fix ? { fix: { title: 'fix', safe: true, edits: [] } } : {}),
  };
}

function context(color = false): ReportContext {
  return {
    results: [
      {
        path: 'plans/a & b <practice>.md',
        diagnostics: [
          diag('nhs-number', 'error', 'Bad, very: bad\n100% "sure"', 4),
          diag('uk-phone', 'warning', 'Check it', 7, true),
          diag('recommended-section', 'info', 'Consider it', 9),
        ],
      },
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
    expect(
      out.map((f: { path: string; errorCount: number; warningCount: number }) => [
        f.path,
        f.errorCount,
        f.warningCount,
      ]),
    ).toEqual([
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
    expect(results[0].partialFingerprints['continuityFinding/v1']).toMatch(/^[0-9a-f]{32}$/);
    for (const rule of run.tool.driver.rules) expect(rule.helpUri).toBeUndefined();
    const linked = JSON.parse(reporters.sarif({ ...context(), docsUrl: 'https://icb.example.org/rules.html' }));
    for (const rule of linked.runs[0].tool.driver.rules)
      expect(rule.helpUri).toMatch(/^https:\/\/icb\.example\.org\/rules\.html#/);
  });

  it('codequality: GitLab Code Quality issues with line-independent fingerprints', () => {
    const issues = JSON.parse(reporters.codequality(context())) as {
      check_name: string;
      severity: string;
      fingerprint: string;
      location: { path: string; positions: { begin: { line: number } } };
    }[];
    expect(issues.map((i) => [i.check_name, i.severity, i.location.path, i.location.positions.begin.line])).toEqual([
      ['nhs-number', 'major', 'plans/a & b <practice>.md', 4],
      ['uk-phone', 'minor', 'plans/a & b <practice>.md', 7],
      ['recommended-section', 'info', 'plans/a & b <practice>.md', 9],
    ]);
    const moved = context();
    moved.results[0].diagnostics = moved.results[0].diagnostics.map((d) => ({
      ...d,
      range: {
        start: { ...d.range.start, line: d.range.start.line + 3 },
        end: { ...d.range.end, line: d.range.end.line + 3 },
      },
    }));
    const again = JSON.parse(reporters.codequality(moved)) as { fingerprint: string }[];
    expect(again.map((i) => i.fingerprint)).toEqual(issues.map((i) => i.fingerprint));
    expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(3);
  });

  it('azure: logging commands with escaped properties and data', () => {
    const out = reporters.azure({
      ...context(),
      results: [
        {
          path: 'plans/a;b].md',
          diagnostics: [
            diag('nhs-number', 'error', 'Bad; very]\n100% sure', 4),
            diag('recommended-section', 'info', 'Consider it', 9),
          ],
        },
      ],
    });
    expect(out.split('\n')).toEqual([
      '##vso[task.logissue type=error;sourcepath=plans/a%3Bb%5D.md;linenumber=4;columnnumber=3;code=nhs-number]Bad; very]%0A100%AZP25 sure',
      '##vso[task.logissue type=warning;sourcepath=plans/a%3Bb%5D.md;linenumber=9;columnnumber=3;code=recommended-section]Consider it',
      '',
    ]);
  });

  it('github: annotations with escaped properties and data', () => {
    const out = reporters.github(context());
    const lines = out.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe(
      '::error file=plans/a & b <practice>.md,line=4,col=3,endLine=4,endColumn=9,title=nhs-number::Bad, very: bad%0A100%25 "sure"',
    );
    expect(lines[1]).toMatch(/^::warning file=/);
    expect(lines[2]).toMatch(/^::notice file=/);
    const awkward = reporters.github({
      ...context(),
      results: [{ path: 'a,b:c.md', diagnostics: [diag('x', 'error', 'm', 1)] }],
    });
    expect(awkward).toContain('file=a%2Cb%3Ac.md,');
    // a terminal escape sequence quoted from a plan is shown, never written raw into the CI log
    const hostile = reporters.github({
      ...context(),
      results: [{ path: 'p.md', diagnostics: [diag('x', 'error', "The heading '\u001b[2JWiped' is unknown", 1)] }],
    });
    expect(hostile).toContain("::The heading '\\u001b[2JWiped' is unknown");
    expect(hostile).not.toContain('\u001b');
  });

  it('junit: XML-escaped, a failure per error or warning, a passing case for a clean plan', () => {
    const out = reporters.junit(context());
    expect(out).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="continuity" tests="4" failures="2" errors="0" time="0.000">/,
    );
    expect(out).toContain(
      '<testsuite name="plans/a &amp; b &lt;practice&gt;.md" tests="3" failures="2" errors="0" skipped="0" time="0.000" file="plans/a &amp; b &lt;practice&gt;.md">',
    );
    expect(out).toContain('message="Bad, very: bad&#10;100% &quot;sure&quot;"');
    expect(out).toContain(
      '<testcase name="no problems" classname="plans/clean.md" file="plans/clean.md" time="0.000"/>',
    );
    expect((out.match(/<failure /g) ?? []).length).toBe(2);
    expect(wellFormed(out)).toBe(true);
  });

  it('junit: test names are stable when lines move (rule, file and a key from the message, not line:column)', () => {
    const before = reporters.junit(context());
    const moved = context();
    moved.results[0].diagnostics = moved.results[0].diagnostics.map((d) => ({
      ...d,
      range: {
        start: { ...d.range.start, line: d.range.start.line + 5 },
        end: { ...d.range.end, line: d.range.end.line + 5 },
      },
    }));
    const after = reporters.junit(moved);
    const names = (xml: string) => [...xml.matchAll(/<testcase name="([^"]*)"/g)].map((m) => m[1]);
    expect(names(after)).toEqual(names(before));
    expect(names(before)[0]).toMatch(/^nhs-number: Bad, very: bad 100% &quot;sure&quot; \[[0-9a-f]{8}\]$/);
    // Two identical findings in one file get two names.
    const twice = context();
    twice.results[0].diagnostics = [
      diag('placeholder', 'warning', 'Same', 2),
      diag('placeholder', 'warning', 'Same', 8),
    ];
    const twiceNames = names(reporters.junit(twice)).filter((n) => n !== 'no problems');
    expect(new Set(twiceNames).size).toBe(2);
    expect(after).toMatch(
      /<testcase name="[^"]*" classname="[^"]*" file="plans\/a &amp; b &lt;practice&gt;.md" line="9" time="0.000">/,
    );
  });

  it("junit: each plan's measured time shared among its cases to the millisecond, summed on its suite and the report", () => {
    const timed = context();
    timed.results[0].durationMs = 1234.4; // three cases: 412 + 411 + 411 ms
    timed.results[1].durationMs = 7.6; // one case: 8 ms
    const out = reporters.junit(timed);
    expect(out).toMatch(/^<\?xml[^\n]*\n<testsuites [^>]* time="1.242">/);
    expect(out).toContain(
      '<testsuite name="plans/a &amp; b &lt;practice&gt;.md" tests="3" failures="2" errors="0" skipped="0" time="1.234"',
    );
    expect([...out.matchAll(/<testcase [^>]*classname="plans\/a[^>]* time="([^"]*)"/g)].map((m) => m[1])).toEqual([
      '0.412',
      '0.411',
      '0.411',
    ]);
    expect(out).toContain(
      '<testsuite name="plans/clean.md" tests="1" failures="0" errors="0" skipped="0" time="0.008"',
    );
    expect(out).toContain(
      '<testcase name="no problems" classname="plans/clean.md" file="plans/clean.md" time="0.008"/>',
    );
    // Only the times differ from a report without them: names, counts and failures are the same.
    expect(out.replace(/ time="[^"]*"/g, '')).toBe(reporters.junit(context()).replace(/ time="[^"]*"/g, ''));
    expect(wellFormed(out)).toBe(true);
  });

  it('junit: times are seconds with three decimals (xs:decimal, as Ant and Jenkins read them), whole or tiny', () => {
    const timed = context();
    timed.results[0].durationMs = 61_005;
    timed.results[1].durationMs = 0.2;
    const times = [...reporters.junit(timed).matchAll(/ time="([^"]*)"/g)].map((m) => m[1]);
    expect(times).toEqual(['61.005', '61.005', '20.335', '20.335', '20.335', '0.000', '0.000']);
  });

  it('junit: well-formed XML even when a plan holds characters XML forbids (U+FFFE, U+FFFF, controls, lone surrogates)', () => {
    const hostile = context();
    hostile.results[0].path = 'plans/odd\uFFFE.md';
    hostile.results[0].diagnostics = [diag('placeholder', 'error', 'Quoted: \uFFFF \u0001 \u001B[31m \uD800 end', 3)];
    const out = reporters.junit(hostile);
    expect(wellFormed(out)).toBe(true);
    expect(out).toContain('\\uffff');
    expect(out).toContain('\\ud800');
  });
});
