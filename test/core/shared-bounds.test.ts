/**
 * Shared content from a pull request is hostile input: a diamond of includes (each level including the
 * next several times) must neither grow without end nor pass as a clean plan.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../core/check-plan.js';
import { catalogueFor } from '../../core/engine/plan-plugin.js';
import { loadPlanSchema } from '../../core/schema/load-schema.js';
import { expandPlan, MAX_EXPANDED_CHARS, MAX_INCLUDE_USES } from '../../core/shared/expand-plan.js';
import { readSharedFile } from '../../core/shared/read-shared-file.js';
import { cleanPlan, replaceOnce, TODAY } from '../helpers/plans.js';
import { sharedFile, tempRepository } from '../helpers/shared-content.js';

/** Files level0 ... level{depth}: each level includes the next `width` times; the last holds `leaf`. */
function diamond(depth: number, width: number, leaf: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < depth; i++)
    files[`shared/level${i}.md`] = sharedFile(
      `level ${i}`,
      Array.from({ length: width }, () => `<!-- include: level${i + 1}.md -->\n`).join('\n'),
    );
  files[`shared/level${depth}.md`] = sharedFile('leaf', leaf);
  return files;
}

function planIncluding(target: string): string {
  return replaceOnce(cleanPlan(), '## Telephony failure\n', `## Telephony failure\n\n<!-- include: ${target} -->\n`);
}

describe('shared content: expansion bounds', () => {
  it('a small diamond expands in full, each shared file read once', () => {
    const root = tempRepository({
      'plans/practice.md': planIncluding('../shared/level0.md'),
      ...diamond(3, 3, 'Ring the ICB duty line.\n'),
    });
    const path = join(root, 'plans/practice.md');
    const reads: string[] = [];
    const expansion = expandPlan(readFileSync(path, 'utf8'), path, {
      catalogue: catalogueFor([loadPlanSchema()]),
      read: (p, r) => (reads.push(p), readSharedFile(p, r)),
    })!;
    expect(expansion.problems).toEqual([]);
    expect(expansion.merged.text.split('Ring the ICB duty line.').length - 1).toBe(27);
    expect(reads.length).toBe(4);
  });

  it('an exponential diamond stops at the size limit with one shared-content error, and the plan fails', () => {
    // 12^6 (about three million) copies of the leaf if expanded in full: gigabytes.
    const root = tempRepository({
      'plans/practice.md': planIncluding('../shared/level0.md'),
      ...diamond(6, 12, 'Ring the ICB duty line on 01632 960 123 and say which practice you are.\n'),
    });
    const path = join(root, 'plans/practice.md');
    const result = checkPlan(readFileSync(path, 'utf8'), { today: TODAY, path });
    const shared = result.diagnostics.filter((d) => d.ruleId === 'shared-content');
    expect(shared.map((d) => d.severity)).toEqual(['error']);
    expect(shared[0].message).toContain(`grows past ${MAX_EXPANDED_CHARS / 1024 / 1024} MB`);
    expect(result.doc!.text.length).toBeLessThan(MAX_EXPANDED_CHARS + 200_000);
  });

  it('many include lines of a small file stop at the limit on includes followed', () => {
    const lines = Array.from({ length: MAX_INCLUDE_USES + 50 }, () => '<!-- include: ../shared/note.md -->\n').join(
      '\n',
    );
    const plan = replaceOnce(cleanPlan(), '## Telephony failure\n', `## Telephony failure\n\n${lines}`);
    const root = tempRepository({ 'plans/practice.md': plan, 'shared/note.md': sharedFile('note', 'A line.\n') });
    const path = join(root, 'plans/practice.md');
    const shared = checkPlan(plan, { today: TODAY, path }).diagnostics.filter((d) => d.ruleId === 'shared-content');
    expect(shared.length).toBe(1);
    expect(shared[0].message).toContain(`follows more than ${MAX_INCLUDE_USES} includes`);
  });
});
