// CI reuses its work, safely: each shipped template's own default-branch steps, run twice on a fresh
// runner (fresh clone, fresh HOME) with the platform's cache carried between runs the way the platform
// carries it. After a change to one plan the second run checks and prints that plan only. Then a
// commit, as a pull request would merge it, breaks a plan and adds a forged result cache and status
// file signed with the very key the build uses (on GitHub a pull request's run can read the default
// branch's cache): the plan is still reported failing and is not published.
//
// The estate is small here (CONTINUITY_REUSE_PLANS plans, default 3); the report's figures for 200
// plans came from the same test with CONTINUITY_REUSE_PLANS=200.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeEstate } from '../../bench/estate.js';
import { ROOT, TODAY } from '../helpers/plans.js';
import { takeSection } from '../helpers/shared-content.js';
import {
  buildSummary,
  PlatformCache,
  runTemplate,
  TEMPLATE_FILES,
  type Platform,
  type RunnerPaths,
} from './template-runner.js';

const PLANS = Number(process.env.CONTINUITY_REUSE_PLANS ?? 3);
// A hang detector, far above the time any run takes (printing is the slow part).
const HANG = 120_000 + PLANS * 20_000;

const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

const git = (cwd: string, ...args: string[]) => {
  const r = spawnSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'ICB digital team',
      GIT_AUTHOR_EMAIL: 'digital@icb.example.org',
      GIT_COMMITTER_NAME: 'ICB digital team',
      GIT_COMMITTER_EMAIL: 'digital@icb.example.org',
      // Every commit on one day (the checks' "today" is the commit's date): see the report on days.
      GIT_AUTHOR_DATE: `${TODAY}T10:00:00Z`,
      GIT_COMMITTER_DATE: `${TODAY}T10:00:00Z`,
    },
  });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
};
const commit = (repo: string, message: string) => {
  git(repo, 'add', '-A');
  git(repo, 'commit', '-qm', message);
  return git(repo, 'rev-parse', 'HEAD');
};

/** The tools as built (the CLI runs dist/), to forge state exactly as the CLI would read it. */
const built = async () => ({
  cache: await import('../../dist/cli/result-cache.js'),
  status: await import('../../dist/cli/site-status.js'),
  key: await import('../../dist/cli/state-key.js'),
  version: await import('../../dist/cli/tool-version.js'),
  core: await import('../../dist/core/index.js'),
});

/**
 * What a pull request could commit: a result cache entry and a status file saying `plan` passes,
 * signed with the key from the default branch's cache, at the places the tools look by default.
 */
async function forgeState(repo: string, keyHome: string, plan: string, runnerCheckout: string): Promise<void> {
  const tools = await built();
  const saved = process.env.XDG_STATE_HOME;
  process.env.XDG_STATE_HOME = keyHome;
  tools.key.forgetStateKey();
  try {
    const runnerPath = join(runnerCheckout, plan);
    const bytes = readFileSync(join(repo, plan));
    const config = new tools.core.ConfigResolver().forFile(runnerPath);
    const key = tools.cache.cacheKey(bytes, config.hash, tools.version.toolFingerprint(), TODAY, runnerPath);
    const summary = { errors: 0, warnings: 0, sections: {} };
    const cache = tools.cache.ResultCache.open(repo);
    cache.set(key, { diagnostics: [], summary });
    expect(cache.save()).toBeUndefined();
    tools.status.writeStatus(
      join(repo, 'site'),
      { path: plan, summary, renderKey: 'forged', outputs: { pdf: plan.replace(/\.md$/, '.pdf') } },
      repo,
    );
  } finally {
    process.env.XDG_STATE_HOME = saved;
    tools.key.forgetStateKey();
  }
}

/** The key the template's runs keep in the platform's cache, copied to a folder to point XDG_STATE_HOME at. */
function keyHomeFrom(cache: PlatformCache, dest: string): string {
  mkdirSync(join(dest, 'continuity'), { recursive: true });
  writeFileSync(join(dest, 'continuity', 'state.key'), readFileSync(cache.newest('key/continuity/state.key')));
  return dest;
}

/** The figures of a run, for the log (speed is printed, never asserted). */
function logRun(platform: Platform, name: string, run: { output: string; seconds: number }): void {
  const s = buildSummary(run.output);
  console.log(
    `${platform}, ${name}: ${s.checked} plans, ${s.checked - s.fromCache} checked (${s.fromCache} from the cache), ${s.printedFiles} files printed, ${s.unchanged} plans unchanged; ${run.seconds.toFixed(1)} s`,
  );
}

describe.concurrent.each(Object.keys(TEMPLATE_FILES) as Platform[])('the %s template', (platform) => {
  it(
    'a second run after a one-plan change checks and prints that plan only; forged state from a commit changes no verdict',
    async () => {
      const root = mkdtempSync(join(tmpdir(), `continuity-reuse-${platform}-`));
      roots.push(root);
      const origin = join(root, 'origin');
      writeEstate(join(origin, 'plans'), PLANS);
      git(origin, 'init', '-q', '-b', 'main');
      const first = commit(origin, 'The estate');
      const workspace = join(root, 'work');
      mkdirSync(workspace);
      const paths: RunnerPaths = { home: join(root, 'home'), checkout: join(workspace, 'repo'), workspace };
      const cache = new PlatformCache(join(root, 'platform-cache'));
      const fakeBin = join(root, 'bin');
      const plans = PLANS;

      // 1. A cold run: every plan checked and printed (a PDF, the paper forms and the HTML page each).
      const cold = await runTemplate(platform, origin, first, paths, cache, fakeBin);
      expect(cold.code, cold.output).toBe(0);
      logRun(platform, 'first run', cold);
      expect(cold.restored).toBeUndefined();
      expect(buildSummary(cold.output)).toEqual({
        checked: plans,
        failing: 0,
        printedFiles: plans * 3,
        unchanged: 0,
        fromCache: 0,
      });
      expect(cold.saved.length).toBe(1);

      // 2. One plan changed, on a fresh runner: only it is checked and printed again.
      const changed = 'plans/practice-0001.md';
      writeFileSync(
        join(origin, changed),
        readFileSync(join(origin, changed), 'utf8') + '\nAgreed again at the PCN meeting.\n',
      );
      const second = commit(origin, 'One plan changed');
      const warm = await runTemplate(platform, origin, second, paths, cache, fakeBin);
      expect(warm.code, warm.output).toBe(0);
      logRun(platform, 'after a one-plan change', warm);
      expect(warm.restored).toBe(cold.saved[0]);
      expect(buildSummary(warm.output)).toEqual({
        checked: plans,
        failing: 0,
        printedFiles: 3,
        unchanged: plans - 1,
        fromCache: plans - 1,
      });

      // 3. A commit breaks a plan and brings forged state, signed with the build's own key.
      const broken = 'plans/practice-0002.md';
      writeFileSync(
        join(origin, broken),
        takeSection(readFileSync(join(origin, broken), 'utf8'), 'Telephony failure').plan,
      );
      const keyHome = keyHomeFrom(cache, join(root, 'key-from-the-cache'));
      await forgeState(origin, keyHome, broken, paths.checkout);
      const third = commit(origin, 'A pull request, merged');
      const attacked = await runTemplate(platform, origin, third, paths, cache, fakeBin);
      expect(attacked.code, attacked.output).not.toBe(0);
      expect(buildSummary(attacked.output)).toMatchObject({
        checked: plans,
        failing: 1,
        printedFiles: 0,
        fromCache: plans - 1,
      });
      expect(attacked.output).toContain('Telephony failure');
      const site = {
        github: join(paths.home, '.continuity-state/site'),
        gitlab: join(paths.checkout, '.continuity-state/site'),
        azure: join(workspace, 'continuity-state/site'),
      }[platform];
      expect(existsSync(join(site, 'plans/practice-0002.pdf'))).toBe(false);
      expect(readFileSync(join(site, 'status/plans/practice-0002.json'), 'utf8')).toContain(
        'Not published: fails its checks',
      );
      // Saved even though a plan failed: the next run still reuses this one's work.
      expect(attacked.saved.length).toBe(1);
      // The control: the forgery is one the tools accept when pointed at it with that key.
      const control = spawnSync(
        process.execPath,
        [join(ROOT, 'bin', 'continuity.js'), 'lint', broken, '--today', TODAY],
        {
          cwd: paths.checkout,
          env: { ...process.env, XDG_STATE_HOME: keyHome, CONTINUITY_STATE_KEY: '', NO_COLOR: '1' },
          encoding: 'utf8',
        },
      );
      expect(control.stdout).not.toContain('Telephony failure');
      expect(control.status).toBe(0);

      if (platform !== 'gitlab') return;
      // 4. GitLab caches inside the project: a commit that brings .continuity-state/ (its own key)
      // stops the build, and what it brought is not saved into the cache.
      mkdirSync(join(origin, '.continuity-state/key/continuity'), { recursive: true });
      writeFileSync(join(origin, '.continuity-state/key/continuity/state.key'), 'a key the pull request knows, 32+');
      const fourth = commit(origin, 'Another pull request, merged');
      const planted = await runTemplate(platform, origin, fourth, paths, cache, fakeBin);
      expect(planted.code).toBe(1);
      expect(planted.output).toContain(
        "continuity: .continuity-state/ is committed to the repository; it is the build's own memory and must not be.",
      );
      expect(planted.saved).toEqual([]);
    },
    HANG * 3,
  );
});
