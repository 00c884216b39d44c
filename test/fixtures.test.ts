// Invalid plans with readable expected-diagnostics files: test/fixtures/invalid/NAME.md (or .bin for
// byte-level cases) beside NAME.expected.txt. The first line says which checks the fixture is about;
// then one line per diagnostic of those checks:
//   # checks: uk-phone
//   7:24-7:36 error The number ... uk-phone
// Most fixtures are focused (only the named checks are compared), so a change elsewhere in the schema
// or the rules does not rewrite them. A few are whole-plan snapshots on purpose (`# checks: all (why)`).
// After a deliberate change of wording, regenerate with UPDATE_FIXTURES=1 and review the diff.
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkPlanBytes } from '../core/check-plan.js';
import { knownRuleIds } from '../core/rules/catalogue.js';
import { formatDiagnostic } from './helpers/format.js';
import { TODAY } from './helpers/plans.js';

const dir = join(import.meta.dirname, 'fixtures', 'invalid');
const inputs = readdirSync(dir)
  .filter((f) => /\.(md|bin)$/.test(f))
  .sort();
const HEADER = /^# checks: (all \(.+\)|[a-z/-]+(, [a-z/-]+)*)$/;

/** The checks a fixture is about, from its header line; undefined for a whole-plan snapshot. */
function checksOf(header: string): string[] | undefined {
  return header.startsWith('# checks: all') ? undefined : header.slice('# checks: '.length).split(', ');
}

describe('invalid plan fixtures', () => {
  it('there are fixtures', () => expect(inputs.length).toBeGreaterThanOrEqual(10));
  for (const input of inputs) {
    it(input, () => {
      const expectedPath = join(dir, input.replace(/\.(md|bin)$/, '.expected.txt'));
      expect(existsSync(expectedPath), `missing ${expectedPath}`).toBe(true);
      const [header, ...expected] = readFileSync(expectedPath, 'utf8').split('\n');
      expect(header, `${expectedPath} starts with '# checks: <rule ids>' or '# checks: all (why)'`).toMatch(HEADER);
      const checks = checksOf(header);
      for (const id of checks ?? []) expect(knownRuleIds(), `${expectedPath} names an unknown check`).toContain(id);
      const diagnostics = checkPlanBytes(readFileSync(join(dir, input)), { today: TODAY }).diagnostics;
      const actual = diagnostics.filter((d) => !checks || checks.includes(d.ruleId)).map((d) => formatDiagnostic(d));
      if (process.env.UPDATE_FIXTURES === '1') writeFileSync(expectedPath, [header, ...actual, ''].join('\n'));
      expect(actual.join('\n') + '\n').toBe(expected.join('\n'));
      // A focused fixture keeps showing each check it names: it cannot pass by reporting nothing.
      for (const id of checks ?? [])
        expect(
          actual.some((line) => line.endsWith(` ${id}`)),
          `${input} no longer shows ${id}`,
        ).toBe(true);
    });
  }
});
