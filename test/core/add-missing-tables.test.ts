// add-missing completes the tables of sections the plan has: a required table it lacks, the rows a
// table must have, and a column under the practice's own name when that is certain. The same engine
// gives the editor's quick fixes; every word is kept and a second run changes nothing.
import { describe, expect, it } from 'vitest';
import { addMissing, applyEdits, checkPlan } from '../../core/index.js';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TODAY } from '../helpers/plans.js';
import { runCli, tempWorkspace } from '../helpers/cli.js';

const options = { today: TODAY };
const ONLY = { ...options, only: ['document-control', 'scope-and-scenarios', 'roles', 'contacts'] };

const PLAN = `# Riverside Surgery: IT outage business continuity plan

## Document control

### C. Document history

| Version | Date | Author | Comments |
| --- | --- | --- | --- |
| 1.0 | 2025-01-01 | PM | First issue |

## Purpose, scope and outage scenarios

This plan covers IT.

| Scenario | In scope | Notes |
| --- | --- | --- |
| Clinical system down | Yes | Go to paper. |

## Roles and responsibilities

- The practice manager leads.

### Deputies

Every role has a deputy.

## Contacts

| Contact | Organisation | Number | Last verified |
| --- | --- | --- | --- |
| GP IT service desk | ICB IT | 01632 960500 | 2026-01-01 |
`;

const TABLE_PROBLEMS = new Set(['schema/required-row', 'schema/required-column', 'schema/required-content']);
const tableProblems = (text: string) =>
  checkPlan(text, options)
    .diagnostics.filter((d) => TABLE_PROBLEMS.has(d.ruleId))
    .filter((d) => /table|column|row/.test(d.message));

function words(s: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const w of s.match(/[\p{L}\p{N}]+/gu) ?? []) m.set(w, (m.get(w) ?? 0) + 1);
  return m;
}

describe('add-missing: tables, rows and certain columns', () => {
  it('inserts the roles table, every missing scenario and contact row, and claims the certain columns', () => {
    expect(tableProblems(PLAN).length).toBeGreaterThan(10);
    const r = addMissing(PLAN, ONLY);
    const kinds = r.inserted.map((i) => i.kind);
    expect(kinds.filter((k) => k === 'table')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'row').length).toBeGreaterThanOrEqual(12);
    expect(kinds.filter((k) => k === 'column')).toHaveLength(2);
    expect(r.text).toContain('| Version | Date | Author | Comments {#change} |');
    expect(r.text).toContain('| Contact | Organisation | Number {#phone} | Last verified |');
    expect(r.notes).toContain(
      "The column 'Comments' of the revision history table in 'Document control' was taken as its 'Change' column ({#change} added to it): check that is what it holds.",
    );
    // The rows are the template's, with placeholders where the practice must write, in the table's columns.
    expect(r.text).toContain(
      '| Power cut (mains electricity supply) | Yes | Ring 105; {{how long the UPS and phones last}} |',
    );
    expect(r.text).toContain(
      '| Cyber incident: NHS England CSOC (24/7) | NHS England Cyber Security Operations Centre | 0300 303 5222 | {{YYYY-MM-DD}} |',
    );
    // The table is the section's own: before its part, read as the roles table.
    expect(r.text.indexOf('| Role | Name | Deputy | Responsibilities |')).toBeLessThan(r.text.indexOf('### Deputies'));
    expect(tableProblems(r.text)).toEqual([]);
    const before = words(PLAN);
    const after = words(r.text);
    for (const [w, n] of before) expect(after.get(w) ?? 0, w).toBeGreaterThanOrEqual(n);
    expect(applyEdits(PLAN, r.edits)).toBe(r.text);
    for (const e of r.edits) expect(e.end).toBe(e.start);
    expect(addMissing(r.text, ONLY).text).toBe(r.text);
  });

  it("inserts what the editor's quick fixes insert: one engine", () => {
    const diagnostics = checkPlan(PLAN, options).diagnostics;
    const tableFix = diagnostics.find((d) =>
      d.message.startsWith("The 'Roles and responsibilities' section has no roles table"),
    )!.fix!;
    const rowFix = diagnostics.find((d) => d.message.includes('has no row for the power failure'))!.fix!;
    const r = addMissing(PLAN, ONLY);
    expect(r.text).toContain(tableFix.edits[0].text);
    expect(r.text).toContain(rowFix.edits[0].text);
    expect(rowFix.edits[0].text).toBe(
      '\n| Power cut (mains electricity supply) | Yes | Ring 105; {{how long the UPS and phones last}} |',
    );
    // Applied in the editor, the table fix leaves no missing-table error.
    const fixed = applyEdits(PLAN, tableFix.edits);
    expect(checkPlan(fixed, options).doc!.model.sections.roles.tables.roles.rows.length).toBeGreaterThanOrEqual(5);
  });

  it('does not claim a column when more than one header could be it', () => {
    const text = PLAN.replace('| Version | Date | Author | Comments |', '| Version | Date | Notes | Comments |');
    const r = addMissing(text, ONLY);
    expect(r.text).toContain('| Version | Date | Notes | Comments |');
    expect(r.inserted.some((i) => i.id.endsWith('/columns/change'))).toBe(false);
  });

  it('fills rows from what the plan already says, and never names the practice as its own neighbour', () => {
    const withFrontMatter = `---\ntitle: Plan\npractice:\n  name: Riverside Surgery\nicb:\n  name: NHS Kent and Medway ICB\n---\n\n${PLAN}`;
    const r = addMissing(withFrontMatter, ONLY);
    expect(r.text).toContain('| ICB primary care team | NHS Kent and Medway ICB | {{phone}} | {{YYYY-MM-DD}} |');
    expect(r.text).toContain('| Neighbouring practice (mutual aid) | {{practice name}} |');
  });

  it('continuity lint --fix --add-missing says what it inserted in the tables', () => {
    const dir = tempWorkspace(false);
    mkdirSync(join(dir, 'p'));
    writeFileSync(join(dir, 'p', 'plan.md'), PLAN);
    const r = runCli(['lint', '--fix', '--add-missing', 'p/plan.md'], dir);
    expect(r.stderr).toMatch(
      /inserted \d+ missing sections \(.*\), 1 missing table, \d+ missing table rows as guided drafts/,
    );
    expect(r.stderr).toContain(
      "The column 'Comments' of the revision history table in 'Document control' was taken as its 'Change' column",
    );
    expect(readFileSync(join(dir, 'p', 'plan.md'), 'utf8')).toContain(
      '| Version | Date | Author | Comments {#change} |',
    );
  });
});
