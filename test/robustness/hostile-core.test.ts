// Hostile and broken plans checked in-process: each has one clear outcome (a diagnostic, or the plan
// checked as usual), never an exception, an internal-error or a hang. The inputs come from
// bench/hostile-cases.js, which bench/hostile.js times; timeouts here only detect a hang (they are
// minutes, not speed targets: the figures are in the benchmark). The large cases (megabytes, 50,000
// headings) run through the built CLI in hostile-large.test.ts.
import { describe, expect, it } from 'vitest';
import { hostileCases } from '../../bench/hostile-cases.js';
import { checkPlan, checkPlanBytes, type CheckResult } from '../../core/check-plan.js';
import type { Diagnostic } from '../../core/diagnostic.js';
import { TODAY } from '../helpers/plans.js';
import { rangeProblems } from './arbitraries.js';

const HANG = 180_000;

function check(name: keyof typeof hostileCases): { input: string | Buffer; result: CheckResult } {
  const input = hostileCases[name].make() as string | Buffer;
  const result = checkPlanBytes(typeof input === 'string' ? Buffer.from(input, 'utf8') : input, { today: TODAY });
  // Whatever the outcome: no fault of the tools, and every range inside the text.
  expect(result.diagnostics.filter((d) => d.ruleId === 'internal-error')).toEqual([]);
  const bad = result.diagnostics.slice(0, 2000).flatMap((d) => rangeProblems(result.text, d));
  expect(bad).toEqual([]);
  return { input, result };
}

const ids = (ds: Diagnostic[]) => [...new Set(ds.map((d) => d.ruleId))].sort();
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

const TOO_DEEP = /^The front matter could not be read: it is nested too deeply/;

describe('front matter', () => {
  it.each(['yaml-deep-flow-seq', 'yaml-deep-flow-map', 'yaml-deep-block-map'] as const)(
    "%s: one plain-English front-matter problem, not the YAML reader's stack overflow",
    (name) => {
      const { result } = check(name);
      expect(result.diagnostics.map((d) => d.ruleId)).toEqual(['front-matter']);
      expect(result.diagnostics[0].message).toMatch(TOO_DEEP);
      expect(result.diagnostics[0].message).not.toMatch(/stack/i);
    },
    HANG,
  );
  it(
    'a larger alias bomb (10^20 nodes if expanded) is refused, not expanded',
    () => {
      const { result } = check('yaml-alias-bomb-large');
      expect(result.diagnostics.map((d) => d.ruleId)).toEqual(['front-matter']);
      expect(result.diagnostics[0].message).toMatch(
        /^The front matter uses YAML aliases \(\*name\) so many times that reading it would take too long/,
      );
    },
    HANG,
  );
});

describe('tables', () => {
  it.each([
    ['table-5000-columns', 'a table row with more than 1,000 columns', 21],
    ['table-50000-rows', 'more than 5,000 lines without a blank line', 50_001],
  ] as const)(
    '%s: read as plain text, said once on its first line, the rest of the plan checked',
    (name, words, extraLines) => {
      const { input, result } = check(name);
      const text = input as string;
      const at = text.includes('| c0 |') ? lineOf(text, '| c0 |') : lineOf(text, '| Contact | Phone |\n');
      expect(result.diagnostics.map((d) => [d.ruleId, d.range.start.line])).toEqual([['unreadable-block', at]]);
      expect(result.diagnostics[0].message).toBe(
        `Lines ${at.toLocaleString('en-GB')} to ${(at + extraLines).toLocaleString('en-GB')} could not be read as markdown: ${words}, more than the plan tools read. They were checked as plain text, so any heading, steps or table in them is not recognised. ${name === 'table-5000-columns' ? "Check this is the plan and not pasted data: a plan's tables need only a few columns." : 'Check this is the plan and not pasted data or a log, and break long text up with blank lines.'}`,
      );
    },
    HANG,
  );
});

describe('nesting and pathological inline markup (stack overflows and minutes of parsing before)', () => {
  it.each([
    ['nested-list-10000', /^Line \d+ could not be read as markdown: lists or quotes nested more than 32 levels deep/],
    ['nested-quote-10000', /^Line \d+ could not be read as markdown: lists or quotes nested more than 32 levels deep/],
    [
      'nested-list-indented-1000',
      /^Lines \d+ to 1,\d{3} could not be read as markdown: lists or quotes nested more than 32 levels deep/,
    ],
    ['nested-brackets-20000', /^Line \d+ could not be read as markdown: a paragraph with more than 500 brackets/],
    ['nested-emphasis-20000', /^Line \d+ could not be read as markdown: a paragraph with more than 500 brackets/],
  ] as const)(
    '%s: that block read as plain text (every character kept), the rest of the plan checked',
    (name, message) => {
      const { input, result } = check(name);
      expect(result.diagnostics.map((d) => d.ruleId)).toEqual(['unreadable-block']);
      expect(result.diagnostics[0].message).toMatch(message);
      // The block is one paragraph holding exactly what was written; the sections after it are all there.
      const unread = result.doc!.tree.children.find(
        (n) => (n.data as { continuityUnread?: string } | undefined)?.continuityUnread,
      )!;
      const { start, end } = unread.position!;
      expect((unread as { children: { value: string }[] }).children[0].value).toBe(
        (input as string).slice(start.offset, end.offset),
      );
      expect(result.doc!.model.sections.contacts.tables.contacts.rows.length).toBeGreaterThan(5);
    },
    HANG,
  );
  it(
    '3,000 lines each a quote deeper: read as plain text; the one line that is a conflict marker is still reported',
    () => {
      const { input, result } = check('nested-quote-lines-3000');
      const text = input as string;
      expect(result.diagnostics.map((d) => [d.ruleId, d.range.start.line])).toEqual([
        ['unreadable-block', lineOf(text, '> q\n')],
        ['merge-conflict', lineOf(text, '>>>>>>> q\n')],
      ]);
    },
    HANG,
  );
  it(
    '20,000 merge conflicts without blank lines: every marker reported (60,000), the lazy quote read as text',
    () => {
      const { result } = check('merge-conflicts-20000');
      const byRule = Object.fromEntries(
        ids(result.diagnostics).map((id) => [id, result.diagnostics.filter((d) => d.ruleId === id).length]),
      );
      expect(byRule).toEqual({ 'merge-conflict': 60_000, 'unreadable-block': 1 });
    },
    HANG,
  );
});

describe('bytes', () => {
  it('a NUL in the middle of the plan: unreadable-file naming its line', () => {
    const { input, result } = check('nul-in-middle');
    const line = (input as Buffer)
      .subarray(0, (input as Buffer).indexOf(0))
      .toString('utf8')
      .split('\n').length;
    expect(result.diagnostics.map((d) => d.ruleId)).toEqual(['unreadable-file']);
    expect(result.diagnostics[0].message).toContain(`This file contains a NUL character on line ${line}:`);
  });
  it('invalid UTF-8 in the middle: unreadable-file naming the line of the first bad byte', () => {
    const { input, result } = check('invalid-utf8-in-middle');
    const line = (input as Buffer)
      .subarray(0, (input as Buffer).indexOf(0xa3))
      .toString('utf8')
      .split('\n').length;
    expect(result.diagnostics.map((d) => d.ruleId)).toEqual(['unreadable-file']);
    expect(result.diagnostics[0].message).toContain(`the first is on line ${line})`);
  });
});

describe('line endings', () => {
  it('old Mac line endings (lone CR): lint comments still switch rules off, and nothing is reported twice', () => {
    const text =
      '# Plan\r\r<!-- lint disable placeholder -->\r\rCall {{phone}}.\r\r<!-- lint enable placeholder -->\r\rThen {{fax}}.\r';
    const result = checkPlan(text, { today: TODAY });
    expect(result.diagnostics.filter((d) => d.ruleId === 'internal-error')).toEqual([]);
    expect(
      result.diagnostics
        .filter((d) => d.ruleId === 'placeholder')
        .map((d) => text.slice(d.range.start.offset, d.range.end.offset)),
    ).toEqual(['{{fax}}']);
  });
});
