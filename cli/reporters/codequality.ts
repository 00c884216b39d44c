/**
 * GitLab Code Quality report (a subset of CodeClimate's JSON): merge requests show each finding on the
 * changed lines. Paths are relative to the repository root. The fingerprint names the finding, not its
 * line (rule, file, message and which of several identical findings it is), so moving text does not turn
 * one finding into a "fixed" one and a "new" one.
 */
import { createHash } from 'node:crypto';
import type { Severity } from '../../core/index.js';
import { repositoryPath } from './repository-path.js';
import { diagnosticPath, type Reporter } from './types.js';

const severity: Record<Severity, 'major' | 'minor' | 'info'> = { error: 'major', warning: 'minor', info: 'info' };

export const codequality: Reporter = ({ results, cwd }) => {
  const seen = new Map<string, number>();
  const issues = results.flatMap((result) =>
    result.diagnostics.map((d) => {
      const path = diagnosticPath(result, d);
      const where = repositoryPath(path, cwd) ?? path;
      const key = `${where}\0${d.ruleId}\0${d.message}`;
      const occurrence = (seen.get(key) ?? 0) + 1;
      seen.set(key, occurrence);
      return {
        type: 'issue',
        check_name: d.ruleId,
        description: d.message,
        categories: ['Bug Risk'],
        severity: severity[d.severity],
        fingerprint: createHash('sha256').update(`${key}\0${occurrence}`).digest('hex'),
        location: {
          path: where,
          positions: {
            begin: { line: d.range.start.line, column: d.range.start.column },
            end: { line: d.range.end.line, column: d.range.end.column },
          },
        },
      };
    }),
  );
  return JSON.stringify(issues, null, 2) + '\n';
};
