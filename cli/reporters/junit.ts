/**
 * JUnit XML for CI systems that show test reports (Azure Pipelines' Tests tab, GitLab merge requests,
 * Jenkins): one test suite per plan, one failing test case per error or warning, and a passing
 * "no problems" case for a clean plan so it still shows up in the report.
 *
 * Test names are stable: the rule, the file (as the suite) and a key made from the message and which
 * of several identical findings it is, never line:column, so an edit above a finding does not show as
 * one "fixed" test and one "new" failure. Each case has `file` (the path in the repository, as GitLab
 * and Azure link it) and `time`: seconds to the millisecond, from how long the plan took to read and
 * check in this run (see sharedTimes), summed on its test suite and on the whole report. The XML stays
 * well-formed whatever a plan contains: characters XML 1.0 forbids (control characters, U+FFFE,
 * U+FFFF, lone surrogates) are written as visible \uXXXX escapes.
 */
import { createHash } from 'node:crypto';
import { repositoryPath } from './repository-path.js';
import { countBySeverity, diagnosticPath, type Reporter } from './types.js';

// XML 1.0 forbids these characters: they are exactly what this pattern finds.
const XML_ILLEGAL =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function visible(s: string): string {
  return s.replace(XML_ILLEGAL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Text content: markup escaped, XML-illegal characters made visible. */
export function escapeXml(s: string): string {
  return visible(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** An attribute value: as text, and line breaks and tabs kept as character references (a parser would turn them into spaces). */
export function escapeAttribute(s: string): string {
  return escapeXml(s).replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

function shorten(s: string, max: number): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length <= max ? one : `${one.slice(0, max - 1)}…`;
}

/** Whole milliseconds as JUnit's seconds with three decimals ("1.234"), worked in integers so no rounding creeps in. */
export function junitSeconds(ms: number): string {
  return `${Math.floor(ms / 1000)}.${String(ms % 1000).padStart(3, '0')}`;
}

/**
 * Each case's time, in whole milliseconds. A plan is checked in one pass that finds all its problems
 * at once, so no single finding has a time of its own: the plan's time is shared out among its cases
 * (the odd milliseconds to the first ones), so the cases add up exactly to the plan's time, as GitLab
 * and Azure add them up for a suite's total. A plan whose time was not measured gets 0.
 */
export function sharedTimes(durationMs: number | undefined, cases: number): number[] {
  const total = Math.max(0, Math.round(durationMs ?? 0));
  const each = Math.floor(total / cases);
  return Array.from({ length: cases }, (_, i) => each + (i < total % cases ? 1 : 0));
}

export const junit: Reporter = ({ results, toolName, cwd }) => {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const failures = results.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity !== 'info').length, 0);
  const tests = results.reduce((n, r) => n + Math.max(1, r.diagnostics.length), 0);
  const times = results.map((r) => sharedTimes(r.durationMs, Math.max(1, r.diagnostics.length)));
  const sum = (ms: number[]) => ms.reduce((a, b) => a + b, 0);
  out.push(
    `<testsuites name="${escapeAttribute(toolName)}" tests="${tests}" failures="${failures}" errors="0" time="${junitSeconds(sum(times.map(sum)))}">`,
  );
  results.forEach((r, i) => {
    const c = countBySeverity(r.diagnostics);
    const suite = escapeAttribute(r.path);
    const suiteFile = escapeAttribute(repositoryPath(r.path, cwd) ?? r.path);
    out.push(
      `  <testsuite name="${suite}" tests="${Math.max(1, r.diagnostics.length)}" failures="${c.errors + c.warnings}" errors="0" skipped="0" time="${junitSeconds(sum(times[i]))}" file="${suiteFile}">`,
    );
    if (r.diagnostics.length === 0)
      out.push(
        `    <testcase name="no problems" classname="${suite}" file="${suiteFile}" time="${junitSeconds(times[i][0])}"/>`,
      );
    const seen = new Map<string, number>();
    r.diagnostics.forEach((d, j) => {
      const path = diagnosticPath(r, d);
      const file = repositoryPath(path, cwd) ?? path;
      const identity = `${file}\0${d.ruleId}\0${d.message}`;
      const occurrence = (seen.get(identity) ?? 0) + 1;
      seen.set(identity, occurrence);
      const key =
        createHash('sha256').update(identity).digest('hex').slice(0, 8) + (occurrence > 1 ? `-${occurrence}` : '');
      // A shared file's finding is reported under the plan that uses it: the name says which file.
      const name = `${d.ruleId}: ${d.file ? `${d.file}: ` : ''}${shorten(d.message, 100)} [${key}]`;
      const where = `${path}:${d.range.start.line}:${d.range.start.column}`;
      const attrs = `name="${escapeAttribute(name)}" classname="${suite}" file="${escapeAttribute(file)}" line="${d.range.start.line}" time="${junitSeconds(times[i][j])}"`;
      if (d.severity === 'info') {
        out.push(`    <testcase ${attrs}><system-out>${escapeXml(`${where} ${d.message}`)}</system-out></testcase>`);
      } else {
        out.push(`    <testcase ${attrs}>`);
        out.push(
          `      <failure type="${escapeAttribute(d.severity)}" message="${escapeAttribute(d.message)}">${escapeXml(`${where} ${d.severity} ${d.message} (${d.ruleId})`)}</failure>`,
        );
        out.push('    </testcase>');
      }
    });
    out.push('  </testsuite>');
  });
  out.push('</testsuites>');
  return out.join('\n') + '\n';
};
