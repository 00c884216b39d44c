/** What every reporter receives: the results of one lint run and the rule catalogue. */
import type { Diagnostic } from '../../core/index.js';
import type { RuleInfo } from '../../core/index.js';

export interface FileResult {
  /** Path relative to the working directory, with forward slashes. */
  path: string;
  diagnostics: Diagnostic[];
  /** How long this run spent reading and checking the file, in milliseconds (JUnit's `time`); absent when not measured. */
  durationMs?: number;
}

export interface ReportContext {
  results: FileResult[];
  rules: RuleInfo[];
  toolName: string;
  toolVersion: string;
  /** ANSI colour for a terminal; never when writing to a file. */
  color: boolean;
  /** The folder the command ran in (paths are relative to it): CI formats re-base paths on the repository root. */
  cwd?: string;
  /** A published copy of the rule docs (continuity.config.json `docsUrl`), for links that must open on another machine. */
  docsUrl?: string;
}

export type Reporter = (ctx: ReportContext) => string;

export function countBySeverity(diagnostics: Diagnostic[]): { errors: number; warnings: number; infos: number } {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const d of diagnostics) {
    if (d.severity === 'error') errors++;
    else if (d.severity === 'warning') warnings++;
    else infos++;
  }
  return { errors, warnings, infos };
}

/** Where a diagnostic really is: its own file (shared content) or the checked file. */
export function diagnosticPath(result: FileResult, d: Diagnostic): string {
  return d.file ?? result.path;
}

/**
 * Messages quote the plan's own words (headings, cell values) and paths come from the file system:
 * control characters in them (a terminal escape sequence in a heading) are shown as visible escapes,
 * never sent to a terminal or a CI log.
 */
export function printable(s: string): string {
  return s.replace(
    // eslint-disable-next-line no-control-regex -- control characters are what it makes visible
    /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
