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
import { enginePlugin, MESSAGE_SOURCE } from './plan-plugin.js';
import { toLintRule } from './rule-plugin.js';

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

export function checkPlugins(settings: { schemas: JsonSchema[]; today: string; rules: Record<string, RuleSetting> }): PluggableList {
  const list: PluggableList = [
    [remarkFrontmatter, ['yaml']],
    remarkGfmTable,
    [enginePlugin, settings],
  ];
  for (const rule of rules) {
    const setting = settings.rules[rule.id];
    const plugin = lintRules.get(rule.id)!;
    if (setting?.level === 'off') continue;
    const level = setting?.level ?? rule.severity;
    list.push([plugin, [level === 'error' ? 'error' : 'warn', { ...(setting?.options ?? {}), ...(setting ? { severity: setting.level } : {}) }]]);
  }
  list.push([conditionalMessageControl, { name: 'lint', source: MESSAGE_SOURCE }]);
  return list;
}
