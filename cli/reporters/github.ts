/**
 * GitHub Actions workflow commands: each problem becomes an annotation on the pull request's diff.
 * Property values and messages are escaped as the runner expects (%, CR, LF, and : , in properties);
 * other control characters are shown as visible escapes, never written to the log.
 */
import type { Severity } from '../../core/index.js';
import { repositoryPath } from './repository-path.js';
import { diagnosticPath, printable, type Reporter } from './types.js';

const command: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

export function escapeData(s: string): string {
  return printable(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export const github: Reporter = ({ results, cwd }) => {
  const lines: string[] = [];
  for (const result of results) {
    for (const d of result.diagnostics) {
      const { start, end } = d.range;
      const props = [
        // GitHub places an annotation by the file's path in the repository, wherever the command ran.
        `file=${escapeProperty(repositoryPath(diagnosticPath(result, d), cwd) ?? diagnosticPath(result, d))}`,
        `line=${start.line}`,
        `col=${start.column}`,
        `endLine=${end.line}`,
        `endColumn=${end.column}`,
        `title=${escapeProperty(d.ruleId)}`,
      ].join(',');
      lines.push(`::${command[d.severity]} ${props}::${escapeData(d.message)}`);
    }
  }
  return lines.length ? lines.join('\n') + '\n' : '';
};
