// `last_tested: never` said honestly, and front-matter groups given their full shape in messages and fixes.
import { describe, expect, it } from 'vitest';
import { applyEdits, checkPlan } from '../../core/index.js';
import { cleanPlan, replaceOnce, TODAY } from '../helpers/plans.js';

const withTested = (v: string) => replaceOnce(cleanPlan(), /^last_tested: .*$/m, `last_tested: ${v}`);
const about = (text: string, pattern: RegExp) =>
  checkPlan(text, { today: TODAY }).diagnostics.filter((d) => pattern.test(d.message) || d.ruleId === 'last-test');

describe('last_tested: never', () => {
  it('is accepted, with its own warning instead of a made-up date', () => {
    const ds = about(withTested('never'), /last_tested/);
    expect(ds.map((d) => `${d.ruleId} ${d.severity}`)).toEqual(['last-test warning']);
    expect(ds[0].message).toMatch(/^The plan has never been tested\./);
  });
  it('other words get one message naming both forms, and Never gets a safe fix', () => {
    const wrong = about(withTested('last year'), /last_tested/);
    expect(wrong).toHaveLength(1);
    expect(wrong[0].message).toMatch(/Write the date as YYYY-MM-DD, for example 2026-03-01, or 'never'\./);
    const text = withTested('Never');
    const cap = about(text, /last_tested/);
    expect(cap).toHaveLength(1);
    expect(cap[0].fix?.safe).toBe(true);
    expect(applyEdits(text, cap[0].fix!.edits)).toMatch(/^last_tested: never$/m);
  });
});

describe('front-matter groups', () => {
  it('a missing group is described and inserted with its full shape, never {}', () => {
    const text = replaceOnce(cleanPlan(), /^icb:\n(?: {2}.*\n)+/m, '');
    const d = checkPlan(text, { today: TODAY }).diagnostics.find(
      (x) => x.ruleId === 'schema/required-field' && x.message.includes("'icb'"),
    )!;
    expect(d.message).toMatch(/Add 'icb:' with its fields name and ods_code, each on its own line/);
    expect(d.message).not.toMatch(/icb: \.\.\./);
    const fixed = applyEdits(text, d.fix!.edits);
    expect(fixed).toMatch(/^icb:\n {2}name: "\{\{ICB name\}\}"\n {2}ods_code: "\{\{ICB ODS code\}\}"\n/m);
    expect(fixed).not.toMatch(/icb: \{\}/);
  });
  it('a missing list of groups gets one entry with every field', () => {
    const text = replaceOnce(cleanPlan(), /^eps_pharmacies:\n(?: {2,4}.*\n)+/m, '');
    const d = checkPlan(text, { today: TODAY }).diagnostics.find(
      (x) => x.ruleId === 'schema/required-field' && x.message.includes("'eps_pharmacies'"),
    )!;
    expect(d.message).toMatch(/as a list, one entry per '- ' line, each with name, ods_code and phone/);
    expect(applyEdits(text, d.fix!.edits)).toMatch(
      /^eps_pharmacies:\n {2}- name: .*\n {4}ods_code: .*\n {4}phone: .*\n/m,
    );
  });
  it('a group written empty is written out with its fields, by the fix and by add-missing', async () => {
    const { addMissing } = await import('../../core/index.js');
    const text = replaceOnce(
      replaceOnce(cleanPlan(), /^icb:\n(?: {2}.*\n)+/m, 'icb: {}\n'),
      /^telephony:\n(?: {2,4}.*\n)+/m,
      'telephony:\n',
    );
    const ds = checkPlan(text, { today: TODAY }).diagnostics;
    const icb = ds.find((d) => d.message.includes("'icb' has no 'name'"))!;
    expect(icb.message).toMatch(/Add a line 'name: ' under 'icb:', indented by two spaces/);
    expect(applyEdits(text, icb.fix!.edits)).toMatch(
      /^icb: \{ name: "\{\{ICB name\}\}", ods_code: "\{\{ICB ODS code\}\}" \}$/m,
    );
    expect(
      checkPlan(applyEdits(text, icb.fix!.edits), { today: TODAY }).diagnostics.some((d) =>
        d.message.includes("'icb' has no"),
      ),
    ).toBe(false);
    const tel = ds.find((d) => d.message.includes("('telephony' in the front matter) should be a group of fields"))!;
    expect(applyEdits(text, tel.fix!.edits)).toMatch(
      /^telephony:\n {2}provider: .*\n {2}type: .*\n {2}divert_numbers:\n {4}- /m,
    );
    const completed = addMissing(text, { today: TODAY });
    expect(completed.text).toMatch(/^telephony:\n {2}provider: /m);
    for (const e of completed.edits) expect(e.start).toBe(e.end);
  });
});
