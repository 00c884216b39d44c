/**
 * JUnit XML for CI systems that show test reports (Azure Pipelines, GitLab, Jenkins): one test suite
 * per plan, one failing test case per error or warning, and a passing "no problems" case for a
 * clean plan so it still shows up in the report.
 */
import { countBySeverity, diagnosticPath, type Reporter } from './types.js';

export function escapeXml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');
}

export const junit: Reporter = ({ results, toolName }) => {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const failures = results.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity !== 'info').length, 0);
  const tests = results.reduce((n, r) => n + Math.max(1, r.diagnostics.length), 0);
  out.push(`<testsuites name="${escapeXml(toolName)}" tests="${tests}" failures="${failures}">`);
  for (const r of results) {
    const c = countBySeverity(r.diagnostics);
    const name = escapeXml(r.path);
    out.push(`  <testsuite name="${name}" tests="${Math.max(1, r.diagnostics.length)}" failures="${c.errors + c.warnings}" errors="0">`);
    if (r.diagnostics.length === 0) out.push(`    <testcase name="no problems" classname="${name}"/>`);
    for (const d of r.diagnostics) {
      const where = `${diagnosticPath(r, d)}:${d.range.start.line}:${d.range.start.column}`;
      const caseName = escapeXml(`${d.ruleId} at ${d.file ? `${d.file}:` : ''}${d.range.start.line}:${d.range.start.column}`);
      if (d.severity === 'info') {
        out.push(`    <testcase name="${caseName}" classname="${name}"><system-out>${escapeXml(`${where} ${d.message}`)}</system-out></testcase>`);
      } else {
        out.push(`    <testcase name="${caseName}" classname="${name}">`);
        out.push(`      <failure type="${escapeXml(d.severity)}" message="${escapeXml(d.message)}">${escapeXml(`${where} ${d.severity} ${d.message} (${d.ruleId})`)}</failure>`);
        out.push('    </testcase>');
      }
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return out.join('\n') + '\n';
};
