import { readFileSync, symlinkSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../core/check-plan.js';
import { fixPlanText } from '../../core/fix-plan.js';
import { cleanPlan, replaceOnce, TODAY } from '../helpers/plans.js';
import { lineOf, placeOf, sharedFile, takeSection, tempRepository, withShared } from '../helpers/shared-content.js';

const check = (root: string, path = 'plans/practice.md') =>
  checkPlan(readFileSync(join(root, path), 'utf8'), { today: TODAY, path: join(root, path) });
const brief = (
  d: { ruleId: string; severity: string; range: { start: { line: number; column: number } }; file?: string },
  root: string,
) =>
  `${d.file ? d.file.slice(root.length + 1) + ' ' : ''}${d.range.start.line}:${d.range.start.column} ${d.severity} ${d.ruleId}`;

/** The clean example with its patient communications and cyber sections moved into one ICB file. */
function estateWithSharedSections() {
  const a = takeSection(cleanPlan(), 'Patient communications');
  const b = takeSection(a.plan, 'Cyber security and staff awareness');
  const icb = sharedFile('Kent and Medway ICB shared sections', a.section + '\n' + b.section);
  const plan = withShared(b.plan, ['../shared/icb.md']);
  return { plan, icb, comms: a.section, cyber: b.section };
}

describe('shared content: sections from files listed under shared:', () => {
  it('joins the plan, in the schema order, and the plan is clean', () => {
    const { plan, icb } = estateWithSharedSections();
    const root = tempRepository({ 'plans/practice.md': plan, 'shared/icb.md': icb });
    const without = checkPlan(plan, { today: TODAY, path: join(root, 'plans/practice.md'), shared: false });
    expect(without.diagnostics.filter((d) => d.ruleId === 'schema/required-section').length).toBe(2);

    const result = check(root);
    expect(result.diagnostics.map((d) => brief(d, root))).toEqual([]);
    const headings = result.doc!.headings.filter((h) => h.depth === 2).map((h) => h.id);
    expect(headings.indexOf('patient-comms')).toBe(headings.indexOf('telephony') + 1);
    expect(headings.indexOf('cyber')).toBe(headings.indexOf('cost-log') + 1);
    expect(result.sharedFiles?.map((f) => f.path)).toEqual([join(root, 'shared/icb.md')]);
    expect(result.sharedFiles?.[0].sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('a section the plan has itself overrides the shared one (no duplicate)', () => {
    const { plan, icb, cyber } = estateWithSharedSections();
    const local = replaceOnce(
      plan,
      '## Cost and impact log\n',
      cyber.replace('## Cyber security and staff awareness', '## Cyber security') + '\n## Cost and impact log\n',
    );
    const root = tempRepository({
      'plans/practice.md': local,
      'shared/icb.md': icb.replace(/phishing/g, 'phishing {{shared-only}}'),
    });
    const result = check(root);
    expect(result.diagnostics.map((d) => brief(d, root))).toEqual([]);
    expect(result.doc!.headings.filter((h) => h.id === 'cyber').map((h) => h.text)).toEqual(['Cyber security']);
  });

  it("a fault in the shared file is reported at its own file and line, via the plan's shared: entry", () => {
    const { plan, icb } = estateWithSharedSections();
    const bad = icb.replace(
      '## Patient communications\n',
      "## Patient communications\n\nSee {{icb-page}} for the ICB's own wording.\n",
    );
    const root = tempRepository({ 'plans/practice.md': plan, 'shared/icb.md': bad });
    const result = check(root);
    expect(result.diagnostics.map((d) => brief(d, root))).toEqual([
      `shared/icb.md ${placeOf(bad, '{{icb-page}}')} warning placeholder`,
    ]);
    const entry = lineOf(plan, '  - ../shared/icb.md');
    expect(result.diagnostics.every((d) => d.via?.start.line === entry && d.via.start.column === 5)).toBe(true);
    expect(result.diagnostics.every((d) => d.fix === undefined)).toBe(true);
  });

  it('a schema fault in a shared section (a mandatory row missing) lands on the shared table', () => {
    const moved = takeSection(cleanPlan(), 'Contacts and escalation');
    const contacts = moved.section
      .split('\n')
      .filter((l) => !l.startsWith('| Telephony provider'))
      .join('\n');
    const icb = sharedFile('ICB contacts', contacts);
    const root = tempRepository({
      'plans/practice.md': withShared(moved.plan, ['../shared/contacts.md']),
      'shared/contacts.md': icb,
    });
    const result = check(root);
    expect(result.diagnostics.map((d) => brief(d, root))).toEqual([
      `shared/contacts.md ${placeOf(icb, '| Contact |')} error schema/required-row`,
    ]);
    expect(result.diagnostics[0].message).toMatch(/telephony provider/i);
  });

  it('missing files, files outside the repository, links out of it and cycles are errors on the reference', () => {
    const outside = mkdtempSync(join(tmpdir(), 'continuity-outside-'));
    writeFileSync(join(outside, 'x.md'), sharedFile('outside', '## Mutual aid\n\nText.\n'));
    const { plan } = estateWithSharedSections();
    const refs = ['../shared/missing.md', `${outside}/x.md`, '../shared/link.md', '../shared/a.md'];
    const root = tempRepository({
      'plans/practice.md': withShared(plan, refs).replace('shared:\n  - ../shared/icb.md\n', ''),
      'shared/a.md': sharedFile('a', '## Mutual aid\n\n<!-- include: b.md -->\n'),
      'shared/b.md': sharedFile('b', 'Words.\n\n<!-- include: a.md#mutual-aid -->\n'),
    });
    symlinkSync(join(outside, 'x.md'), join(root, 'shared/link.md'));
    const text = readFileSync(join(root, 'plans/practice.md'), 'utf8');
    const problems = check(root).diagnostics.filter((d) => d.ruleId === 'shared-content');
    expect(problems.map((d) => brief(d, root))).toEqual([
      `${lineOf(text, 'missing.md')}:5 error shared-content`,
      `${lineOf(text, 'x.md')}:5 error shared-content`,
      `${lineOf(text, 'link.md')}:5 error shared-content`,
      'shared/b.md 6:1 error shared-content',
    ]);
    expect(problems[0].message).toMatch(
      /'..\/shared\/missing.md' cannot be used: it does not exist \(looked for shared\/missing.md in the repository\)/,
    );
    expect(problems[1].message).toMatch(/is outside this repository/);
    expect(problems[2].message).toMatch(/is a link to a file outside this repository/);
    expect(problems[3].message).toContain('includes itself (shared/a.md -> shared/b.md -> shared/a.md)');
    expect(problems[3].via?.start.line).toBe(lineOf(text, 'a.md'));
  });
});

describe('shared content: <!-- include: --> lines', () => {
  it('bring in a section of a shared file, and faults in it point to the shared file', () => {
    const { plan: base } = estateWithSharedSections();
    const messages = sharedFile(
      'National patient messages',
      '## Practice website\n\nA banner.\n\n## Text messages {#sms}\n\n- "Our computer systems are down. Please call only if urgent." {{sign-off}}\n',
    );
    const plan = replaceOnce(
      base,
      '## Telephony failure\n',
      '## Telephony failure\n\n<!-- include: ../shared/messages.md#sms -->\n',
    );
    const root = tempRepository({
      'plans/practice.md': plan,
      'shared/icb.md': estateWithSharedSections().icb,
      'shared/messages.md': messages,
    });
    const result = check(root);
    expect(result.diagnostics.map((d) => brief(d, root))).toEqual([
      `shared/messages.md ${placeOf(messages, '{{sign-off}}')} warning placeholder`,
    ]);
    expect(result.diagnostics[0].via?.start.line).toBe(lineOf(plan, '<!-- include'));
    expect(result.doc!.model.sections.telephony.bullets[0]).toContain('Our computer systems are down');
  });

  it('a missing section id says which sections the file has; an include inside a code fence is left alone', () => {
    const { plan: base, icb } = estateWithSharedSections();
    const plan = replaceOnce(
      base,
      '## Telephony failure\n',
      '## Telephony failure\n\n<!-- include: ../shared/icb.md#nothing-here -->\n\n```\n<!-- include: ../shared/none.md -->\n```\n',
    );
    const root = tempRepository({ 'plans/practice.md': plan, 'shared/icb.md': icb });
    const problems = check(root).diagnostics.filter((d) => d.ruleId === 'shared-content');
    expect(problems.map((d) => brief(d, root))).toEqual([`${lineOf(plan, '#nothing-here')}:1 error shared-content`]);
    expect(problems[0].message).toContain("has no section 'nothing-here'. Its sections are: patient-comms, cyber.");
  });
});

describe('shared content: what an include brings in', () => {
  it('the whole body without its front matter or leading blank lines, an indented first line kept', () => {
    const { plan: base, icb } = estateWithSharedSections();
    const plan = replaceOnce(
      base,
      '## Telephony failure\n',
      '## Telephony failure\n\n<!-- include: ../shared/note.md -->\n',
    );
    const root = tempRepository({
      'plans/practice.md': plan,
      'shared/icb.md': icb,
      'shared/note.md': sharedFile('note', '\n\n  Indented first words of the note.\n\nSecond paragraph.\n\n'),
    });
    const merged = check(root).doc!.text;
    expect(merged).toContain('## Telephony failure\n\n  Indented first words of the note.\n\nSecond paragraph.\n\n1. ');
    expect(merged).not.toContain('shared_content: note');
  });
});

describe('shared content: fixes', () => {
  it("fix the plan's own words and never touch (or copy in) shared text", () => {
    const { plan, icb } = estateWithSharedSections();
    const loose = replaceOnce(plan, 'next_review: 2027-09-14', 'next_review: 14/09/2027');
    const root = tempRepository({
      'plans/practice.md': loose,
      'shared/icb.md': icb.replace(
        '## Patient communications\n',
        '## Patient communications\n\nReviewed 01/02/2026.\n',
      ),
    });
    const result = fixPlanText(loose, { today: TODAY, path: join(root, 'plans/practice.md') });
    expect(result.text).toBe(plan);
    expect(result.remaining.filter((d) => !d.file)).toEqual([]);
  });
});
