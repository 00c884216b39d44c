/**
 * Each Rule as a remark-lint rule (unified-lint-rule): `continuity:<id>`, so remark's
 * `<!-- lint disable <id> -->` comments and remark-cli's configuration work with our rules.
 */
import { lintRule } from 'unified-lint-rule';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import type { Rule } from '../rules/rule.js';
import { ruleDocsUrl } from '../rules/docs-url.js';
import { emit, MESSAGE_SOURCE, type EngineData } from './plan-plugin.js';
import { configuredLevel, decideSeverity } from './severity.js';

type RuleOptions = Record<string, unknown>;

export function toLintRule(rule: Rule) {
  const url = ruleDocsUrl(rule.id);
  return lintRule<Root, RuleOptions | undefined>(
    { origin: `${MESSAGE_SOURCE}:${rule.id}`, url },
    (tree: Root, file: VFile, options?: RuleOptions) => {
      const data = (file.data as Record<string, unknown>).continuity as EngineData | undefined;
      if (!data?.doc || data.skip) return;
      const configured = configuredLevel(data.rules, rule.id);
      try {
        rule.check({
          doc: data.doc,
          today: data.today,
          options: options ?? {},
          report(r) {
            const severity = decideSeverity(configured, rule.severity, r.severity);
            if (severity)
              emit(file, {
                ruleId: rule.id,
                message: r.message,
                range: r.range,
                fix: r.fix,
                ...(r.alternatives?.length ? { alternatives: r.alternatives } : {}),
                url,
                severity,
              });
          },
        });
      } catch (e) {
        // A rule that throws is a bug in the tools, not in the plan: say so, keep every other check.
        emit(file, {
          ruleId: 'internal-error',
          severity: 'error',
          message: `The '${rule.id}' check failed on this plan (${(e as Error).message}). The other checks still ran. Please report this with the plan attached.`,
          range: data.doc.lines.range(0, 0),
        });
      }
    },
  );
}
