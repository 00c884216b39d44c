/** Machine-readable results: one object per file with counts and the full diagnostics. */
import { countBySeverity, type Reporter } from './types.js';

export const json: Reporter = ({ results }) => {
  const files = results.map((r) => {
    const c = countBySeverity(r.diagnostics);
    return {
      path: r.path,
      errorCount: c.errors,
      warningCount: c.warnings,
      infoCount: c.infos,
      diagnostics: r.diagnostics,
    };
  });
  return JSON.stringify(files, null, 2) + '\n';
};
