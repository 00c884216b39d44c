/**
 * Checked files -> what reporters print. Paths become relative to the working directory. A problem
 * in a shared file is found once for every plan that uses the file; it is reported once, under the
 * shared file's own path, so fifty practices sharing one wrong ICB number make one line, not fifty.
 */
import { relative } from 'node:path';
import type { Diagnostic } from '../core/index.js';
import type { FileResult } from './reporters/types.js';

export function relPath(cwd: string, file: string): string {
  const r = relative(cwd, file).replace(/\\/g, '/');
  return r.startsWith('..') ? file.replace(/\\/g, '/') : r;
}

export function toFileResults(
  checks: { file: string; diagnostics: Diagnostic[]; durationMs?: number }[],
  cwd: string,
  quiet = false,
): FileResult[] {
  const seen = new Set<string>();
  return checks.map((c) => {
    const diagnostics: Diagnostic[] = [];
    for (const d of c.diagnostics) {
      if (quiet && d.severity !== 'error') continue;
      if (!d.file) {
        diagnostics.push(d);
        continue;
      }
      const file = relPath(cwd, d.file);
      const key = `${file}\0${d.range.start.offset}\0${d.range.end.offset}\0${d.ruleId}\0${d.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      diagnostics.push({ ...d, file });
    }
    return { path: relPath(cwd, c.file), diagnostics, durationMs: c.durationMs };
  });
}
