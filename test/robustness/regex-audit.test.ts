/**
 * Every regular expression in the tools runs on repository content, so none may backtrack
 * super-linearly (a long line of spaces once took minutes). The audit collects each literal from the
 * source with the TypeScript parser and asks recheck, which decides vulnerability from the pattern's
 * automaton (or by fuzzing it): no wall-clock timing. Patterns built at run time are listed by hand,
 * with a check that no new `new RegExp(` goes unlisted. The rewritten scanners are then run on
 * 100,000-character hostile lines and must give the right answers.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkSync } from 'recheck';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { catalogueFor } from '../../core/engine/plan-plugin.js';
import { namedPractice, readDate } from '../../core/import/find-facts.js';
import { explicitId } from '../../core/model/explicit-id.js';
import { sectionKeyOf } from '../../core/model/build-model.js';
import { planFileName } from '../../core/new-plan.js';
import { isDelimiterRow } from '../../core/parse/parse-limits.js';
import { isBlank } from '../../core/rules/typed-values.js';
import { checkUkPhone } from '../../core/rules/uk-phone.js';
import { loadPlanSchema } from '../../core/schema/load-schema.js';
import { normaliseHeading } from '../../core/schema/normalise.js';
import { h2Text, includeTarget, scanLines } from '../../core/shared/scan-lines.js';
import { ROOT } from '../helpers/plans.js';

interface Found {
  where: string;
  source: string;
  flags: string;
}

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name === 'out' || e.name === 'dist') continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) sourceFiles(p, out);
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

/** Regular expression literals, and the places that build one at run time. */
function collect(): { literals: Found[]; constructed: string[] } {
  const literals: Found[] = [];
  const constructed: string[] = [];
  for (const file of ['core', 'cli', 'extension'].flatMap((d) => sourceFiles(join(ROOT, d)))) {
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const where = (n: ts.Node) => `${relative(ROOT, file)}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = (node as ts.RegularExpressionLiteral).text;
        const slash = text.lastIndexOf('/');
        literals.push({ where: where(node), source: text.slice(1, slash), flags: text.slice(slash + 1) });
      }
      if (ts.isNewExpression(node) && node.expression.getText(sf) === 'RegExp') constructed.push(relative(ROOT, file));
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return { literals, constructed };
}

/** Every `pattern` in a schema (the shipped one here; ICB extensions are checked when loaded). */
function schemaPatterns(node: unknown, out: Found[] = []): Found[] {
  if (Array.isArray(node)) node.forEach((n) => schemaPatterns(n, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === 'pattern' && typeof v === 'string')
        out.push({ where: 'schema/plan.schema.json', source: v, flags: 'u' });
      else schemaPatterns(v, out);
    }
  }
  return out;
}

/**
 * recheck bounded by steps only, never by time, so its verdict is the same on a busy machine as on an
 * idle one. By default its fuzzer times its phases: an attack string that takes over a second to match
 * counts as an attack, so under load a linear pattern (find-facts.ts's phone label, 8 ms on a million
 * characters) was once reported vulnerable, and a slow analysis past the overall limit was 'unknown'.
 * The step limits (attackLimit, incubationLimit, the automaton's sizes) bound the work; the test's own
 * time limit is only a safety net against a hang.
 */
const RECHECK_BY_STEPS = { timeout: null, attackTimeout: null, incubationTimeout: null };

async function vulnerable(found: Found[]): Promise<string[]> {
  const seen = new Map<string, string>();
  const bad: string[] = [];
  for (const f of found) {
    // g and y change where matching starts, not how a match backtracks.
    const flags = f.flags.replace(/[gyd]/g, '');
    const key = `${f.source}/${flags}`;
    let status = seen.get(key);
    if (!status) {
      // Each check runs synchronously: between two, let the worker answer vitest (a worker that blocks
      // for a minute on a busy machine fails the run with "Timeout calling onTaskUpdate").
      await new Promise((resolve) => setImmediate(resolve));
      seen.set(key, (status = checkSync(f.source, flags, RECHECK_BY_STEPS).status));
    }
    if (status !== 'safe') bad.push(`${f.where} /${f.source}/${f.flags} is ${status}`);
  }
  return bad;
}

describe('regular expressions: no super-linear backtracking', () => {
  const { literals, constructed } = collect();

  it("finds the project's patterns (the audit is not looking at nothing)", () => {
    expect(literals.length).toBeGreaterThan(150);
    expect(literals.some((f) => f.where.startsWith('core/shared/scan-lines.ts'))).toBe(true);
  });

  it('every literal in core, cli and extension is safe', async () => {
    // the checker, so set up, still finds a catastrophic pattern
    expect(await vulnerable([{ where: 'control', source: '^(a|a)*$', flags: '' }])).toHaveLength(1);
    expect(await vulnerable(literals)).toEqual([]);
  }, 300_000);

  it('patterns built at run time: the known places only, each safe for hostile input', async () => {
    expect([...new Set(constructed)].sort()).toEqual([
      'core/config/check-extension.ts',
      'core/new-plan.ts',
      'core/schema/catalogue.ts',
    ]);
    // catalogue.ts: the schema's row patterns (an
    // ICB extension's are refused at load unless recheck finds them safe: config-bounds.test.ts);
    // new-plan.ts: the shipped schema's practice.ods_code pattern, one of the schema patterns checked here;
    // check-extension.ts compiles a pattern only to see whether it is valid, and never runs it.
    expect(await vulnerable(schemaPatterns(loadPlanSchema()))).toEqual([]);
  }, 300_000);
});

describe('rewritten scanners on 100,000-character hostile lines', () => {
  const blanks = ' \t\u00a0\u2003'.repeat(25_000);
  const spaces = ' '.repeat(100_000);
  const catalogue = catalogueFor([loadPlanSchema()]);

  it('headings and include lines', () => {
    expect(h2Text(`##${spaces}x`)).toBe('x');
    expect(h2Text(`##${spaces}`)).toBe('');
    expect(h2Text(`## Telephony failure ${spaces}##${spaces}`)).toBe('Telephony failure');
    expect(h2Text(`###${spaces}x`)).toBeUndefined();
    expect(includeTarget(`<!--${spaces}include:${spaces}../shared/a.md${spaces}-->${spaces}`)).toBe('../shared/a.md');
    expect(includeTarget(`<!-- include:${spaces}`)).toBeUndefined();
    expect(includeTarget(`<!-- include: ${spaces}-->`)).toBeUndefined();
    const scan = scanLines(`## A${blanks}\n<!--${blanks}include: a.md${blanks}-->\n`);
    expect(scan.headings.map((h) => h.text)).toEqual(['A']);
    expect(scan.includes.map((i) => i.target)).toEqual(['a.md']);
  });

  it('explicit {#id}s and section keys', () => {
    expect(explicitId(`Our phones${spaces}{#telephony}${spaces}`)).toEqual({ id: 'telephony', index: 10 });
    expect(explicitId(`Our phones${spaces}{#tele phony}`)).toBeUndefined();
    expect(explicitId(`{#${'a'.repeat(100_000)}`)).toBeUndefined();
    expect(sectionKeyOf(`Our phones${blanks}{#telephony}`, catalogue).id).toBe('telephony');
  });

  it('practice names and dates read from an imported document', () => {
    expect(namedPractice(`${spaces}Riverside Surgery${spaces}`)).toBe('Riverside Surgery');
    expect(namedPractice(`${'A-'.repeat(50_000)}x`)).toBeUndefined();
    expect(readDate(`June 2027${',;.'.repeat(33_000)}`)).toBe('2027-06-01');
  });

  it('table delimiter rows', () => {
    expect(isDelimiterRow(`|${spaces}---${spaces}|${spaces}:-:${spaces}|`)).toBe(true);
    expect(isDelimiterRow(`|${spaces}---${spaces}|${spaces}x`)).toBe(false);
    expect(isDelimiterRow(`${'| - '.repeat(25_000)}|`)).toBe(true);
  });

  it('phone numbers, blanks, heading normalisation and file names', () => {
    expect(checkUkPhone(`020 7946 0123${spaces}(out of hours)`)).toEqual({ ok: true });
    expect(checkUkPhone(`020 7946 0123 ext${spaces}214`)).toEqual({ ok: true });
    expect(checkUkPhone(`${'('.repeat(100_000)})`).ok).toBe(false);
    expect(checkUkPhone(`0${spaces}x`).ok).toBe(false);
    expect(isBlank(`${blanks}n/a${blanks}`)).toBe(true);
    expect(isBlank(`${blanks}x`)).toBe(false);
    expect(normaliseHeading(`${spaces}section${spaces}4.${spaces}Telephony`)).toBe('telephony');
    expect(normaliseHeading(`${spaces}section${spaces}`)).toBe('section');
    expect(planFileName(`${'-'.repeat(100_000)}Riverside${'-'.repeat(100_000)}`)).toBe('riverside.md');
  });
});
