/**
 * Two plans whose printed copies would be one file (`x.md` and `x.markdown`), or a plan whose copy
 * would replace the site's own index, are reported and the build fails: never one silently dropped.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { outputCollisions } from '../../cli/site-status.js';
import { runCliAsync, tempWorkspace } from '../helpers/cli.js';

describe('site output collisions', () => {
  it("finds same-name copies, the site's own pages and the status folder", () => {
    const out = (path: string, base: string) => ({ path, outputs: { pdf: `${base}.pdf`, html: `${base}.html` } });
    const problems = outputCollisions([
      out('plans/x.markdown', 'plans/x'),
      out('plans/x.md', 'plans/x'),
      out('index.md', 'index'),
      out('status/a.md', 'status/a'),
      out('plans/X.md', 'plans/X'),
      out('plans/y.md', 'plans/y'),
    ]);
    expect([...problems.keys()].sort()).toEqual(['index.md', 'plans/x.markdown', 'plans/x.md', 'status/a.md']);
    expect(problems.get('plans/x.markdown')).toBe(
      'its printed copy would be plans/x.pdf, the same file as the copy of plans/X.md; rename one of the two plan files',
    );
    expect(problems.get('index.md')).toMatch(/named index.html, which the site uses for its own page/);
    expect(problems.get('status/a.md')).toMatch(/site's status\/ folder/);
    expect(problems.has('plans/y.md')).toBe(false);
  });

  it('build: both plans reported, exit 1, the site index intact', async () => {
    const dir = tempWorkspace();
    copyFileSync(join(dir, 'plans/example-moorland-surgery.md'), join(dir, 'plans/example-moorland-surgery.markdown'));
    const castle = readFileSync(join(dir, 'plans/example-castle-street-practice.md'), 'utf8');
    writeFileSync(
      join(dir, 'index.md'),
      castle.replaceAll('shared/nhs-cyber-staff-rules.md', 'plans/shared/nhs-cyber-staff-rules.md'),
    );
    const r = await runCliAsync(['build', 'plans', 'index.md', '--outputs', 'html', '--out', 'site'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'continuity: plans/example-moorland-surgery.md not printed: its printed copy would be plans/example-moorland-surgery.html, the same file as the copy of plans/example-moorland-surgery.markdown',
    );
    expect(r.stderr).toContain(
      'continuity: index.md not printed: its printed copy would be named index.html, which the site uses for its own page',
    );
    expect(readFileSync(join(dir, 'site/index.html'), 'utf8')).toContain('Estate dashboard');
  }, 300_000);

  it("the result cache keys on the plan's path: a copy elsewhere that cannot find its shared files is not given the original's answer", async () => {
    const dir = tempWorkspace();
    expect((await runCliAsync(['lint', 'plans/example-castle-street-practice.md'], dir)).code).toBe(0);
    copyFileSync(join(dir, 'plans/example-castle-street-practice.md'), join(dir, 'copy.md'));
    const r = await runCliAsync(['lint', 'copy.md'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('shared-content');
  }, 300_000);
});
