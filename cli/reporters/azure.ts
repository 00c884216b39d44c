/**
 * Azure Pipelines logging commands: each problem becomes an error or warning on the run's summary
 * and in the step's log, tied to the file and line
 * (`##vso[task.logissue type=error;sourcepath=...;linenumber=...;columnnumber=...;code=...]message`).
 * Property values and messages are escaped as the agent expects (%, CR, LF, and ; ] in properties);
 * other control characters are shown as visible escapes, never written to the log.
 */
import type { Severity } from '../../core/index.js';
import { repositoryPath } from './repository-path.js';
import { diagnosticPath, printable, type Reporter } from './types.js';

/** Azure has errors and warnings only: an info becomes a warning, as it is shown, not failed. */
const type: Record<Severity, 'error' | 'warning'> = { error: 'error', warning: 'warning', info: 'warning' };

/** Inside an Azure Pipelines job (the agent sets TF_BUILD=True). */
export function isAzurePipelines(env: NodeJS.ProcessEnv = process.env): boolean {
  return (env.TF_BUILD ?? '').toLowerCase() === 'true';
}

export function escapeAzureData(s: string): string {
  return printable(s).replace(/%/g, '%AZP25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeAzureProperty(s: string): string {
  return escapeAzureData(s).replace(/;/g, '%3B').replace(/\]/g, '%5D');
}

export const azure: Reporter = ({ results, cwd }) => {
  const lines: string[] = [];
  for (const result of results) {
    for (const d of result.diagnostics) {
      const path = diagnosticPath(result, d);
      const props = [
        `type=${type[d.severity]}`,
        `sourcepath=${escapeAzureProperty(repositoryPath(path, cwd) ?? path)}`,
        `linenumber=${d.range.start.line}`,
        `columnnumber=${d.range.start.column}`,
        `code=${escapeAzureProperty(d.ruleId)}`,
      ].join(';');
      lines.push(`##vso[task.logissue ${props}]${escapeAzureData(d.message)}`);
    }
  }
  return lines.length ? lines.join('\n') + '\n' : '';
};
