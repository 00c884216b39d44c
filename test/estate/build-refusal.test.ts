/**
 * A plan that passes its checks but that the print gate refuses (a placeholder in a number on page 1)
 * is not published by `build`: the log says why and how to get a DRAFT copy, the summary counts only
 * the files that were published, and the build fails.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliAsync, tempWorkspace } from '../helpers/cli.js';
import { replaceOnce } from '../helpers/plans.js';

describe('build: a plan the print gate refuses', () => {
  it('is named on stderr with the reason, not counted as printed, and fails the build', async () => {
    const dir = tempWorkspace();
    const plan = join(dir, 'plans/example-moorland-surgery.md');
    writeFileSync(
      plan,
      replaceOnce(readFileSync(plan, 'utf8'), /(\| GP IT service desk \|[^|\n]*\| )[^|\n]*?( \|)/, '$1{{phone}}$2'),
    );
    const r = await runCliAsync(['build', 'plans', '--outputs', 'html', '--out', 'site'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      "continuity: plans/example-moorland-surgery.md not printed: it would print placeholder text on the emergency page (page 1): '{{phone}}' and has no real number for 'GP IT service desk' in the contacts table. Run 'continuity lint plans/example-moorland-surgery.md' and fix them, or print a copy stamped DRAFT with 'continuity render plans/example-moorland-surgery.md --allow-errors'.",
    );
    expect(r.stdout).toContain('0 fail their checks; printed 2 files; 1 plan not printed;');
    expect(existsSync(join(dir, 'site/plans/example-moorland-surgery.html'))).toBe(false);
    expect(existsSync(join(dir, 'site/plans/example-castle-street-practice.html'))).toBe(true);
  }, 300_000);
});
