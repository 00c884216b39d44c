// Every file the tools write, against a checkout that a pull request filled with symbolic links: at
// the temp names a writer might use, at the target, at the folder the file goes in (`.continuity-cache`,
// `site`, `site/status`, a plan's folder) and at a parent of it. Nothing is ever written, or deleted,
// through a link: a link at a generated file is replaced by the file, a linked folder stops the write
// with a plain reason, and a plan that is a link is checked but not fixed.
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../core/io/write-file-atomic.js';
import { ResultCache } from '../../cli/result-cache.js';
import { forgetStateKey, signState, stateKeyFile } from '../../cli/state-key.js';
import { ROOT } from '../helpers/plans.js';
import { runCliAsync } from './run-cli.js';

const HANG = 120_000;
const CLEAN = readFileSync(join(ROOT, 'plans', 'example-riverside-medical-centre.md'), 'utf8');
/** The clean plan with one error that has a safe fix (a British date), so --fix has work to do. */
const FIXABLE = CLEAN.replace(/last_tested: (\d{4})-(\d{2})-(\d{2})/, 'last_tested: $3/$2/$1');
const VICTIM = 'a file the runner can write, which must stay as it is\n';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

beforeAll(() => {
  // This file's own key folder, for this process and the CLI runs it starts.
  process.env.XDG_STATE_HOME = temp('state');
  delete process.env.CONTINUITY_STATE_KEY;
  forgetStateKey();
});

function temp(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `continuity-safe-${name}-`));
  dirs.push(dir);
  return dir;
}

/** A checkout with one plan, and a folder outside it that the attacks aim at. */
function checkout(plan = CLEAN): { dir: string; outside: string } {
  const dir = temp('checkout');
  mkdirSync(join(dir, 'plans'));
  writeFileSync(join(dir, 'plans/riverside.md'), plan);
  const outside = temp('outside');
  writeFileSync(join(outside, 'victim'), VICTIM);
  return { dir, outside };
}

/** Every file under a folder, relative, sorted (links listed as links, not followed). */
function filesUnder(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((f) => !lstatSync(join(dir, f)).isDirectory())
    .sort();
}

const untouched = (outside: string) => {
  expect(filesUnder(outside)).toEqual(['victim']);
  expect(readFileSync(join(outside, 'victim'), 'utf8')).toBe(VICTIM);
};

describe('the write mechanism', () => {
  it('a link at the target is replaced by the file, never written through; the link target keeps its bytes', () => {
    const { dir, outside } = checkout();
    symlinkSync(join(outside, 'victim'), join(dir, 'report.json'));
    writeFileAtomic(join(dir, 'report.json'), '{}\n', { within: dir });
    expect(lstatSync(join(dir, 'report.json')).isFile()).toBe(true);
    expect(readFileSync(join(dir, 'report.json'), 'utf8')).toBe('{}\n');
    untouched(outside);
  });

  it('a link at the target is refused when asked (a plan), and a hard link is replaced, not written through', () => {
    const { dir, outside } = checkout();
    symlinkSync(join(outside, 'victim'), join(dir, 'plans/linked.md'));
    expect(() => writeFileAtomic(join(dir, 'plans/linked.md'), 'x', { within: dir, atLink: 'refuse' })).toThrow(
      `In ${dir}, plans/linked.md is a symbolic link, so it was not written: the tools never write through a link`,
    );
    untouched(outside);
    const hard = join(dir, 'hard.md');
    spawnSync('ln', [join(outside, 'victim'), hard]);
    expect(statSync(hard).nlink).toBe(2);
    writeFileAtomic(hard, 'new', { within: dir });
    expect(readFileSync(hard, 'utf8')).toBe('new');
    untouched(outside);
  });

  it('a linked folder on the way, at any depth, stops the write; folders are made without following links', () => {
    const { dir, outside } = checkout();
    symlinkSync(outside, join(dir, 'site'));
    expect(() => writeFileAtomic(join(dir, 'site/status/a.json'), '{}', { within: dir, makeFolders: true })).toThrow(
      `In ${dir}, site is a symbolic link, so site/status/a.json was not written`,
    );
    mkdirSync(join(dir, 'real/deeper'), { recursive: true });
    symlinkSync(outside, join(dir, 'real/deeper/status'));
    expect(() =>
      writeFileAtomic(join(dir, 'real/deeper/status/x/a.json'), '{}', { within: dir, makeFolders: true }),
    ).toThrow('real/deeper/status is a symbolic link');
    untouched(outside);
  });

  it('the folder the user named outside the working folder is trusted as named; inside it, links are still refused', () => {
    const named = temp('named');
    const real = temp('real');
    symlinkSync(real, join(named, 'out'));
    // `--out named/out` where out is the user's own link: the user named it, so it is used.
    writeFileAtomic(join(named, 'out/a.html'), 'x', { within: join(named, 'out'), makeFolders: true });
    expect(readFileSync(join(real, 'a.html'), 'utf8')).toBe('x');
    const { outside } = checkout();
    symlinkSync(outside, join(real, 'plans'));
    expect(() =>
      writeFileAtomic(join(named, 'out/plans/a.html'), 'x', { within: join(named, 'out'), makeFolders: true }),
    ).toThrow('plans is a symbolic link');
    untouched(outside);
  });

  it('a file outside where it belongs is refused', () => {
    const { dir, outside } = checkout();
    expect(() => writeFileAtomic(join(dir, '../x'), 'x', { within: dir })).toThrow('it is outside');
    untouched(outside);
  });

  it('ifExists keep: an existing file, or a link (even one to nothing), is never replaced', () => {
    const { dir, outside } = checkout();
    symlinkSync(join(outside, 'nothing-yet'), join(dir, 'new.md'));
    expect(() => writeFileAtomic(join(dir, 'new.md'), 'x', { within: dir, ifExists: 'keep' })).toThrow(
      'already exists',
    );
    expect(existsSync(join(outside, 'nothing-yet'))).toBe(false);
    writeFileAtomic(join(dir, 'fresh.md'), 'mine', { within: dir, ifExists: 'keep' });
    expect(() => writeFileAtomic(join(dir, 'fresh.md'), 'theirs', { within: dir, ifExists: 'keep' })).toThrow(
      'already exists',
    );
    expect(readFileSync(join(dir, 'fresh.md'), 'utf8')).toBe('mine');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    untouched(outside);
  });
});

describe('the result cache', () => {
  it('links planted at every temp name the cache could use (this process id) catch nothing', () => {
    const { dir, outside } = checkout();
    mkdirSync(join(dir, '.continuity-cache'));
    // The name the cache used to write through: `<file>.<pid>.tmp`, as a pull request could commit for every pid.
    symlinkSync(join(outside, 'victim'), join(dir, `.continuity-cache/lint-results.json.${process.pid}.tmp`));
    const cache = ResultCache.open(dir);
    cache.set('k', { diagnostics: [] });
    expect(cache.save()).toBeUndefined();
    untouched(outside);
    expect(JSON.parse(readFileSync(join(dir, '.continuity-cache/lint-results.json'), 'utf8')).format).toBe(3);
  });

  it(
    'a committed .continuity-cache link, or a linked parent of --cache-location: lint says the cache was not saved, and the verdict stands',
    async () => {
      const { dir, outside } = checkout();
      symlinkSync(outside, join(dir, '.continuity-cache'));
      const r = await runCliAsync(['lint', 'plans'], dir, { hangMs: HANG });
      expect(r.code).toBe(0);
      expect(r.stderr).toBe(
        `continuity: the result cache was not saved (the next run checks every plan again): In ${dir}, .continuity-cache is a symbolic link, so .continuity-cache/lint-results.json was not written: the tools never write through a link (one committed to a repository could send files anywhere). Remove the link, or name the real folder.\n`,
      );
      mkdirSync(join(dir, 'tmp'));
      symlinkSync(outside, join(dir, 'tmp/cache'));
      const deeper = await runCliAsync(['lint', 'plans', '--cache-location', 'tmp/cache/lint'], dir, { hangMs: HANG });
      expect(deeper.code).toBe(0);
      expect(deeper.stderr).toContain('tmp/cache is a symbolic link');
      untouched(outside);
    },
    HANG,
  );
});

describe.concurrent('reports, fixes and new plans', () => {
  it(
    'lint --output into a linked folder: exit 2 with the reason, nothing written outside',
    async () => {
      const { dir, outside } = checkout();
      symlinkSync(outside, join(dir, 'reports'));
      const r = await runCliAsync(['lint', 'plans', '--no-cache', '--format', 'sarif', '-o', 'reports/r.sarif'], dir, {
        hangMs: HANG,
      });
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(
        `continuity: could not write the report to reports/r.sarif: In ${dir}, reports is a symbolic link, so reports/r.sarif was not written: the tools never write through a link (one committed to a repository could send files anywhere). Remove the link, or name the real folder.\n`,
      );
      untouched(outside);
    },
    HANG,
  );

  it(
    'lint --fix on a shell-expanded glob (plans/*.md) holding a committed link: the link is checked, not fixed; the real plan is fixed',
    async () => {
      const { dir, outside } = checkout(FIXABLE);
      writeFileSync(join(outside, 'victim'), FIXABLE);
      symlinkSync(join(outside, 'victim'), join(dir, 'plans/zz-link.md'));
      const r = await runCliAsync(
        ['lint', '--fix', '--no-cache', 'plans/riverside.md', 'plans/zz-link.md', '--format', 'json'],
        dir,
        { hangMs: HANG },
      );
      expect(r.stderr).toBe(
        `continuity: ${join(dir, 'plans/zz-link.md')}: not fixed: it is a symbolic link (to ${join(outside, 'victim')}), and the tools never write through a link. Run --fix on the file it points to, if that is a plan you mean to change.\n`,
      );
      expect(readFileSync(join(outside, 'victim'), 'utf8')).toBe(FIXABLE);
      expect(readFileSync(join(dir, 'plans/riverside.md'), 'utf8')).toBe(CLEAN);
      expect(lstatSync(join(dir, 'plans/zz-link.md')).isSymbolicLink()).toBe(true);
      // The link's plan still has its error: it was checked.
      const report = JSON.parse(r.stdout) as { path: string; diagnostics: unknown[] }[];
      expect(report.map((f) => [f.path, f.diagnostics.length > 0])).toEqual([
        ['plans/riverside.md', false],
        ['plans/zz-link.md', true],
      ]);
      expect(r.code).toBe(1);
    },
    HANG,
  );

  it(
    'lint --fix on a plan in a linked folder: not fixed, the reason said',
    async () => {
      const { dir, outside } = checkout();
      writeFileSync(join(outside, 'victim'), FIXABLE);
      symlinkSync(outside, join(dir, 'plans/elsewhere'));
      const r = await runCliAsync(['lint', '--fix', '--no-cache', 'plans/elsewhere/victim'], dir, { hangMs: HANG });
      expect(r.stderr).toBe(
        `continuity: ${join(dir, 'plans/elsewhere/victim')}: not fixed: In ${dir}, plans/elsewhere is a symbolic link, so plans/elsewhere/victim was not written: the tools never write through a link (one committed to a repository could send files anywhere). Remove the link, or name the real folder.\n`,
      );
      expect(readFileSync(join(outside, 'victim'), 'utf8')).toBe(FIXABLE);
      expect(r.code).toBe(1);
    },
    HANG,
  );

  it(
    'new --out through a linked folder, or onto a link to nothing: refused, nothing created outside',
    async () => {
      const { dir, outside } = checkout();
      symlinkSync(outside, join(dir, 'drafts'));
      const r = await runCliAsync(['new', '--name', 'Oak Surgery', '--ods', 'K81003', '--out', 'drafts/oak.md'], dir, {
        hangMs: HANG,
      });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`continuity: In ${dir}, drafts is a symbolic link, so drafts/oak.md was not written`);
      symlinkSync(join(outside, 'planted.md'), join(dir, 'plans/oak.md'));
      const dangling = await runCliAsync(
        ['new', '--name', 'Oak Surgery', '--ods', 'K81003', '--out', 'plans/oak.md'],
        dir,
        {
          hangMs: HANG,
        },
      );
      expect(dangling.code).toBe(2);
      expect(dangling.stderr).toBe(
        `continuity: ${join(dir, 'plans/oak.md')} already exists; choose another --out (nothing was overwritten)\n`,
      );
      untouched(outside);
    },
    HANG,
  );

  it(
    'import --out (and --force) onto a link, or into a linked folder: refused, nothing written outside',
    async () => {
      const { dir, outside } = checkout();
      writeFileSync(join(dir, 'old-plan.txt'), 'Riverside Medical Centre\n\nIf the phones fail, use the mobile.\n');
      symlinkSync(join(outside, 'victim'), join(dir, 'plans/imported.md'));
      const r = await runCliAsync(['import', 'old-plan.txt', '--out', 'plans/imported.md', '--force'], dir, {
        hangMs: HANG,
      });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('plans/imported.md is a symbolic link, so it was not written');
      symlinkSync(outside, join(dir, 'drafts'));
      const folder = await runCliAsync(['import', 'old-plan.txt', '--out', 'drafts/imported.md'], dir, {
        hangMs: HANG,
      });
      expect(folder.code).toBe(2);
      expect(folder.stderr).toContain('drafts is a symbolic link, so drafts/imported.md was not written');
      untouched(outside);
    },
    HANG,
  );
});

describe.concurrent('the build site, the print folder and the dashboard', () => {
  for (const linked of ['site', 'site/status', 'site/plans']) {
    it(
      `a committed ${linked} link: the build stops with the reason, and writes and deletes nothing outside`,
      async () => {
        const { dir, outside } = checkout();
        mkdirSync(join(dir, linked, '..'), { recursive: true });
        symlinkSync(outside, join(dir, linked));
        const r = await runCliAsync(
          ['build', 'plans', '--outputs', 'html', '--out', 'site', '--today', '2026-11-01'],
          dir,
          {
            hangMs: HANG,
          },
        );
        expect(r.code).toBe(2);
        expect(r.stderr).toContain(`continuity: In ${dir}, ${linked} is a symbolic link, so `);
        expect(r.stderr).toContain('the tools never write through a link');
        untouched(outside);
      },
      HANG,
    );
  }

  it(
    'a link committed at a printed copy or a page of the site is replaced by the file; its target keeps its bytes',
    async () => {
      const { dir, outside } = checkout();
      mkdirSync(join(dir, 'site/plans'), { recursive: true });
      symlinkSync(join(outside, 'victim'), join(dir, 'site/plans/riverside.html'));
      symlinkSync(join(outside, 'victim'), join(dir, 'site/index.html'));
      const r = await runCliAsync(
        ['build', 'plans', '--outputs', 'html', '--out', 'site', '--today', '2026-11-01'],
        dir,
        {
          hangMs: HANG,
        },
      );
      expect(r.code).toBe(0);
      expect(lstatSync(join(dir, 'site/plans/riverside.html')).isFile()).toBe(true);
      expect(lstatSync(join(dir, 'site/index.html')).isFile()).toBe(true);
      untouched(outside);
    },
    HANG,
  );

  it(
    'render --out and report --out into a linked folder: exit 2 with the reason, nothing written outside',
    async () => {
      const { dir, outside } = checkout();
      symlinkSync(outside, join(dir, 'print'));
      symlinkSync(outside, join(dir, 'report'));
      const render = await runCliAsync(['render', 'plans', '--format', 'html'], dir, { hangMs: HANG });
      expect(render.code).toBe(2);
      expect(render.stderr).toBe(
        `continuity: In ${dir}, print is a symbolic link, so nothing was written into it: the tools never write through a link (one committed to a repository could send files anywhere). Remove the link, or name the real folder.\n`,
      );
      const report = await runCliAsync(['report', 'plans', '--today', '2026-11-01'], dir, { hangMs: HANG });
      expect(report.code).toBe(2);
      expect(report.stderr).toContain(
        `continuity: In ${dir}, report is a symbolic link, so report/dashboard.html was not written`,
      );
      untouched(outside);
    },
    HANG,
  );
});

describe('the state key', () => {
  it('a linked key folder is not written through: the key lives for this process only, and nothing lands outside', () => {
    const home = temp('state-home');
    const { outside } = checkout();
    symlinkSync(outside, join(home, 'continuity'));
    const saved = process.env.XDG_STATE_HOME;
    process.env.XDG_STATE_HOME = home;
    forgetStateKey();
    try {
      expect(signState('x')).toMatch(/^[0-9a-f]{64}$/);
      expect(stateKeyFile()).toBe(join(home, 'continuity', 'state.key'));
      untouched(outside);
    } finally {
      process.env.XDG_STATE_HOME = saved;
      forgetStateKey();
    }
  });

  it('a fresh key is whole, owner-only, in an owner-only folder, and kept for the next process', () => {
    const home = temp('state-home');
    const saved = process.env.XDG_STATE_HOME;
    process.env.XDG_STATE_HOME = home;
    forgetStateKey();
    try {
      const first = signState('x');
      const file = join(home, 'continuity', 'state.key');
      expect(statSync(file).size).toBe(32);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(statSync(join(home, 'continuity')).mode & 0o777).toBe(0o700);
      forgetStateKey();
      expect(signState('x')).toBe(first);
    } finally {
      process.env.XDG_STATE_HOME = saved;
      forgetStateKey();
    }
  });
});
