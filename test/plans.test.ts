// The shipped plans are the showcase: the examples pass clean, the template only asks for its
// placeholders to be filled in.
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkPlan } from '../core/check-plan.js';
import { formatDiagnostic } from './helpers/format.js';
import { readPlan, ROOT, TODAY } from './helpers/plans.js';

const examples = readdirSync(join(ROOT, 'plans')).filter((f) => f.startsWith('example-') && f.endsWith('.md'));

describe('shipped plans', () => {
  it('there are at least three examples', () => {
    expect(examples.length).toBeGreaterThanOrEqual(3);
  });
  for (const file of examples) {
    it(`${file} is clean`, () => {
      const { diagnostics, doc } = checkPlan(readPlan(file), { today: TODAY, path: join(ROOT, 'plans', file) });
      expect(diagnostics.map((d) => formatDiagnostic(d))).toEqual([]);
      const lines = readPlan(file).split('\n').length;
      expect(lines).toBeGreaterThan(300);
      // every catalogue section is present, recognised by its heading
      for (const def of doc!.catalogue.sections) expect(Object.keys(doc!.model.sections), def.id).toContain(def.id);
    });
  }
  it('two examples take their staff cyber rules from one shared file, merged where the include is', () => {
    const users = examples.filter((f) =>
      readPlan(f).includes('<!-- include: shared/nhs-cyber-staff-rules.md#staff-rules -->'),
    );
    expect(users.length).toBeGreaterThanOrEqual(2);
    for (const file of users) {
      const result = checkPlan(readPlan(file), { today: TODAY, path: join(ROOT, 'plans', file) });
      expect(result.sharedFiles?.map((f) => f.path)).toEqual([
        join(ROOT, 'plans', 'shared', 'nhs-cyber-staff-rules.md'),
      ]);
      expect(
        result.doc!.model.sections.cyber.bullets.some((b) =>
          b.startsWith('Never install software or give remote access'),
        ),
      ).toBe(true);
    }
  });
  it('the examples use different clinical systems and telephony', () => {
    const fm = examples.map(
      (f) =>
        checkPlan(readPlan(f), { today: TODAY }).doc!.model.frontMatter as {
          clinical_system: { name: string };
          telephony: { type: string };
        },
    );
    const systems = new Set(fm.map((x) => x.clinical_system.name));
    const phones = new Set(fm.map((x) => x.telephony.type));
    expect(systems.size).toBe(examples.length);
    expect(phones.size).toBeGreaterThanOrEqual(2);
  });
  it('the template has every section and only placeholder warnings', () => {
    const { diagnostics, doc } = checkPlan(readPlan('template.md'), { today: TODAY });
    expect(diagnostics.length).toBeGreaterThan(10);
    expect(new Set(diagnostics.map((d) => `${d.severity} ${d.ruleId}`))).toEqual(new Set(['warning placeholder']));
    for (const def of doc!.catalogue.sections) expect(Object.keys(doc!.model.sections)).toContain(def.id);
  });
});
