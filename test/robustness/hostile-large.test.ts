// Large hostile plans through the real CLI (the built tools, as users run them): each ends with a
// clear outcome and exit code, writes nothing but the report asked for, and finishes (the timeout is a
// hang detector; bench/hostile.js has the time and memory figures).
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { basePlan, hostileCases } from '../../bench/hostile-cases.js';
import type { Diagnostic } from '../../core/diagnostic.js';
import { runCliAsync } from './run-cli.js';

const HANG = 240_000;
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

interface Linted {
  code: number | null;
  stderr: string;
  diagnostics: Diagnostic[];
  text: string;
}

/** Lint one case with --format json into a report file; check nothing else was written. */
async function lint(name: keyof typeof hostileCases): Promise<Linted> {
  const dir = mkdtempSync(join(tmpdir(), 'continuity-large-'));
  dirs.push(dir);
  const input = hostileCases[name].make() as string;
  writeFileSync(join(dir, 'plan.md'), input);
  const r = await runCliAsync(['lint', 'plan.md', '--no-cache', '--format', 'json', '--output', 'report.json'], dir, { hangMs: HANG });
  expect(r.signal).toBe(null);
  expect(r.stderr).toBe('');
  expect(readdirSync(dir).sort()).toEqual(['plan.md', 'report.json']);
  expect(readFileSync(join(dir, 'plan.md'), 'utf8')).toBe(input);
  const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as { path: string; diagnostics: Diagnostic[] }[];
  expect(report.map((f) => f.path)).toEqual(['plan.md']);
  expect(report[0].diagnostics.filter((d) => d.ruleId === 'internal-error')).toEqual([]);
  return { code: r.code, stderr: r.stderr, diagnostics: report[0].diagnostics, text: input };
}

const h2s = (text: string) => (text.match(/^## /gm) ?? []).length;

describe('large plans through continuity lint', () => {
  it('a 10 MB plan: checked, each repeated section reported once as a duplicate (exit 1)', async () => {
    const r = await lint('plan-10mb');
    expect(r.text.length).toBeGreaterThanOrEqual(10 * 1024 * 1024);
    expect([...new Set(r.diagnostics.map((d) => d.ruleId))]).toEqual(['duplicate-section']);
    expect(r.diagnostics).toHaveLength(h2s(r.text) - h2s(basePlan()));
    expect(r.code).toBe(1);
  }, HANG);
  it('a 10 MB plan whose last section is 200,000 paragraphs: checked and clean (exit 0)', async () => {
    const r = await lint('section-10mb');
    expect(r.text.length).toBeGreaterThanOrEqual(10 * 1024 * 1024);
    expect(r.diagnostics).toEqual([]);
    expect(r.code).toBe(0);
  }, HANG);
  it.each(['long-line-5mb', 'long-table-cell-2mb', 'long-front-matter-value-2mb', 'table-4000-rows', 'headings-50000'] as const)(
    '%s: read as written and the plan is clean (exit 0)',
    async (name) => {
      const r = await lint(name);
      expect(r.diagnostics).toEqual([]);
      expect(r.code).toBe(0);
    },
    HANG,
  );
  it('a table of 50,000 rows: one unreadable-file error on its first line, the rest checked (exit 1)', async () => {
    const r = await lint('table-50000-rows');
    const line = r.text.slice(0, r.text.indexOf('| Contact | Phone |\n')).split('\n').length;
    expect(r.diagnostics.map((d) => [d.ruleId, d.range.start.line])).toEqual([['unreadable-file', line]]);
    expect(r.code).toBe(1);
  }, HANG);
  it('150,000 warnings in the default (stylish) format: every one printed, then the summary (exit 0)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'continuity-large-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'plan.md'), hostileCases['placeholders-150000'].make() as string);
    const r = await runCliAsync(['lint', 'plan.md', '--no-cache', '--output', 'report.txt'], dir, { hangMs: HANG });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = readFileSync(join(dir, 'report.txt'), 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('plan.md');
    expect(lines.filter((l) => l.endsWith('  placeholder'))).toHaveLength(150_000);
    expect(lines.at(-1)).toBe('✖ 150000 problems (0 errors, 150000 warnings)');
  }, HANG);
});
