/**
 * SARIF 2.1.0 for GitHub code scanning and other platforms. Paths are relative URIs against
 * %SRCROOT% (percent-encoded, as the spec requires), rules carry help links, and each result has a
 * partial fingerprint so code scanning keeps tracking an alert when lines move.
 */
import { createHash } from 'node:crypto';
import type { Severity } from '../../core/diagnostic.js';
import { diagnosticPath, type Reporter } from './types.js';

const level: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

export function toUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

export const sarif: Reporter = ({ results, rules, toolName, toolVersion }) => {
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const sarifResults = results.flatMap((result) =>
    result.diagnostics.map((d) => {
      const path = diagnosticPath(result, d);
      const fingerprint = createHash('sha256').update(`${path}\0${d.ruleId}\0${d.message}`).digest('hex').slice(0, 32);
      const index = ruleIndex.get(d.ruleId);
      return {
        ruleId: d.ruleId,
        ...(index === undefined ? {} : { ruleIndex: index }),
        level: level[d.severity],
        message: { text: d.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: toUri(path), uriBaseId: '%SRCROOT%' },
              region: {
                startLine: d.range.start.line,
                startColumn: d.range.start.column,
                endLine: d.range.end.line,
                endColumn: Math.max(d.range.end.column, d.range.end.line === d.range.start.line ? d.range.start.column + 1 : 1),
              },
            },
          },
        ],
        partialFingerprints: { 'continuityRuleMessage/v1': fingerprint },
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
            informationUri: 'https://continuity-plans.nhs.invalid/',
            rules: rules.map((r) => ({
              id: r.id,
              shortDescription: { text: r.description },
              ...(r.rationale ? { fullDescription: { text: r.rationale } } : {}),
              helpUri: r.url,
              defaultConfiguration: { level: level[r.severity] },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The folder continuity lint ran in.' } } },
        results: sarifResults,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
};
