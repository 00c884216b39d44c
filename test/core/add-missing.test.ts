// add-missing: every missing required section as a guided draft, front-matter shapes, no lost words, idempotent.
import { describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addMissing, checkPlan } from '../../core/index.js';
import { applyEdits } from '../../core/fix/apply-edits.js';
import { practiceNameFromTitle } from '../../core/add-missing.js';
import { fieldYaml } from '../../core/fix/front-matter-skeleton.js';
import { loadPlanSchema } from '../../core/schema/load-schema.js';
import { cleanPlan, replaceOnce, TODAY } from '../helpers/plans.js';
import { runCli, runCliAsync, tempWorkspace } from '../helpers/cli.js';

const SPARSE = `---
title: Plan
practice:
  name: Riverside Surgery
telephony:
  provider: Gamma Telecom
  type: cloud-voip
  divert_numbers: ['01632 960123']
eps_pharmacies:
  - name: Boots Riverside
    phone: 01632 960999
---

# Riverside Surgery: Business continuity plan

## Telephony

1. **Reception:** Ring the supplier.
2. **Reception:** Divert the lines.
3. **Reception:** Tell the patients.

## Our own notes heading

Words the practice wrote, every one of them kept.
`;

function words(s: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const w of s.match(/[\p{L}\p{N}]+/gu) ?? []) m.set(w, (m.get(w) ?? 0) + 1);
  return m;
}

function keepsEveryWord(before: string, after: string): void {
  const a = words(after);
  for (const [w, n] of words(before)) expect(a.get(w) ?? 0, `word '${w}'`).toBeGreaterThanOrEqual(n);
}

const requiredSections = (text: string) =>
  checkPlan(text, { today: TODAY }).diagnostics.filter(
    (d) =>
      d.ruleId === 'schema/required-section' ||
      d.ruleId === 'schema/required-subsection' ||
      d.ruleId === 'schema/required-field',
  );

describe('addMissing', () => {
  it('inserts every missing required section and front-matter field, keeping every word, in schema order', () => {
    expect(requiredSections(SPARSE).length).toBeGreaterThan(10);
    const r = addMissing(SPARSE, { today: TODAY });
    keepsEveryWord(SPARSE, r.text);
    expect(requiredSections(r.text)).toEqual([]);
    // The edits are the same change, for an editor to apply as one.
    expect(applyEdits(SPARSE, r.edits)).toBe(r.text);
    // Schema order: the quick start comes before the practice's telephony section, the review after it.
    expect(r.text.indexOf('## If the IT fails')).toBeLessThan(r.text.indexOf('## Telephony\n'));
    expect(r.text.indexOf('## Review')).toBeGreaterThan(r.text.indexOf('## Our own notes heading'));
    // Each inserted item points at its own text in the result.
    for (const item of r.inserted) {
      if (item.kind === 'section')
        expect(r.text.slice(item.start, item.end)).toMatch(
          new RegExp(`^## ${item.title.replace(/[().?*+[\]]/g, '\\$&')}`),
        );
    }
    expect(r.inserted.filter((i) => i.kind === 'section').map((i) => i.id)).toContain('contacts');
  });

  it('is idempotent', () => {
    const once = addMissing(SPARSE, { today: TODAY }).text;
    const twice = addMissing(once, { today: TODAY });
    expect(twice.text).toBe(once);
    expect(twice.inserted).toEqual([]);
    expect(twice.edits).toEqual([]);
  });

  it('prefills drafts with what the plan already knows', () => {
    const text = addMissing(SPARSE, { today: TODAY }).text;
    expect(text).toMatch(/This plan tells staff at Riverside Surgery how/);
    expect(text).toMatch(/Agree with Boots Riverside how prescriptions/);
    expect(text).toMatch(/> You have reached Riverside Surgery\./);
    // A neighbouring practice's name in the contacts table is not ours.
    expect(text).toMatch(/\| Neighbouring practice \(mutual aid\) \| \{\{practice name\}\}/);
  });

  it('fills a telephony draft from the front matter', () => {
    const plan = replaceOnce(SPARSE, /## Telephony\n[\s\S]*?(?=## Our own)/, '');
    const text = addMissing(plan, { today: TODAY }).text;
    expect(text).toMatch(/Confirm the fault with Gamma Telecom on \{\{provider fault line\}\}/);
    expect(text).toMatch(/Switch on the divert to 01632 960123 from/);
  });

  it('gives front-matter groups their full shape, never an empty group', () => {
    const text = addMissing(SPARSE, { today: TODAY }).text;
    expect(text).not.toMatch(/^icb: \{\}/m);
    expect(text).toMatch(/^icb:\n {2}name: "\{\{ICB name\}\}"\n {2}ods_code: "\{\{ICB ODS code\}\}"/m);
    expect(text).toMatch(
      /^hard_copy_locations:\n {2}- location: [^\n]+\n {4}holder: [^\n]+\n {2}- location: [^\n]+\n {4}holder: [^\n]+\n {4}off_site: true/m,
    );
    // Fields missing from a group that is there go inside it.
    expect(text).toMatch(/^practice:\n {2}name: Riverside Surgery\n {2}ods_code: /m);
    const schema = loadPlanSchema();
    expect(fieldYaml('telephony', schema.properties.frontMatter.properties.telephony)).toMatch(
      /provider: .*\n {2}type: .*\n {2}divert_numbers:\n {4}- /,
    );
  });

  it('writes a whole front matter for a plan without one, with the practice name from the title', () => {
    const plan = '# Castle Street Practice: IT outage business continuity plan\n\n## Telephony\n\nSome words.\n';
    const r = addMissing(plan, { today: TODAY });
    expect(r.text.startsWith('---\n')).toBe(true);
    expect(r.text).toMatch(/practice:\n {2}name: Castle Street Practice\n/);
    keepsEveryWord(plan, r.text);
    expect(addMissing(r.text, { today: TODAY }).text).toBe(r.text);
  });

  it('inserts nothing where it would not be read (a comment left open at the end), and says so', () => {
    const open = SPARSE + '\n<!-- a note the practice never closed\n';
    const r = addMissing(open, { today: TODAY });
    expect(r.text.endsWith('<!-- a note the practice never closed\n')).toBe(true);
    expect(r.notes.join('\n')).toMatch(/could not be inserted where it would be read: .*not closed/);
    expect(addMissing(r.text, { today: TODAY }).text).toBe(r.text);
  });

  it('keeps a byte-order mark first', () => {
    const r = addMissing('\uFEFF## Telephony\n\nWords.\n', { today: TODAY });
    expect(r.text.startsWith('\uFEFF---\n')).toBe(true);
    expect(applyEdits('\uFEFF## Telephony\n\nWords.\n', r.edits)).toBe(r.text);
    expect(addMissing(r.text, { today: TODAY }).text).toBe(r.text);
  });

  it('keeps CRLF line endings', () => {
    const crlf = SPARSE.replace(/\n/g, '\r\n');
    const r = addMissing(crlf, { today: TODAY });
    expect(r.text.replace(/\r\n/g, '')).not.toMatch(/\n/);
  });

  it('adds nothing to a complete plan', () => {
    const plan = cleanPlan();
    const r = addMissing(plan, { today: TODAY });
    expect(r.text).toBe(plan);
    expect(r.inserted).toEqual([]);
  });

  it('inserts a missing part of a section the plan has', () => {
    const plan = replaceOnce(cleanPlan(), /^### Stand-down\n[\s\S]*?(?=^##)/m, '');
    const r = addMissing(plan, { today: TODAY });
    expect(r.inserted.map((i) => i.id)).toEqual(['activation/stand-down']);
    expect(requiredSections(r.text)).toEqual([]);
  });

  it('reads the practice name from titles written in several ways', () => {
    expect(practiceNameFromTitle('Riverside Surgery: Business continuity plan')).toBe('Riverside Surgery');
    expect(practiceNameFromTitle('Moorland Surgery Business Continuity Plan')).toBe('Moorland Surgery');
    expect(practiceNameFromTitle('Business Continuity Plan')).toBeUndefined();
    expect(practiceNameFromTitle('{{practice name}}: IT outage business continuity plan')).toBeUndefined();
    // never a name made of the plan's type or the tool's own title, nor a vendor's name
    expect(practiceNameFromTitle('IT outage business continuity plan')).toBeUndefined();
    expect(practiceNameFromTitle('IT Outage: Business Continuity Plan')).toBeUndefined();
    expect(practiceNameFromTitle('First Practice Management Ltd: business continuity plan template')).toBeUndefined();
    expect(practiceNameFromTitle('The Practice of Health: IT outage plan')).toBe('The Practice of Health');
    expect(practiceNameFromTitle('Hexley Health - Business Continuity Plan')).toBe('Hexley Health');
  });
});

describe('continuity lint --fix --add-missing', () => {
  it('completes a plan on disk and says what it inserted', async () => {
    const dir = tempWorkspace(false);
    mkdirSync(join(dir, 'p'));
    writeFileSync(join(dir, 'p', 'plan.md'), SPARSE);
    const r = await runCliAsync(['lint', '--fix', '--add-missing', 'p/plan.md'], dir);
    const after = readFileSync(join(dir, 'p', 'plan.md'), 'utf8');
    keepsEveryWord(SPARSE, after);
    expect(after).toMatch(/^## Contacts and escalation$/m);
    expect(r.stderr).toMatch(/inserted \d+ missing sections \(If the IT fails: do this first; .*\) as guided drafts/);
    expect(r.stdout).not.toMatch(/schema\/required-section/);
    const again = await runCliAsync(['lint', '--fix', '--add-missing', 'p/plan.md'], dir);
    expect(readFileSync(join(dir, 'p', 'plan.md'), 'utf8')).toBe(after);
    expect(again.stderr).not.toMatch(/inserted/);
  });
  it('--add-missing without --fix is a usage error', () => {
    const r = runCli(['lint', '--add-missing', 'plans'], tempWorkspace());
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/goes with --fix/);
  });
});
