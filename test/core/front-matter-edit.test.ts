// Adding fields to front matter as the practice wrote it: proved edits, or a note saying why not.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { addMissing, applyEdits, checkPlan, fixPlanText } from '../../core/index.js';
import { frontMatterInsertEdit } from '../../core/fix/front-matter-edit.js';
import { TODAY } from '../helpers/plans.js';

const options = { today: TODAY };
const BODY = '\n# Riverside Surgery: IT outage business continuity plan\n\n## Our notes\n\nWords.\n';
const frontMatterOf = (text: string) => {
  const fm = checkPlan(text, options).doc!.frontMatter!;
  expect(fm.problems.map((p) => p.message)).toEqual([]);
  return fm.data;
};

describe('--fix --add-missing on front matter written as YAML allows', () => {
  it('a flow mapping stays a valid flow mapping, one field per line, with the same data plus the fields', () => {
    const text = `---\n{title: "IT outage plan", version: "1.0"}\n---\n${BODY}`;
    const r = addMissing(text, options);
    const fixed = fixPlanText(r.text, options).text;
    const data = frontMatterOf(fixed);
    expect(data).toMatchObject({ title: 'IT outage plan', version: '1.0', classification: 'OFFICIAL-SENSITIVE' });
    expect(data.practice).toMatchObject({ name: 'Riverside Surgery' });
    expect(fixed).toMatch(
      /^---\n\{title: "IT outage plan", version: "1\.0",\n {2}schema_version: "1\.0",\n {2}classification:/,
    );
  });

  it("fields go before a '...' end marker, never after it", () => {
    const text = `---\ntitle: Plan\nversion: "1.0"\n...\n---\n${BODY}`;
    const fixed = fixPlanText(addMissing(text, options).text, options).text;
    frontMatterOf(fixed);
    expect(fixed).toMatch(/\n\.\.\.\n---\n/);
    // The safe fix alone (a default) also lands before it.
    const only = `---\ntitle: Plan\n...\n---\n${BODY}`;
    const once = fixPlanText(only, options).text;
    expect(once).toContain('title: Plan\nclassification: OFFICIAL-SENSITIVE\n');
    frontMatterOf(once);
  });

  it("front matter ended with '...' alone is closed by the safe fix, and add-missing says so instead of adding a second block", () => {
    const text = `---\ntitle: Plan\n...\n${BODY}`;
    const r = addMissing(text, options);
    expect(r.text.startsWith('---\ntitle: Plan\n...\n')).toBe(true);
    expect(r.notes.join(' ')).toContain('The front matter that starts on line 1 is never closed');
    const fixed = fixPlanText(r.text, options).text;
    expect(frontMatterOf(fixed)).toMatchObject({ title: 'Plan' });
  });

  it('keeps comments, quoted keys and CRLF line ends', () => {
    const text = `---\r\n# Our details\r\n"title": Plan # checked\r\npractice:\r\n  name: Riverside Surgery # the name on the sign\r\n---\r\n${BODY.replace(/\n/g, '\r\n')}`;
    const fixed = fixPlanText(addMissing(text, options).text, options).text;
    expect(fixed).toMatch(/^---\r\n# Our details\r\nschema_version: "1\.0"\r\n"title": Plan # checked\r\n/);
    expect(fixed).toContain('  name: Riverside Surgery # the name on the sign\r\n  ods_code:');
    expect(fixed.replace(/\r\n/g, '')).not.toContain('\n');
    frontMatterOf(fixed);
  });

  it('adds a field inside a list item, indented as the item is', () => {
    const text = `---\ntitle: Plan\neps_pharmacies:\n  - name: Boots\n    ods_code: FAB12\n---\n${BODY}`;
    const doc = checkPlan(text, options).doc!;
    const edit = frontMatterInsertEdit(doc, { parent: ['eps_pharmacies', 0], key: 'phone', value: '{{phone}}' })!;
    const after = applyEdits(text, [edit]);
    expect(after).toContain('  - name: Boots\n    ods_code: FAB12\n    phone: "{{phone}}"\n---');
    expect(parse(after.split('---\n')[1]).eps_pharmacies[0]).toEqual({
      name: 'Boots',
      ods_code: 'FAB12',
      phone: '{{phone}}',
    });
  });

  it('declines, with a note, where an insert would change what the front matter says', () => {
    // `practice` is an alias of another node: adding to it would add to that node too, or cannot be done.
    const text = `---\ntitle: Plan\nbase: &ours {name: Riverside Surgery}\npractice: *ours\n---\n${BODY}`;
    const doc = checkPlan(text, options).doc!;
    expect(frontMatterInsertEdit(doc, { parent: ['practice'], key: 'ods_code', value: 'X' })).toBeUndefined();
    const r = addMissing(text, options);
    expect(r.notes.join(' ')).toMatch(/were not added: the front matter is written in a way the tools cannot add to/);
    frontMatterOf(r.text);
    frontMatterOf(fixPlanText(r.text, options).text);
  });
});
