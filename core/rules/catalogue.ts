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
  /** Why its level cannot be configured (always an error), for the few findings that mean "not checked". */
  fixed?: string;
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
      ...('fixed' in r ? { fixed: r.fixed } : {}),
    })),
  ];
}

export function knownRuleIds(): string[] {
  return ruleCatalogue().map((r) => r.id);
}

/** Why a rule's level cannot be configured, or undefined when it can. */
export function fixedRuleReason(id: string): string | undefined {
  return ruleCatalogue().find((r) => r.id === id)?.fixed;
}
