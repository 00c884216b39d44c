// Invalid plans with readable expected-diagnostics files: test/fixtures/invalid/NAME.md (or .bin for
// byte-level cases) beside NAME.expected.txt, one line per diagnostic:
//   5:1-5:24 error The plan has no 'Telephony failure' section. ... schema/required-section
// After a deliberate change of wording, regenerate with UPDATE_FIXTURES=1 and review the diff.
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkPlanBytes } from '../core/check-plan.js';
import { formatDiagnostic } from './helpers/format.js';
import { TODAY } from './helpers/plans.js';

const dir = join(import.meta.dirname, 'fixtures', 'invalid');
const inputs = readdirSync(dir).filter((f) => /\.(md|bin)$/.test(f)).sort();

describe('invalid plan fixtures', () => {
  it('there are fixtures', () => expect(inputs.length).toBeGreaterThanOrEqual(10));
  for (const input of inputs) {
    it(input, () => {
      const bytes = readFileSync(join(dir, input));
      const actual = checkPlanBytes(bytes, { today: TODAY }).diagnostics.map((d) => formatDiagnostic(d)).join('\n') + '\n';
      const expectedPath = join(dir, input.replace(/\.(md|bin)$/, '.expected.txt'));
      if (process.env.UPDATE_FIXTURES === '1') writeFileSync(expectedPath, actual);
      expect(existsSync(expectedPath), `missing ${expectedPath}`).toBe(true);
      expect(actual).toBe(readFileSync(expectedPath, 'utf8'));
    });
  }
});
