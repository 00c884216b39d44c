// `continuity build` with real Chromium on the shipped examples plus one failing plan: PDFs and forms
// for the plans that pass, nothing published for the one that fails, a site that links them.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliAsync, tempWorkspace } from '../helpers/cli.js';
import { cleanPlan } from '../helpers/plans.js';
import { takeSection } from '../helpers/shared-content.js';

const pages = (pdf: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);

describe('continuity build with real PDFs', () => {
  it('prints plan and forms for each passing plan, publishes nothing for a failing one, and links them all', async () => {
    const dir = tempWorkspace();
    writeFileSync(
      join(dir, 'plans', 'broken-practice.md'),
      takeSection(cleanPlan(), 'Telephony failure').plan.replace('Riverside Medical Centre', 'Broken Practice'),
    );
    const run = await runCliAsync(['build', 'plans', '--out', 'site', '--junit', 'reports/junit.xml'], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('plans/broken-practice.md');
    expect(run.stdout).toContain("The plan has no 'Telephony failure' section");
    for (const name of [
      'example-castle-street-practice',
      'example-moorland-surgery',
      'example-riverside-medical-centre',
    ]) {
      expect(pages(join(dir, 'site', 'plans', `${name}.pdf`))).toBeGreaterThan(20);
      expect(pages(join(dir, 'site', 'plans', `${name}-forms.pdf`))).toBeGreaterThan(5);
      expect(readFileSync(join(dir, 'site', 'plans', `${name}.html`), 'utf8')).toContain('<!DOCTYPE html>');
    }
    expect(existsSync(join(dir, 'site', 'plans', 'broken-practice.pdf'))).toBe(false);
    expect(existsSync(join(dir, 'site', 'plans', 'template.pdf'))).toBe(false);
    const index = readFileSync(join(dir, 'site', 'index.html'), 'utf8');
    expect(index).toContain('href="plans/example-moorland-surgery.pdf"');
    expect(index).toContain('href="plans/example-moorland-surgery-forms.pdf"');
    expect(index).toMatch(/Broken Practice[\s\S]*Not published: fails its checks \(1 error\)/);
    expect(readFileSync(join(dir, 'reports', 'junit.xml'), 'utf8')).toContain(
      '<testsuite name="plans/broken-practice.md"',
    );

    // The broken plan is mended: only it is printed; the others are unchanged.
    writeFileSync(
      join(dir, 'plans', 'broken-practice.md'),
      cleanPlan().replace('Riverside Medical Centre', 'Broken Practice'),
    );
    const again = await runCliAsync(['build', 'plans', '--out', 'site'], dir);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('printed 3 files; 3 plans unchanged');
    expect(pages(join(dir, 'site', 'plans', 'broken-practice.pdf'))).toBeGreaterThan(20);
  });

  it('says how to get a browser when there is none, before printing anything', async () => {
    const dir = tempWorkspace();
    const run = await runCliAsync(['build', 'plans', '--out', 'site', '--browser', join(dir, 'no-such-browser')], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/no-such-browser/);
    expect(existsSync(join(dir, 'site'))).toBe(false);
  });
});
