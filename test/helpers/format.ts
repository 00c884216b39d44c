import type { Diagnostic } from '../../core/diagnostic.js';

/** The readable expected-diagnostics line: `5:1-5:24 error message rule-id`. */
export function formatDiagnostic(d: Diagnostic, withMessage = true): string {
  const r = d.range;
  const pos = `${r.start.line}:${r.start.column}-${r.end.line}:${r.end.column}`;
  return withMessage ? `${pos} ${d.severity} ${d.message} ${d.ruleId}` : `${pos} ${d.severity}`;
}

/** Shorthand used by placement tests: position, severity and rule id. */
export function brief(d: Diagnostic): string {
  const r = d.range;
  return `${r.start.line}:${r.start.column}-${r.end.line}:${r.end.column} ${d.severity} ${d.ruleId}`;
}
