/**
 * A CI build's check results, reported as `lint` reports them: the machine-readable files a CI
 * picks up (SARIF for code scanning, JUnit for test tabs, JSON, GitLab Code Quality) and the problem
 * list in the log, as annotations on the changed lines when the CI shows them.
 */
import { dirname, resolve } from 'node:path';
import { ruleCatalogue, type ConfigResolver } from '../core/index.js';
import { writeFileAtomic } from '../core/writing.js';
import type { FileCheck } from './check-files.js';
import { toFileResults } from './file-results.js';
import { isAzurePipelines } from './reporters/azure.js';
import { reporters } from './reporters/index.js';
import { TOOL_NAME, TOOL_VERSION } from './tool-version.js';
import { writeRoot } from './write-root.js';

/** Which CI report files to write and how to print the problem list: the options build shares with lint. */
export interface CheckReportChoices {
  sarif?: string;
  junit?: string;
  json?: string;
  codequality?: string;
  /** Annotations in the CI's own form: Azure Pipelines' logging commands inside Azure, GitHub's otherwise. */
  annotations: boolean;
  /** Colour for the problem list (NO_COLOR / FORCE_COLOR decided by the caller); default: a terminal gets colour. */
  color?: boolean;
  tty: boolean;
}

export interface CheckReportOptions extends CheckReportChoices {
  cwd: string;
  resolver: ConfigResolver;
}

/** Write the asked-for report files (never coloured), then print the problem list. */
export function reportChecks(checks: FileCheck[], opts: CheckReportOptions, io: { stdout(s: string): void }): void {
  const results = toFileResults(checks, opts.cwd);
  // The first plan's configuration says where the rules' documentation lives.
  const docsUrl = checks.length ? opts.resolver.forFile(checks[0].file).docsUrl : undefined;
  const context = {
    results,
    rules: ruleCatalogue(),
    toolName: TOOL_NAME,
    toolVersion: TOOL_VERSION,
    color: false,
    cwd: opts.cwd,
    docsUrl,
  };
  for (const [file, format] of [
    [opts.sarif, 'sarif'],
    [opts.junit, 'junit'],
    [opts.json, 'json'],
    [opts.codequality, 'codequality'],
  ] as const) {
    if (!file) continue;
    const path = resolve(opts.cwd, file);
    writeFileAtomic(path, reporters[format](context), {
      within: writeRoot(opts.cwd, dirname(path)),
      makeFolders: true,
    });
  }
  const problems = reporters[opts.annotations ? (isAzurePipelines() ? 'azure' : 'github') : 'stylish']({
    ...context,
    color: opts.color ?? (opts.tty && !process.env.NO_COLOR),
  });
  if (problems) io.stdout(problems.endsWith('\n') ? problems : problems + '\n');
}
