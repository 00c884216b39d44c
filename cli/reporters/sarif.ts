/**
 * SARIF 2.1.0 for GitHub code scanning and other platforms.
 * - Paths are relative to the repository root (GitHub matches alerts to files by their path in the
 *   repository, whatever folder the command ran in), percent-encoded, against %SRCROOT%; a file outside
 *   the repository gets its absolute file: URI and no base.
 * - Columns are UTF-16 code units, as the diagnostics count them (`columnKind`).
 * - Every rule carries `fullDescription` and `help` (text and markdown from the same metadata as
 *   docs/rules.md); `helpUri` when the configuration names a published copy of the docs (`docsUrl`),
 *   since a file: link to a CI runner's disk opens for nobody.
 * - Each result has a fingerprint of what it is, not where: rule, repository path, message and which
 *   of several identical findings in the file it is. upload-sarif adds GitHub's own
 *   `primaryLocationLineHash` from the file's text; we do not imitate that hash.
 */
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import type { Severity } from '../../core/index.js';
import { ruleDocsUrl } from '../../core/index.js';
import { ruleHelp } from '../../core/index.js';
import { repositoryPath } from './repository-path.js';
import { diagnosticPath, type Reporter } from './types.js';

const level: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

export function toUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

export const SARIF_FINGERPRINT = 'continuityFinding/v1';

export const sarif: Reporter = ({ results, rules, toolName, toolVersion, cwd, docsUrl }) => {
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const occurrences = new Map<string, number>();
  const sarifResults = results.flatMap((result) =>
    result.diagnostics.map((d) => {
      const path = diagnosticPath(result, d);
      const inRepo = repositoryPath(path, cwd);
      const artifactLocation =
        inRepo !== undefined
          ? { uri: toUri(inRepo), uriBaseId: '%SRCROOT%' }
          : { uri: pathToFileURL(resolve(cwd ?? '.', path)).href };
      const key = `${inRepo ?? path}\0${d.ruleId}\0${d.message}`;
      const occurrence = (occurrences.get(key) ?? 0) + 1;
      occurrences.set(key, occurrence);
      const index = ruleIndex.get(d.ruleId);
      return {
        ruleId: d.ruleId,
        ...(index === undefined ? {} : { ruleIndex: index }),
        level: level[d.severity],
        message: { text: d.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation,
              region: {
                startLine: d.range.start.line,
                startColumn: d.range.start.column,
                endLine: d.range.end.line,
                endColumn: Math.max(
                  d.range.end.column,
                  d.range.end.line === d.range.start.line ? d.range.start.column + 1 : 1,
                ),
              },
            },
          },
        ],
        partialFingerprints: {
          [SARIF_FINGERPRINT]: createHash('sha256').update(`${key}\0${occurrence}`).digest('hex').slice(0, 32),
        },
      };
    }),
  );
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: toolName,
            version: toolVersion,
            semanticVersion: toolVersion,
            ...(docsUrl ? { informationUri: docsUrl } : {}),
            rules: rules.map((r) => {
              const url = docsUrl ? ruleDocsUrl(r.id, docsUrl) : undefined;
              const help = ruleHelp(r, url);
              return {
                id: r.id,
                name: r.id,
                shortDescription: { text: r.description },
                fullDescription: { text: help.fullDescription },
                help: { text: help.text, markdown: help.markdown },
                ...(url ? { helpUri: url } : {}),
                defaultConfiguration: { level: level[r.severity] },
                properties: {
                  tags: ['continuity-plan'],
                  'problem.severity': r.severity === 'info' ? 'recommendation' : r.severity,
                },
              };
            }),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The root of the repository holding the plans.' } } },
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
};
