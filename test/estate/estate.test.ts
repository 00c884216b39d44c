// The ICB estate: 200 generated plans with known faults. The dashboard shows exactly those faults;
// a change to shared content re-prints exactly the plans that use it; shards cover the estate once.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EstateRow } from '../../core/estate/estate-row.js';
import { runCliAsync as runCli } from '../helpers/cli.js';
import { faultOf, planPath, usesSharedCyber, writeEstate, type Estate } from '../helpers/estate.js';

const COUNT = 200;
let estate: Estate;
const all = Array.from({ length: COUNT }, (_, i) => i);
const expected = (f: (i: number) => boolean) => all.filter(f).map(planPath).sort();

beforeAll(() => {
  estate = writeEstate(COUNT);
});

function statusPaths(site: string): string[] {
  const dir = join(site, 'status');
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((n) => n.endsWith('.json'))
    .map((n) => JSON.parse(readFileSync(join(dir, n), 'utf8')).path as string)
    .sort();
}

/** Modification times of every printed HTML copy in the site, by plan path. */
function printedTimes(site: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const i of all) {
    const file = join(site, planPath(i).replace(/\.md$/, '.html'));
    if (existsSync(file)) out.set(planPath(i), statSync(file).mtimeMs);
  }
  return out;
}

// Every test here runs the CLI over 200 plans, several times: on a loaded 2-core machine one can take
// minutes. Each awaits its processes' exits; the bound below is only a safety net against a hang.
const SAFETY_BOUND = { timeout: 600_000 };

describe('continuity report: the dashboard shows exactly the known faults', SAFETY_BOUND, () => {
  it('per plan: state, review state, missing and empty sections, in JSON, CSV and HTML', async () => {
    const run = await runCli(['report', 'plans', '--out', 'report'], estate.root);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const json = JSON.parse(readFileSync(join(estate.root, 'report', 'estate.json'), 'utf8')) as { plans: EstateRow[] };
    const rows = new Map(json.plans.map((r) => [r.path, r]));
    expect([...rows.keys()].sort()).toEqual(expected(() => true));

    const failing = json.plans
      .filter((r) => r.state === 'fails-checks')
      .map((r) => r.path)
      .sort();
    expect(failing).toEqual(
      expected((i) => ['missing-telephony', 'review-overdue', 'empty-cost-log'].includes(faultOf(i))),
    );
    expect(
      json.plans
        .filter((r) => r.state === 'warnings')
        .map((r) => r.path)
        .sort(),
    ).toEqual(expected((i) => faultOf(i) === 'placeholder'));
    expect(
      json.plans
        .filter((r) => r.review === 'overdue')
        .map((r) => r.path)
        .sort(),
    ).toEqual(expected((i) => faultOf(i) === 'review-overdue'));
    expect(
      json.plans
        .filter((r) => r.review === 'due-soon')
        .map((r) => r.path)
        .sort(),
    ).toEqual(expected((i) => faultOf(i) === 'review-due-soon'));
    expect(
      json.plans
        .filter((r) => r.sections.telephony === 'missing')
        .map((r) => r.path)
        .sort(),
    ).toEqual(expected((i) => faultOf(i) === 'missing-telephony'));
    expect(
      json.plans
        .filter((r) => r.sections['cost-log'] === 'empty')
        .map((r) => r.path)
        .sort(),
    ).toEqual(expected((i) => faultOf(i) === 'empty-cost-log'));
    // No other gap anywhere: shared cyber sections count as present.
    const gaps = json.plans.flatMap((r) =>
      Object.entries(r.sections)
        .filter(([, v]) => v !== 'present')
        .map(([id]) => `${r.path} ${id}`),
    );
    expect(gaps).toHaveLength(40);
    expect(
      json.plans
        .filter((r) => r.sharedFiles?.includes('shared/cyber.md'))
        .map((r) => r.path)
        .sort(),
    ).toEqual(expected(usesSharedCyber));

    const csvText = readFileSync(join(estate.root, 'report', 'estate.csv'), 'utf8');
    expect(csvText.startsWith('\uFEFFPractice,')).toBe(true); // a BOM, so Excel reads UTF-8
    const csv = csvText.trim().split('\r\n');
    expect(csv).toHaveLength(COUNT + 1);
    expect(csv[0]).toMatch(
      /^Practice,ODS code,ICB,Plan file,State,Errors,Warnings,Next review,Days to review,Review,Last tested,Test,Contacts verified,/,
    );
    expect(csv.filter((l) => l.includes(',fails-checks,'))).toHaveLength(60);

    const html = readFileSync(join(estate.root, 'report', 'dashboard.html'), 'utf8');
    expect(html.match(/class="cell-missing"/g)).toHaveLength(20);
    expect(html.match(/class="cell-empty"/g)).toHaveLength(20);
    expect(html).toContain('<div class="tile bad"><b>60</b>fail their checks</div>');
    expect(html).toContain('<div class="tile bad"><b>20</b>reviews overdue</div>');
    expect(html).toContain('<div class="tile warn"><b>20</b>reviews due within 30 days</div>');
    expect(html).not.toMatch(/<script(?![^>]*>\s*\ndocument\.querySelectorAll)/);
  });
});

describe('continuity build: incremental, shared content, changed-since and shards', SAFETY_BOUND, () => {
  it('prints the passing plans once, then nothing, then exactly the plans using a changed shared file', async () => {
    const site = join(estate.root, 'site-incremental');
    const first = await runCli(
      ['build', 'plans', '--out', site, '--outputs', 'html', '--sarif', 'out/lint.sarif'],
      estate.root,
    );
    expect(first.code).toBe(1);
    const passing = expected((i) => !['missing-telephony', 'review-overdue', 'empty-cost-log'].includes(faultOf(i)));
    expect([...printedTimes(site).keys()].sort()).toEqual(passing);
    expect(first.stdout).toContain(
      `Checked ${COUNT} of ${COUNT} plans: 60 fail their checks; printed ${passing.length} files; 0 plans unchanged`,
    );
    const sarif = JSON.parse(readFileSync(join(estate.root, 'out/lint.sarif'), 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(statusPaths(site)).toEqual(expected(() => true));
    const index = readFileSync(join(site, 'index.html'), 'utf8');
    expect(index.match(/Not published: fails its checks/g)).toHaveLength(60);
    expect(index.match(/>Print page<\/a>/g)).toHaveLength(passing.length);

    const before = printedTimes(site);
    const second = await runCli(['build', 'plans', '--out', site, '--outputs', 'html'], estate.root);
    expect(second.stdout).toContain(`printed 0 files; ${passing.length} plans unchanged`);
    expect(printedTimes(site)).toEqual(before);

    writeFileSync(
      estate.sharedCyber,
      readFileSync(estate.sharedCyber, 'utf8').replace(
        '## Cyber security and staff awareness\n',
        '## Cyber security and staff awareness\n\nThe ICB cyber lead reviewed this guidance in November 2026.\n',
      ),
    );
    const third = await runCli(['build', 'plans', '--out', site, '--outputs', 'html'], estate.root);
    const after = printedTimes(site);
    const reprinted = [...after]
      .filter(([p, t]) => t !== before.get(p))
      .map(([p]) => p)
      .sort();
    expect(reprinted).toEqual(passing.filter((p) => usesSharedCyber(Number(/(\d+)\.md$/.exec(p)![1]))));
    expect(third.stdout).toContain(`printed ${reprinted.length} files`);
    expect(readFileSync(join(site, planPath(0).replace(/\.md$/, '.html')), 'utf8')).toContain(
      'The ICB cyber lead reviewed this guidance',
    );
  });

  it('--changed-since looks only at plans touched since a git ref and the plans using changed shared files', async () => {
    const repo = join(estate.root, '..', `${estate.root.split('/').pop()}-git`);
    cpSync(estate.root, repo, {
      recursive: true,
      filter: (src) => !/site-|[/\\]out$|report$|\.continuity-cache/.test(src),
    });
    execFileSync(
      'sh',
      [
        '-c',
        'rm -rf .git && git init -q && git add -A && git -c user.name=t -c user.email=t@example.invalid commit -qm estate',
      ],
      { cwd: repo },
    );
    const cyber = join(repo, 'shared/cyber.md');
    writeFileSync(cyber, readFileSync(cyber, 'utf8') + '\nReport phishing to the ICB cyber team.\n');
    writeFileSync(
      join(repo, planPath(7)),
      readFileSync(join(repo, planPath(7)), 'utf8').replace('## Mutual aid\n\n', '## Mutual aid\n\nUpdated.\n\n'),
    );
    const run = await runCli(['build', 'plans', '--out', 'site', '--outputs', 'html', '--changed-since', 'HEAD'], repo);
    const touched = expected((i) => usesSharedCyber(i) || i === 7);
    expect(statusPaths(join(repo, 'site'))).toEqual(touched);
    expect(run.stdout).toContain(`Checked ${touched.length} of ${COUNT} plans (changed since HEAD)`);

    const bad = await runCli(['build', 'plans', '--out', 'site', '--changed-since', 'no-such-ref'], repo);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("git does not know 'no-such-ref'");
  });

  it('--shard I/N: four runners cover every plan exactly once, and --index-only makes one site of them', async () => {
    // The four runners are independent, as in CI: started together, each awaited to its exit.
    const runs = await Promise.all(
      [1, 2, 3, 4].map((k) =>
        runCli(['build', 'plans', '--out', `shard-${k}`, '--outputs', 'html', '--shard', `${k}/4`], estate.root),
      ),
    );
    const shards: string[][] = [];
    for (const k of [1, 2, 3, 4]) {
      expect(runs[k - 1].stdout).toContain(`(shard ${k}/4)`);
      expect(existsSync(join(estate.root, `shard-${k}`, 'index.html'))).toBe(false);
      shards.push(statusPaths(join(estate.root, `shard-${k}`)));
    }
    const covered = shards.flat().sort();
    expect(covered).toEqual(expected(() => true));
    expect(new Set(covered).size).toBe(COUNT);
    expect(shards.every((s) => s.length > 0)).toBe(true);

    const merged = join(estate.root, 'merged');
    mkdirSync(merged);
    for (const k of [1, 2, 3, 4]) cpSync(join(estate.root, `shard-${k}`), merged, { recursive: true });
    const index = await runCli(['build', '--index-only', '--out', 'merged'], estate.root);
    expect(index.code).toBe(0);
    const json = JSON.parse(readFileSync(join(merged, 'estate.json'), 'utf8')) as { plans: EstateRow[] };
    expect(json.plans.map((r) => r.path).sort()).toEqual(expected(() => true));
    expect(readFileSync(join(merged, 'index.html'), 'utf8').match(/>Print page<\/a>/g)).toHaveLength(140);

    expect((await runCli(['build', 'plans', '--shard', '5/4'], estate.root)).stderr).toContain(
      '--shard takes I/N with 1 <= I <= N',
    );
  });
});
