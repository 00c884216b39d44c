/**
 * The default terminal format, modelled on ESLint's "stylish": one block per file, one line per
 * problem (line:col, severity, message, rule id), a summary. Prints nothing when all is clean.
 */
import type { Severity } from '../../core/index.js';
import { countBySeverity, diagnosticPath, printable, type Reporter } from './types.js';
import { displayName } from '../display-name.js';

const ansi = {
  red: '\x1b[31m',
  yellow: '\x1b[33m',
  blue: '\x1b[34m',
  dim: '\x1b[2m',
  bold: '\x1b[1m',
  underline: '\x1b[4m',
  reset: '\x1b[0m',
};

const severityColour: Record<Severity, string> = { error: ansi.red, warning: ansi.yellow, info: ansi.blue };

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export const stylish: Reporter = ({ results, color }) => {
  const paint = (code: string, s: string) => (color ? `${code}${s}${ansi.reset}` : s);
  const lines: string[] = [];
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  let fixable = 0;
  for (const result of results) {
    if (result.diagnostics.length === 0) continue;
    const byFile = new Map<string, typeof result.diagnostics>();
    for (const d of result.diagnostics) {
      const p = diagnosticPath(result, d);
      const list = byFile.get(p);
      if (list) list.push(d);
      else byFile.set(p, [d]);
    }
    for (const [path, diagnostics] of byFile) {
      lines.push(paint(ansi.underline, displayName(path)));
      const positions = diagnostics.map((d) => `${d.range.start.line}:${d.range.start.column}`);
      // A loop, not Math.max(...positions): a plan with 150,000 problems would overflow the stack.
      let width = 0;
      for (const p of positions) width = Math.max(width, p.length);
      diagnostics.forEach((d, i) => {
        const severity = paint(severityColour[d.severity], d.severity.padEnd(7));
        const message = printable(
          d.message
            .split('\n')
            .map((l) => l.trim())
            .join(' '),
        );
        lines.push(
          `  ${paint(ansi.dim, positions[i].padEnd(width))}  ${severity}  ${message}  ${paint(ansi.dim, d.ruleId)}`,
        );
        if (d.fix?.safe) fixable++;
      });
      lines.push('');
    }
    const c = countBySeverity(result.diagnostics);
    errors += c.errors;
    warnings += c.warnings;
    infos += c.infos;
  }
  if (lines.length === 0) return '';
  const total = errors + warnings + infos;
  const parts = [plural(errors, 'error'), plural(warnings, 'warning')];
  if (infos) parts.push(plural(infos, 'note'));
  const summaryColour = errors ? ansi.red : warnings ? ansi.yellow : ansi.blue;
  lines.push(paint(ansi.bold + summaryColour, `✖ ${plural(total, 'problem')} (${parts.join(', ')})`));
  if (fixable) lines.push(paint(ansi.dim, `  ${plural(fixable, 'problem')} can be fixed with --fix`));
  return lines.join('\n') + '\n';
};
