/**
 * Severity, decided once for every finding (rule reports, schema findings, file-level findings and
 * shared-content problems), by one rule:
 *
 * 1. A configured level of "off" turns the rule off: none of its findings is reported.
 * 2. A finding the rule gave its own severity on purpose keeps it. A rule that warns about an old
 *    date still reports a date in the future as an error, whatever level it is configured at.
 * 3. Otherwise the configured level sets the rule's default, and without one the rule's own default
 *    (`Rule.severity`; `error` for schema findings) applies.
 *
 * So a configured level is the rule's default severity, not a cap or a floor.
 */
import type { Severity } from '../diagnostic.js';
import type { RuleLevel, RuleSetting } from '../config/config.js';

/** The configured level of a rule, if the configuration names it. */
export function configuredLevel(rules: Readonly<Record<string, RuleSetting>>, ruleId: string): RuleLevel | undefined {
  return Object.hasOwn(rules, ruleId) ? rules[ruleId].level : undefined;
}

export function isTurnedOff(rules: Readonly<Record<string, RuleSetting>>, ruleId: string): boolean {
  return configuredLevel(rules, ruleId) === 'off';
}

/** The rule's default once configured: the configured level, else its own default. Undefined when off. */
export function ruleDefaultSeverity(configured: RuleLevel | undefined, ownDefault: Severity): Severity | undefined {
  if (configured === 'off') return undefined;
  return configured ?? ownDefault;
}

/** The severity of one finding, or undefined when its rule is turned off. */
export function decideSeverity(
  configured: RuleLevel | undefined,
  ownDefault: Severity,
  deliberate?: Severity,
): Severity | undefined {
  if (configured === 'off') return undefined;
  return deliberate ?? configured ?? ownDefault;
}

/** remark's `fatal` for a severity: true an error, false a warning, undefined info (remark-cli's reporter reads it). */
export function fatalOf(severity: Severity): boolean | undefined {
  return severity === 'error' ? true : severity === 'warning' ? false : undefined;
}

/** The severity remark gave a message that did not come through `emit` (another plugin's message). */
export function severityOfFatal(fatal: boolean | null | undefined): Severity {
  return fatal ? 'error' : fatal === false ? 'warning' : 'info';
}
