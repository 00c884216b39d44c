/**
 * The checking pipeline as unified plugins: parse extensions, the engine plugin (model + schema),
 * every rule as a remark-lint rule, then message control so `<!-- lint disable id -->` works.
 * The same list is the remark preset (preset.ts).
 */
import remarkFrontmatter from 'remark-frontmatter';
import remarkMessageControl from 'remark-message-control';
import type { PluggableList } from 'unified';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import type { RuleSetting } from '../config/config.js';
import type { JsonSchema } from '../schema/catalogue.js';
import { remarkGfmTable } from '../parse/markdown-processor.js';
import { rules } from '../rules/index.js';
import { enginePlugin, MESSAGE_SOURCE, restoreFatal } from './plan-plugin.js';
import { toLintRule } from './rule-plugin.js';
import { configuredLevel, ruleDefaultSeverity } from './severity.js';

const lintRules = new Map(rules.map((r) => [r.id, toLintRule(r)]));

const CONTROL_COMMENT = /<!--\s*lint\s+(disable|enable|ignore)\b/;

/**
 * remark-message-control, run only when the plan has a `<!-- lint ... -->` comment: it walks the
 * whole tree twice, about half the cost of a re-check while typing, and without such a comment it has
 * nothing to do.
 */
function conditionalMessageControl(options: Parameters<typeof remarkMessageControl>[0]) {
  const control = remarkMessageControl(options);
  return function (tree: Root, file: VFile): void {
    if (CONTROL_COMMENT.test(String(file.value ?? ''))) control(tree, file);
  };
}

export function checkPlugins(settings: {
  schemas: JsonSchema[];
  today: string;
  rules: Record<string, RuleSetting>;
}): PluggableList {
  const list: PluggableList = [[remarkFrontmatter, ['yaml']], remarkGfmTable, [enginePlugin, settings]];
  for (const rule of rules) {
    // Severity of each report is decided in severity.ts; remark-lint's level only says "on" here (and
    // what remark-cli shows until restoreFatal puts each report's own back).
    const level = ruleDefaultSeverity(configuredLevel(settings.rules, rule.id), rule.severity);
    if (!level) continue;
    list.push([
      lintRules.get(rule.id)!,
      [level === 'error' ? 'error' : 'warn', settings.rules[rule.id]?.options ?? {}],
    ]);
  }
  list.push(restoreFatal);
  list.push([conditionalMessageControl, { name: 'lint', source: MESSAGE_SOURCE }]);
  return list;
}
