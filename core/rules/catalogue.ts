/** Every rule id and its metadata, for config validation, SARIF rule lists and the docs. */
import type { Severity } from '../diagnostic.js';
import { ruleDocsUrl } from './docs-url.js';
import { rules, schemaRuleIds } from './index.js';

export interface RuleInfo {
  id: string;
  description: string;
  severity: Severity;
  url: string;
  rationale?: string;
}

export function ruleCatalogue(): RuleInfo[] {
  return [
    ...rules.map((r) => ({
      id: r.id,
      description: r.description,
      severity: r.severity,
      url: ruleDocsUrl(r.id),
      rationale: r.rationale,
    })),
    ...schemaRuleIds.map((r) => ({
      id: r.id,
      description: r.description,
      severity: 'error' as Severity,
      url: ruleDocsUrl(r.id),
    })),
  ];
}

export function knownRuleIds(): string[] {
  return ruleCatalogue().map((r) => r.id);
}
