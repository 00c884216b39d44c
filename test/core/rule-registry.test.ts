// The rule registry is complete: every rule file in core/rules is registered (an unregistered rule
// would silently never run), and every registered rule has an id of its own, docs and examples.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ruleCatalogue } from '../../core/rules/catalogue.js';
import { rules, schemaRuleIds } from '../../core/rules/index.js';
import type { Rule } from '../../core/rules/rule.js';
import { ROOT } from '../helpers/plans.js';

const RULES_DIR = join(ROOT, 'core', 'rules');
const RULE_EXPORT = /^export const (\w+): Rule = \{/m;

/** Each file in core/rules that defines a rule, with the rule it exports. */
async function ruleFiles(): Promise<{ file: string; rule: Rule }[]> {
  const found: { file: string; rule: Rule }[] = [];
  for (const file of readdirSync(RULES_DIR).filter((f) => f.endsWith('.ts'))) {
    const name = RULE_EXPORT.exec(readFileSync(join(RULES_DIR, file), 'utf8'))?.[1];
    if (!name) continue;
    const module = (await import(join(RULES_DIR, file))) as Record<string, Rule>;
    found.push({ file, rule: module[name] });
  }
  return found;
}

describe('rule registry', () => {
  it('registers every rule file in core/rules, named after its id', async () => {
    const files = await ruleFiles();
    expect(files.length).toBeGreaterThanOrEqual(12);
    for (const { file, rule } of files) {
      expect(rules, `${file} is not in core/rules/index.ts`).toContain(rule);
      expect(file).toBe(`${rule.id}.ts`);
    }
    expect(files.length).toBe(rules.length);
  });

  it('gives every rule id once, across rules and schema findings', () => {
    const ids = [...rules.map((r) => r.id), ...schemaRuleIds.map((r) => r.id)];
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('documents every rule and schema finding in docs/rules.md, with examples for each rule', () => {
    const docs = readFileSync(join(ROOT, 'docs', 'rules.md'), 'utf8');
    for (const info of ruleCatalogue()) {
      expect(docs, info.id).toContain(`\n## ${info.id}\n`);
      expect(info.description.length, info.id).toBeGreaterThan(10);
      expect(info.url, info.id).toBeTruthy();
    }
    for (const rule of rules) {
      expect(rule.examples.length, rule.id).toBeGreaterThan(0);
      for (const example of rule.examples)
        expect(docs, `${rule.id}: ${example.title}`).toContain(`Example (${example.title}):`);
    }
  });
});
