// The CLI against a hostile file system: symbolic links out of the folder and in loops, paths with
// spaces and Unicode through every reporter, files that cannot or must not be written, files that
// change, vanish or turn into folders while the CLI works, folders named like plans, unreadable files.
// Each ends in a clear outcome: a diagnostic, or a plain reason on stderr with exit 2; never a crash,
// a stack trace, a hang or a partial write.
//
// The cases that need a file to change at an exact moment run the built CLI in-process with its test
// seams (hooks called after discovery and before a fix is written), the rest run `continuity` itself.
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runLint, type LintOptions } from '../../dist/cli/commands/lint.js';
import { writeFileAtomic } from '../../core/io/write-file-atomic.js';
import { ROOT, TODAY } from '../helpers/plans.js';
import { runCliAsync } from './run-cli.js';

const HANG = 120_000;
const CLEAN = readFileSync(join(ROOT, 'plans', 'example-riverside-medical-centre.md'), 'utf8');
/** The clean plan with one error that has a safe fix (a British date), so --fix has work to do. */
const FIXABLE = CLEAN.replace(/last_tested: (\d{4})-(\d{2})-(\d{2})/, 'last_tested: $3/$2/$1');
/** A plan with errors and no safe fix. */
const BROKEN = CLEAN.replace(/^## Telephony failure[\s\S]*?(?=^## )/m, '');

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) {
    spawnSync('chmod', ['-R', 'u+rwx', d]);
    rmSync(d, { recursive: true, force: true });
  }
});

function workspace(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'continuity-hostile-cli-'));
  dirs.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** The built CLI in this process, with its test seams; stdout and stderr captured. */
async function lintInProcess(dir: string, paths: string[], extra: Partial<LintOptions> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runLint(
    {
      paths,
      format: 'json',
      fix: false,
      quiet: false,
      cache: false,
      cwd: dir,
      color: false,
      today: TODAY,
      workers: 0,
      ...extra,
    },
    { stdout: (s: string) => (stdout += s), stderr: (s: string) => (stderr += s) },
  );
  return {
    code,
    stdout,
    stderr,
    report: stdout
      ? (JSON.parse(stdout) as { path: string; diagnostics: { ruleId: string; message: string }[] }[])
      : [],
  };
}

const pathsOf = (stdout: string) => (JSON.parse(stdout) as { path: string }[]).map((f) => f.path);
const noTempFiles = (dir: string) => expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);

describe.concurrent('symbolic links met while searching a folder', () => {
  function linkFarm(): string {
    const dir = workspace({ 'plans/a.md': CLEAN, 'outside/o.md': BROKEN, 'plans/sub/b.md': CLEAN });
    symlinkSync('a.md', join(dir, 'plans/inside.md')); // to a plan inside the folder
    symlinkSync('/etc/passwd', join(dir, 'plans/passwd.md')); // to a system file
    symlinkSync('../outside/o.md', join(dir, 'plans/o.md')); // to a plan outside the folder
    symlinkSync('nowhere.md', join(dir, 'plans/dangling.md')); // to nothing
    symlinkSync('self.md', join(dir, 'plans/self.md')); // to itself
    symlinkSync('..', join(dir, 'plans/loop')); // folder loop: plans/loop/plans/loop/...
    symlinkSync('../..', join(dir, 'plans/sub/up')); // another loop, from deeper down
    symlinkSync('../outside', join(dir, 'plans/outdir')); // a folder outside
    return dir;
  }
  const SKIPPED = [
    'continuity: skipped plans/dangling.md: it is a symbolic link to a file that does not exist',
    'continuity: skipped plans/o.md: it is a symbolic link to a file outside the folder being checked (OUT/o.md); name it on the command line to check it',
    'continuity: skipped plans/passwd.md: it is a symbolic link to a file outside the folder being checked (/etc/passwd); name it on the command line to check it',
    'continuity: skipped plans/self.md: it is a symbolic link that points to itself',
  ];

  it.each([
    ['a folder', 'plans'],
    ['a glob', 'plans/**/*.md'],
  ])(
    'searching %s: no loop, no file outside read; links out, to nothing or to themselves said on stderr',
    async (_what, input) => {
      const dir = linkFarm();
      const r = await runCliAsync(['lint', input, '--format', 'json', '--no-cache'], dir, { hangMs: HANG });
      expect(pathsOf(r.stdout)).toEqual(['plans/a.md', 'plans/sub/b.md']);
      expect(r.stderr.trimEnd().split('\n').sort()).toEqual(SKIPPED.map((l) => l.replace('OUT', join(dir, 'outside'))));
      expect(r.code).toBe(0);
    },
    HANG,
  );
  it(
    'a link named on the command line is checked, wherever it leads (the user asked for it)',
    async () => {
      const dir = linkFarm();
      const r = await runCliAsync(['lint', 'plans/passwd.md', '--format', 'json', '--no-cache'], dir, { hangMs: HANG });
      expect(pathsOf(r.stdout)).toEqual(['plans/passwd.md']);
      expect(r.stdout).toContain('"ruleId": "front-matter"');
      expect(r.code).toBe(1);
    },
    HANG,
  );
  it(
    '--fix on a link (even to a plan beside it) checks it but writes nothing: the link stays a link, its target unchanged',
    async () => {
      const dir = workspace({ 'plans/a.md': FIXABLE });
      symlinkSync('a.md', join(dir, 'plans/current.md'));
      const r = await runCliAsync(['lint', 'plans/current.md', '--fix', '--no-cache'], dir, { hangMs: HANG });
      expect(r.stderr).toBe(
        `continuity: ${join(dir, 'plans/current.md')}: not fixed: it is a symbolic link (to a.md), and the tools never write through a link. Run --fix on the file it points to, if that is a plan you mean to change.\n`,
      );
      expect(r.code).toBe(1);
      expect(lstatSync(join(dir, 'plans/current.md')).isSymbolicLink()).toBe(true);
      expect(readFileSync(join(dir, 'plans/a.md'), 'utf8')).toBe(FIXABLE);
      noTempFiles(join(dir, 'plans'));
    },
    HANG,
  );
});

describe.concurrent("paths with spaces and Unicode through every reporter: plans/Dr Ñoño's surgery ✓/plan.md", () => {
  const NAME = "plans/Dr Ñoño's surgery ✓/plan.md";
  const ODD = 'plans/50% off, 2: ward/plan.md';
  const dir = workspace({ [NAME]: BROKEN, [ODD]: BROKEN });
  const run = (format: string) =>
    runCliAsync(['lint', 'plans', '--format', format, '--no-cache'], dir, { hangMs: HANG });

  it(
    'stylish',
    async () => {
      const r = await run('stylish');
      expect(r.code).toBe(1);
      expect(r.stdout.split('\n')).toContain(NAME);
      expect(r.stdout.split('\n')).toContain(ODD);
    },
    HANG,
  );
  it(
    'json',
    async () => {
      const r = await run('json');
      expect(pathsOf(r.stdout).sort()).toEqual([ODD, NAME].sort());
    },
    HANG,
  );
  it(
    'sarif: percent-encoded URIs that decode back to the path',
    async () => {
      const r = await run('sarif');
      const uris = new Set(
        (
          JSON.parse(r.stdout).runs[0].results as {
            locations: { physicalLocation: { artifactLocation: { uri: string } } }[];
          }[]
        ).map((x) => x.locations[0].physicalLocation.artifactLocation.uri),
      );
      expect([...uris].sort()).toEqual([
        'plans/50%25%20off%2C%202%3A%20ward/plan.md',
        "plans/Dr%20%C3%91o%C3%B1o's%20surgery%20%E2%9C%93/plan.md",
      ]);
      expect([...uris].map((u) => decodeURIComponent(u)).sort()).toEqual([ODD, NAME].sort());
    },
    HANG,
  );
  it(
    'github: the file property escaped as the runner expects (%, comma and colon)',
    async () => {
      const r = await run('github');
      const files = new Set(
        r.stdout
          .trimEnd()
          .split('\n')
          .map((l) => /^::error file=([^,]*),line=/.exec(l)?.[1]),
      );
      expect([...files].sort()).toEqual(['plans/50%25 off%2C 2%3A ward/plan.md', "plans/Dr Ñoño's surgery ✓/plan.md"]);
    },
    HANG,
  );
  it(
    'junit: the path as the suite name, XML-escaped',
    async () => {
      const r = await run('junit');
      expect(r.stdout).toContain(`<testsuite name="plans/Dr Ñoño's surgery ✓/plan.md"`);
      expect(r.stdout).toContain('<testsuite name="plans/50% off, 2: ward/plan.md"');
    },
    HANG,
  );
  it(
    '--output into a folder with a Unicode name; a missing folder is exit 2 with the reason',
    async () => {
      mkdirSync(join(dir, 'reports ✓'), { recursive: true });
      const ok = await runCliAsync(
        ['lint', NAME, '--format', 'sarif', '--output', 'reports ✓/lint.sarif', '--no-cache'],
        dir,
        { hangMs: HANG },
      );
      expect(ok.code).toBe(1);
      expect(JSON.parse(readFileSync(join(dir, 'reports ✓/lint.sarif'), 'utf8')).version).toBe('2.1.0');
      const missing = await runCliAsync(['lint', NAME, '--output', 'no such folder ✓/lint.txt', '--no-cache'], dir, {
        hangMs: HANG,
      });
      expect(missing.code).toBe(2);
      expect(missing.stderr).toBe(
        'continuity: could not write the report to no such folder ✓/lint.txt: its folder does not exist\n',
      );
      expect(existsSync(join(dir, 'no such folder ✓'))).toBe(false);
    },
    HANG,
  );
});

describe('--fix never writes what it must not, and never half', () => {
  it(
    'a chmod 000 file, as root too: not fixed (its permission bits say no one writes it), bytes and mode kept',
    async () => {
      const dir = workspace({ 'plans/locked.md': FIXABLE });
      const file = join(dir, 'plans/locked.md');
      chmodSync(file, 0o000);
      const r = await runCliAsync(['lint', 'plans/locked.md', '--fix', '--no-cache'], dir, { hangMs: HANG });
      chmodSync(file, 0o600);
      expect(r.stderr).toBe(`continuity: ${file}: not fixed: the file is read-only\n`);
      expect(r.code).toBe(1);
      expect(readFileSync(file, 'utf8')).toBe(FIXABLE);
      noTempFiles(join(dir, 'plans'));
    },
    HANG,
  );
  it(
    'a read-only file with a BOM and CRLF: every byte and the mode kept, no temp file left',
    async () => {
      const dir = workspace();
      const file = join(dir, 'ro.md');
      const bytes = '\uFEFF' + FIXABLE.replace(/\n/g, '\r\n');
      writeFileSync(file, bytes);
      chmodSync(file, 0o444);
      const r = await runCliAsync(['lint', 'ro.md', '--fix', '--no-cache'], dir, { hangMs: HANG });
      expect(r.stderr).toMatch(/not fixed: the file is read-only/);
      expect(readFileSync(file, 'utf8')).toBe(bytes);
      expect(statSync(file).mode & 0o777).toBe(0o444);
      noTempFiles(dir);
    },
    HANG,
  );
  it('a file changed by someone else while it was being fixed: not written, their change kept', async () => {
    const dir = workspace({ 'plan.md': FIXABLE });
    const theirs = FIXABLE.replace('Riverside Medical Centre', 'Riverside Health Centre');
    const r = await lintInProcess(dir, ['plan.md'], {
      fix: true,
      hooks: { beforeWrite: (f: string) => writeFileSync(f, theirs) },
    });
    expect(r.stderr).toBe(
      `continuity: ${join(dir, 'plan.md')}: not fixed: the file changed while it was being fixed; run --fix again\n`,
    );
    expect(readFileSync(join(dir, 'plan.md'), 'utf8')).toBe(theirs);
    expect(r.code).toBe(1);
    noTempFiles(dir);
  });
  it('a file deleted while it was being fixed: said so, and not written back', async () => {
    const dir = workspace({ 'plan.md': FIXABLE });
    const r = await lintInProcess(dir, ['plan.md'], {
      fix: true,
      hooks: { beforeWrite: (f: string) => unlinkSync(f) },
    });
    expect(r.stderr).toBe(
      `continuity: ${join(dir, 'plan.md')}: not fixed: the file was deleted while it was being fixed\n`,
    );
    expect(existsSync(join(dir, 'plan.md'))).toBe(false);
    noTempFiles(dir);
  });
  it('writing over a folder fails cleanly: the error is thrown, nothing is left behind', () => {
    const dir = workspace({ 'taken.md/inside.md': 'x' });
    expect(() => writeFileAtomic(join(dir, 'taken.md'), 'new', { within: dir })).toThrow();
    expect(readdirSync(dir)).toEqual(['taken.md']);
    expect(readFileSync(join(dir, 'taken.md/inside.md'), 'utf8')).toBe('x');
  });
});

describe('files that vanish or are not files', () => {
  const GONE =
    /^The file could not be read \(it no longer exists: it was moved or deleted while the plans were being checked\)\.$/;
  it.each([
    ['checking in this thread', { workers: 0 }],
    ['checking in worker threads', { workers: 2 }],
    ['fixing', { fix: true }],
  ] as const)(
    'a file deleted between discovery and reading (%s): unreadable-file, the other plans checked',
    async (_how, extra) => {
      const dir = workspace({ 'plans/a.md': CLEAN, 'plans/b.md': CLEAN, 'plans/c.md': BROKEN });
      const r = await lintInProcess(dir, ['plans'], {
        ...extra,
        hooks: { afterDiscovery: () => unlinkSync(join(dir, 'plans/b.md')) },
      });
      expect(r.report.map((f) => [f.path, f.diagnostics.map((d) => d.ruleId)])).toEqual([
        ['plans/a.md', []],
        ['plans/b.md', ['unreadable-file']],
        ['plans/c.md', ['schema/required-section']],
      ]);
      expect(r.report[1].diagnostics[0].message).toMatch(GONE);
      expect(r.code).toBe(1);
    },
  );
  it('a file replaced by a folder between discovery and reading: unreadable-file, "it is a folder"', async () => {
    const dir = workspace({ 'plans/a.md': CLEAN });
    const r = await lintInProcess(dir, ['plans'], {
      hooks: {
        afterDiscovery: () => {
          unlinkSync(join(dir, 'plans/a.md'));
          mkdirSync(join(dir, 'plans/a.md'));
        },
      },
    });
    expect(r.report[0].diagnostics.map((d) => d.message)).toEqual([
      'The file could not be read (it is a folder, not a file).',
    ]);
    expect(r.code).toBe(1);
  });
  it(
    'a folder named x.md is searched as a folder, never read as a plan',
    async () => {
      const dir = workspace({ 'plans/x.md/inner.md': CLEAN, 'plans/a.md': CLEAN });
      mkdirSync(join(dir, 'plans/empty.md'));
      const [all, glob, named, empty] = await Promise.all([
        runCliAsync(['lint', 'plans', '--format', 'json', '--no-cache'], dir, { hangMs: HANG }),
        runCliAsync(['lint', 'plans/*.md', '--format', 'json', '--no-cache'], dir, { hangMs: HANG }),
        runCliAsync(['lint', 'plans/x.md', '--format', 'json', '--no-cache'], dir, { hangMs: HANG }),
        runCliAsync(['lint', 'plans/empty.md', '--no-cache'], dir, { hangMs: HANG }),
      ]);
      expect(pathsOf(all.stdout)).toEqual(['plans/a.md', 'plans/x.md/inner.md']);
      expect(all.code).toBe(0);
      expect(pathsOf(glob.stdout)).toEqual(['plans/a.md']);
      expect(pathsOf(named.stdout)).toEqual(['plans/x.md/inner.md']);
      expect(empty.code).toBe(2);
      expect(empty.stderr).toBe(
        "continuity: no plan files match 'plans/empty.md'\ncontinuity: no plan files found in 'plans/empty.md'. Give a folder of plans, a .md file or a glob such as \"plans/**/*.md\".\n",
      );
    },
    HANG,
  );
  it(
    'a chmod 000 plan: root reads it (and checks it as usual); without that privilege it is "permission denied", exit 1',
    async () => {
      const dir = workspace({ 'plans/locked.md': CLEAN, 'plans/open.md': BROKEN });
      chmodSync(join(dir, 'plans/locked.md'), 0o000);
      const isRoot = process.getuid?.() === 0;
      // As root, drop the capability that lets root read any file (what an ordinary user never has).
      const prefix = isRoot
        ? [
            'setpriv',
            '--inh-caps=-dac_override,-dac_read_search',
            '--bounding-set=-dac_override,-dac_read_search',
            '--',
          ]
        : [];
      const [asUs, unprivileged] = await Promise.all([
        runCliAsync(['lint', 'plans', '--format', 'json', '--no-cache'], dir, { hangMs: HANG }),
        runCliAsync(['lint', 'plans', '--format', 'json', '--no-cache'], dir, { hangMs: HANG, prefix }),
      ]);
      const denied = [
        [
          'plans/locked.md',
          ['The file could not be read (permission denied: ask whoever manages the folder for read access).'],
        ],
        ['plans/open.md', ['schema/required-section']],
      ];
      const summary = (stdout: string) =>
        (JSON.parse(stdout) as { path: string; diagnostics: { ruleId: string; message: string }[] }[]).map((f) => [
          f.path,
          f.diagnostics.map((d) => (d.ruleId === 'unreadable-file' ? d.message : d.ruleId)),
        ]);
      if (isRoot) {
        expect(summary(asUs.stdout)).toEqual([
          ['plans/locked.md', []],
          ['plans/open.md', ['schema/required-section']],
        ]);
      } else {
        expect(summary(asUs.stdout)).toEqual(denied);
      }
      expect(unprivileged.stderr).toBe('');
      expect(summary(unprivileged.stdout)).toEqual(denied);
      expect(unprivileged.code).toBe(1);
    },
    HANG,
  );
});

describe('terminal safety', () => {
  it(
    'escape sequences written in a heading are shown, never sent to the terminal',
    async () => {
      const dir = workspace({ 'plan.md': `${CLEAN}\n## \u001b[2J\u001b[31mWiped\u0007\n` });
      const r = await runCliAsync(['lint', 'plan.md', '--no-cache'], dir, { hangMs: HANG });
      expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
      expect(r.stdout).toContain("'\\u001b[2J\\u001b[31mWiped\\u0007' section is empty");
    },
    HANG,
  );
});
