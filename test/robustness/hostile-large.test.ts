// Large hostile plans through the real CLI (the built tools, as users run them), all in one run of
// `continuity lint` over a folder: each file ends with a clear outcome, nothing is written but the
// report asked for, and the run finishes (the timeout is a hang detector; bench/hostile.js has the
// time and memory of each case on its own).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { basePlan, hostileCases } from '../../bench/hostile-cases.js';
import type { Diagnostic } from '../../core/diagnostic.js';
import { runCliAsync, type CliResult } from './run-cli.js';

const HANG = 300_000;
const CASES = [
  'plan-10mb',
  'blocks-200000',
  'long-line-1mb',
  'long-table-cell-2mb',
  'long-front-matter-value-2mb',
  'table-2000-rows',
  'table-50000-rows',
  'headings-50000',
] as const;

const dir = mkdtempSync(join(tmpdir(), 'continuity-large-'));
const inputs = new Map<string, string>();
let run: CliResult;
let report: Map<string, Diagnostic[]>;

const many = mkdtempSync(join(tmpdir(), 'continuity-large-'));
let manyRun: CliResult;

beforeAll(async () => {
  for (const name of CASES) {
    const text = hostileCases[name].make() as string;
    inputs.set(name, text);
    writeFileSync(join(dir, `${name}.md`), text);
  }
  writeFileSync(join(many, 'plan.md'), hostileCases['placeholders-150000'].make() as string);
  // The two runs side by side (each is one process; the machine has at least two cores).
  [run, manyRun] = await Promise.all([
    runCliAsync(['lint', '.', '--no-cache', '--format', 'json', '--output', 'report.json'], dir, { hangMs: HANG }),
    runCliAsync(['lint', 'plan.md', '--no-cache', '--output', 'report.txt'], many, { hangMs: HANG }),
  ]);
  const files = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as {
    path: string;
    diagnostics: Diagnostic[];
  }[];
  report = new Map(files.map((f) => [f.path.replace(/\.md$/, ''), f.diagnostics]));
}, HANG);
afterAll(() => [dir, many].forEach((d) => rmSync(d, { recursive: true, force: true })));

const h2s = (text: string) => (text.match(/^## /gm) ?? []).length;

describe('large plans through one continuity lint run', () => {
  it('the run ends normally: exit 1 (some plans have errors), nothing on stderr, no file written but the report, no plan changed', () => {
    expect(run.signal).toBe(null);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(readdirSync(dir).sort()).toEqual([...CASES.map((c) => `${c}.md`), 'report.json'].sort());
    for (const name of CASES) expect(readFileSync(join(dir, `${name}.md`), 'utf8') === inputs.get(name)).toBe(true);
    expect([...report.values()].flat().filter((d) => d.ruleId === 'internal-error')).toEqual([]);
  });
  it('a 10 MB plan: checked, each repeated section reported once as a duplicate', () => {
    const text = inputs.get('plan-10mb')!;
    expect(text.length).toBeGreaterThanOrEqual(10 * 1024 * 1024);
    const ds = report.get('plan-10mb')!;
    expect([...new Set(ds.map((d) => d.ruleId))]).toEqual(['duplicate-section']);
    expect(ds).toHaveLength(h2s(text) - h2s(basePlan()));
  });
  it.each([
    'blocks-200000',
    'long-line-1mb',
    'long-table-cell-2mb',
    'long-front-matter-value-2mb',
    'table-2000-rows',
    'headings-50000',
  ] as const)('%s: read as written and the plan is clean', (name) => expect(report.get(name)).toEqual([]));
  it('a table of 50,000 rows: one unreadable-block error on its first line, the rest checked', () => {
    const text = inputs.get('table-50000-rows')!;
    const line = text.slice(0, text.indexOf('| Contact | Phone |\n')).split('\n').length;
    expect(report.get('table-50000-rows')!.map((d) => [d.ruleId, d.range.start.line])).toEqual([
      ['unreadable-block', line],
    ]);
  });
});

describe('a report of 150,000 problems', () => {
  it('in the default (stylish) format: every one printed, then the summary (exit 0: warnings only)', () => {
    expect(manyRun.stderr).toBe('');
    expect(manyRun.code).toBe(0);
    const lines = readFileSync(join(many, 'report.txt'), 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('plan.md');
    expect(lines.filter((l) => l.endsWith('  placeholder'))).toHaveLength(150_000);
    expect(lines.at(-1)).toBe('✖ 150000 problems (0 errors, 150000 warnings)');
  });
});
