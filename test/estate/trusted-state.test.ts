/**
 * The result cache and the build's status files can sit in the working tree, where a pull request
 * writes what it likes. Forged entries must never change a verdict, reach the dashboard, or make the
 * build delete a file outside the site.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { allStatuses, isSiteOutputPath, readStatus, removeOutputs, writeStatus } from '../../cli/site-status.js';
import { forgetStateKey } from '../../cli/state-key.js';
import { runCliAsync, TEMPLATE_LEFT_OUT, tempWorkspace } from '../helpers/cli.js';
import { replaceOnce } from '../helpers/plans.js';

beforeAll(() => {
  // This file's own key folder, for this process and the CLI runs it starts.
  process.env.XDG_STATE_HOME = mkdtempSync(join(tmpdir(), 'continuity-state-'));
  delete process.env.CONTINUITY_STATE_KEY;
  forgetStateKey();
});

const summary = { errors: 0, warnings: 0, sections: {}, practiceName: 'Riverside' };

describe('site status files', () => {
  it('a status written by this machine reads back; an unsigned or foreign one is ignored', () => {
    const site = mkdtempSync(join(tmpdir(), 'continuity-site-'));
    writeStatus(site, { path: 'plans/a.md', summary, renderKey: 'k', outputs: { pdf: 'plans/a.pdf' } }, site);
    expect(readStatus(site, 'plans/a.md')?.outputs).toEqual({ pdf: 'plans/a.pdf' });

    const file = join(site, 'status/plans/a.json');
    const forged = JSON.parse(readFileSync(file, 'utf8'));
    forged.summary.errors = 0;
    forged.summary.practiceName = '<script>alert(1)</script>';
    writeFileSync(file, JSON.stringify(forged));
    expect(readStatus(site, 'plans/a.md')).toBeUndefined();
    expect(allStatuses(site)).toEqual([]);

    writeStatus(site, { path: 'plans/b.md', summary, outputs: { pdf: 'plans/b.pdf' } }, site);
    process.env.CONTINUITY_STATE_KEY = 'another machine entirely, 32 chars';
    forgetStateKey();
    try {
      expect(readStatus(site, 'plans/b.md')).toBeUndefined();
    } finally {
      delete process.env.CONTINUITY_STATE_KEY;
      forgetStateKey();
    }
    expect(readStatus(site, 'plans/b.md')?.path).toBe('plans/b.md');
  });

  it('output paths are confined to the site: nothing outside it is deleted, no link scheme gets through', () => {
    const outer = mkdtempSync(join(tmpdir(), 'continuity-outer-'));
    const site = join(outer, 'site');
    mkdirSync(site);
    writeFileSync(join(outer, 'victim.pdf'), 'keep me');
    writeFileSync(join(site, 'mine.pdf'), 'old copy');
    removeOutputs(site, { pdf: '../victim.pdf', forms: `${outer}/victim.pdf`, html: 'mine.pdf' }, outer);
    expect(existsSync(join(outer, 'victim.pdf'))).toBe(true);
    expect(existsSync(join(site, 'mine.pdf'))).toBe(false);
    // A folder of the site that is a link out of it: nothing is deleted through it.
    symlinkSync(outer, join(site, 'plans'));
    removeOutputs(site, { pdf: 'plans/victim.pdf' }, outer);
    expect(readFileSync(join(outer, 'victim.pdf'), 'utf8')).toBe('keep me');
    for (const bad of [
      '../x.pdf',
      '/etc/x.pdf',
      'javascript:alert(1)//.html',
      'status/x.pdf',
      'a//b.pdf',
      'a/./b.pdf',
      'x.json',
      'a\\..\\b.pdf',
    ])
      expect(isSiteOutputPath(bad), bad).toBe(false);
    for (const good of ['plans/riverside.pdf', 'plans/st mary’s-forms.pdf', 'index-page.html'])
      expect(isSiteOutputPath(good), good).toBe(true);
  });

  it('build: forged status files neither delete files outside the site nor reach the dashboard', async () => {
    const dir = tempWorkspace();
    writeFileSync(join(dir, 'victim.pdf'), 'keep me');
    const forged = {
      format: 2,
      path: 'plans/gone.md',
      summary: { ...summary, practiceName: '<img src=x onerror=alert(1)>' },
      outputs: { pdf: '../victim.pdf' },
      mac: '0'.repeat(64),
    };
    mkdirSync(join(dir, 'site/status/plans'), { recursive: true });
    writeFileSync(join(dir, 'site/status/plans/gone.json'), JSON.stringify(forged));
    const r = await runCliAsync(['build', 'plans', '--outputs', 'html', '--out', 'site'], dir);
    expect(r.stderr).toBe(TEMPLATE_LEFT_OUT);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'victim.pdf'), 'utf8')).toBe('keep me');
    const dashboard = readFileSync(join(dir, 'site/dashboard.html'), 'utf8');
    expect(dashboard).not.toContain('onerror');
    expect(dashboard).toContain('Riverside Medical Centre');
  }, 120_000);
});

describe('shards on different runners', () => {
  it('--index-only with another key says to share CONTINUITY_STATE_KEY; with the same key it makes the site', async () => {
    const dir = tempWorkspace();
    const withKey = async (key: string, args: string[]) => {
      process.env.CONTINUITY_STATE_KEY = key;
      try {
        return await runCliAsync(args, dir);
      } finally {
        delete process.env.CONTINUITY_STATE_KEY;
      }
    };
    const runnerA = 'the pipeline secret shared by all shards';
    expect(
      (await withKey(runnerA, ['build', 'plans', '--outputs', 'html', '--out', 'site', '--shard', '1/1'])).code,
    ).toBe(0);
    const other = await withKey('a different runner with its own key', ['build', '--index-only', '--out', 'site']);
    expect(other.code).toBe(2);
    expect(other.stderr).toContain(
      "3 status files were ignored: not written by a build with this machine's key. Shards built on other runners must share one key: set CONTINUITY_STATE_KEY",
    );
    const same = await withKey(runnerA, ['build', '--index-only', '--out', 'site']);
    expect(same.code).toBe(0);
    expect(readFileSync(join(dir, 'site/index.html'), 'utf8')).toContain('Riverside Medical Centre');
  }, 300_000);
});

describe('result cache', () => {
  it('a forged cache entry cannot turn a failing plan green', async () => {
    const dir = tempWorkspace();
    const plan = join(dir, 'plans/example-riverside-medical-centre.md');
    writeFileSync(plan, replaceOnce(readFileSync(plan, 'utf8'), '## Telephony failure', '## Nothing here'));
    const first = await runCliAsync(['lint', 'plans/example-riverside-medical-centre.md'], dir);
    expect(first.code).toBe(1);
    const cacheFile = join(dir, '.continuity-cache/lint-results.json');
    const cache = JSON.parse(readFileSync(cacheFile, 'utf8'));
    const entries = Object.values(cache.entries) as {
      checked: { diagnostics: unknown[]; summary?: { errors: number } };
      mac: string;
    }[];
    expect(entries.length).toBe(1);
    // Keep the signature, clear the verdict: what a pull request could write.
    for (const e of entries) {
      e.checked.diagnostics = [];
      if (e.checked.summary) e.checked.summary.errors = 0;
    }
    writeFileSync(cacheFile, JSON.stringify(cache));
    const second = await runCliAsync(['lint', 'plans/example-riverside-medical-centre.md'], dir);
    expect(second.code).toBe(1);
    expect(second.stdout).toContain('Telephony failure');
  }, 120_000);
});

describe('CONTINUITY_STATE_KEY', () => {
  const withKey = async (key: string, args: string[], dir: string) => {
    process.env.CONTINUITY_STATE_KEY = key;
    try {
      return await runCliAsync(args, dir);
    } finally {
      delete process.env.CONTINUITY_STATE_KEY;
    }
  };
  const refusal = (n: number) =>
    `continuity: CONTINUITY_STATE_KEY has ${n} characters; it needs at least 16. It signs the result cache and the build's status files, so a short one could be guessed. Set it to a long random secret (for example the output of: openssl rand -hex 32), the same for every CI job that shares the cache or site, or unset it to use this machine's own key.\n`;

  it('shorter than 16 characters: lint, report and build stop (exit 2) and say what to set, before writing anything', async () => {
    const dir = tempWorkspace();
    const [lint, report, build] = await Promise.all([
      withKey('short-secret', ['lint', 'plans'], dir),
      withKey('fifteen chars..', ['report', 'plans', '--out', 'report'], dir),
      withKey('x', ['build', 'plans', '--outputs', 'html', '--out', 'site'], dir),
    ]);
    expect([lint.code, report.code, build.code]).toEqual([2, 2, 2]);
    expect(lint.stderr).toContain(refusal(12));
    expect(report.stderr).toContain(refusal(15));
    expect(build.stderr).toBe(refusal(1).replace('1 characters', '1 character'));
    for (const f of ['.continuity-cache', 'site', 'report']) expect(existsSync(join(dir, f)), f).toBe(false);
  }, 120_000);

  it('empty counts as not set (a CI secret that does not exist expands to nothing); 16 characters is enough', async () => {
    const dir = tempWorkspace();
    const empty = await withKey('', ['lint', 'plans'], dir);
    expect(empty.code).toBe(0);
    expect(empty.stderr).toBe(TEMPLATE_LEFT_OUT);
    const sixteen = await withKey('0123456789abcdef', ['lint', 'plans'], dir);
    expect(sixteen.code).toBe(0);
    expect(sixteen.stderr).toBe(TEMPLATE_LEFT_OUT);
  }, 120_000);
});
