// JUnit's `time`: how long each plan took to read and check, measured with a clock the test controls
// (never the real one, so nothing here depends on how fast the machine is), carried from the checks to
// the report, and summed on the suites; end to end, only its shape and its sums are checked.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigResolver } from '../../core/index.js';
import { checkFiles } from '../../cli/check-files.js';
import { runLint } from '../../cli/commands/lint.js';
import { toFileResults } from '../../cli/file-results.js';
import { reporters } from '../../cli/reporters/index.js';
import { ResultCache } from '../../cli/result-cache.js';
import type { Clock } from '../../cli/stopwatch.js';
import { ruleCatalogue } from '../../core/index.js';
import { runCliAsync, tempWorkspace } from '../helpers/cli.js';
import { cleanPlan, replaceOnce, TODAY } from '../helpers/plans.js';

/** A clock that moves on by `stepMs` each time it is read, so every interval measured is exactly `stepMs`. */
function steppingClock(stepMs: number): Clock {
  let now = 1_000_000;
  return () => (now += stepMs);
}

/** A plan with several findings (so several test cases): a loose review date and a required section gone. */
function badPlan(): string {
  return replaceOnce(cleanPlan(), /next_review: \S+/, 'next_review: 01/06/2027').replace(
    /^## Telephony failure[\s\S]*?(?=^## )/m,
    '',
  );
}

/** A folder with the bad plan and a clean one, in that order. */
function twoPlans(): { dir: string; files: string[] } {
  const dir = tempWorkspace(false);
  mkdirSync(join(dir, 'plans'));
  const files = [join(dir, 'plans', 'bad.md'), join(dir, 'plans', 'clean.md')];
  writeFileSync(files[0], badPlan());
  writeFileSync(files[1], cleanPlan());
  return { dir, files };
}

function junitFor(checks: Parameters<typeof toFileResults>[0], cwd: string): string {
  return reporters.junit({
    results: toFileResults(checks, cwd),
    rules: ruleCatalogue(),
    toolName: 'continuity',
    toolVersion: '9.9.9',
    color: false,
    cwd,
  });
}

/** `time` in whole milliseconds (JUnit writes seconds with three decimals). */
const ms = (time: string) => {
  expect(time).toMatch(/^\d+\.\d{3}$/);
  return Number(time.replace('.', ''));
};

interface Suite {
  name: string;
  time: string;
  cases: string[];
}

/** The report's total time and each suite with its own time and its cases' times. */
function times(xml: string): { total: string; suites: Suite[] } {
  const total = /<testsuites [^>]*time="([^"]*)"/.exec(xml)![1];
  const suites = [...xml.matchAll(/<testsuite name="([^"]*)"[^>]* time="([^"]*)"[^>]*>([\s\S]*?)<\/testsuite>/g)].map(
    ([, name, time, body]) => ({
      name,
      time,
      cases: [...body.matchAll(/<testcase [^>]*time="([^"]*)"/g)].map((m) => m[1]),
    }),
  );
  return { total, suites };
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** Every time is seconds with three decimals; each suite's is the sum of its cases', the report's the sum of the suites'. */
function expectTimesAddUp(xml: string): Suite[] {
  const { total, suites } = times(xml);
  expect(suites.length).toBeGreaterThan(0);
  for (const s of suites) {
    expect(s.cases.length, s.name).toBeGreaterThan(0);
    expect(ms(s.time), s.name).toBe(sum(s.cases.map(ms)));
  }
  expect(ms(total)).toBe(sum(suites.map((s) => ms(s.time))));
  return suites;
}

describe('JUnit time from the checks', () => {
  it("a plan's time is reading it plus checking it, by the clock passed in; its suite's time is the sum of its cases'", async () => {
    const { dir, files } = twoPlans();
    const checks = await checkFiles(files, {
      resolver: new ConfigResolver(),
      today: TODAY,
      fingerprint: 'test',
      workers: 0,
      clock: steppingClock(250),
    });
    // Two intervals each: reading and hashing the file, then checking it.
    expect(checks.map((c) => c.durationMs)).toEqual([500, 500]);

    const xml = junitFor(checks, dir);
    const [bad, clean] = expectTimesAddUp(xml);
    expect(bad.name).toBe('plans/bad.md');
    expect(bad.cases.length).toBeGreaterThan(1);
    expect(bad.time).toBe('0.500');
    expect(clean).toEqual({ name: 'plans/clean.md', time: '0.500', cases: ['0.500'] });
    expect(times(xml).total).toBe('1.000');
  });

  it("a cached result's time is what this run spent finding it, and no time is kept in the cache", async () => {
    const { dir, files } = twoPlans();
    const cacheFile = join(dir, 'cache', 'lint-results.json');
    const cache = new ResultCache(cacheFile, dir);
    const options = { resolver: new ConfigResolver(), today: TODAY, fingerprint: 'test', workers: 0, cache };
    const first = await checkFiles(files, { ...options, clock: steppingClock(250) });
    expect(first.map((c) => c.durationMs)).toEqual([500, 500]);
    cache.save();
    expect(readFileSync(cacheFile, 'utf8')).not.toMatch(/duration|"time"/i);

    // One interval only: reading and hashing the file and finding its entry; nothing is checked again.
    const again = await checkFiles(files, { ...options, clock: steppingClock(40) });
    expect(again.map((c) => c.durationMs)).toEqual([40, 40]);
    expect(again.map((c) => c.diagnostics)).toEqual(first.map((c) => c.diagnostics));
    const [bad, clean] = expectTimesAddUp(junitFor(again, dir));
    expect([bad.time, clean.time]).toEqual(['0.040', '0.040']);
  });

  it("with --fix, a plan's time is what this run spent fixing and re-checking it", async () => {
    const { dir } = twoPlans();
    let out = '';
    const code = await runLint(
      {
        paths: ['plans'],
        format: 'junit',
        fix: true,
        quiet: false,
        cache: false,
        today: TODAY,
        cwd: dir,
        color: false,
        clock: steppingClock(125),
      },
      { stdout: (s) => (out += s), stderr: () => {} },
    );
    expect(code).toBe(1);
    const [bad, clean] = expectTimesAddUp(out);
    expect([bad.time, clean.time]).toEqual(['0.125', '0.125']);
  });

  it('end to end, in worker threads and from the cache: seconds with three decimals that add up', async () => {
    const dir = tempWorkspace();
    mkdirSync(join(dir, 'bad'));
    writeFileSync(join(dir, 'bad', 'bad plan.md'), badPlan());

    // The first run checks every plan in two workers (and fills the cache); the second finds them all cached.
    const inWorkers = await runCliAsync(['lint', 'plans', 'bad', '--format', 'junit', '--workers', '2'], dir);
    expect(inWorkers.code).toBe(1);
    expect(expectTimesAddUp(inWorkers.stdout).map((s) => s.name)).toContain('bad/bad plan.md');

    const cached = await runCliAsync(['lint', 'plans', 'bad', '--format', 'junit'], dir);
    expect(cached.code).toBe(1);
    expect(expectTimesAddUp(cached.stdout).length).toBe(times(inWorkers.stdout).suites.length);
  });
});
