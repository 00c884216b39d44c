import type { Rule } from './rule.js';
import { CQC_DATA_SECURITY, ICO_PERSONAL_DATA_BREACH } from './sources.js';

/** NHS numbers: 10 digits, often written 3-3-4; the last digit is a modulus 11 check digit. */
const CANDIDATE = /(?<![\d+])(\d{3})[ -]?(\d{3})[ -]?(\d{4})(?![\d])/g;

export function isValidNhsNumber(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(digits[9]);
}

/** Written in place of a valid NHS number quoted in any message (a phone or placeholder rule quoting a cell). */
export const MASKED_NHS_NUMBER = '[NHS number removed]';

/**
 * A message with every valid NHS number in it masked. Messages go to CI logs, SARIF and editors; the
 * number must appear in none of them, whichever rule quoted the text around it.
 */
export function maskNhsNumbers(text: string): string {
  if (!/\d{3}/.test(text)) return text;
  return text.replace(CANDIDATE, (whole: string, a: string, b: string, c: string) =>
    isValidNhsNumber(a + b + c) ? MASKED_NHS_NUMBER : whole,
  );
}

export const nhsNumber: Rule = {
  id: 'nhs-number',
  severity: 'error',
  description: 'A valid NHS number anywhere in a plan (patient identifiers must never be in a plan).',
  rationale:
    'Plans are kept in git, shared with the ICB and printed for every room. A patient identifier in one is a data breach. The rule reports any 10-digit number that passes the NHS number check digit (modulus 11) and never repeats the number in its message, so CI logs do not copy it either.',
  sources: [CQC_DATA_SECURITY, ICO_PERSONAL_DATA_BREACH],
  examples: [
    {
      title: 'an NHS number in a step',
      markdown: '# Plan\n\nCall back patient 943 476 5919 first.\n',
      expected: [
        '3:19-3:31 error This looks like an NHS number (it passes the NHS number check). Patient identifiers must never be written in a plan: plans are kept in git, shared and printed. Remove it. If it is not an NHS number (a serial or account number), write it with a prefix such as "Ref:" and different spacing.',
      ],
    },
    {
      title: 'a 10-digit number that fails the check digit',
      markdown: '# Plan\n\nSerial 943 476 5910.\n',
      expected: [],
    },
  ],
  check({ doc, report }) {
    for (const m of doc.text.matchAll(CANDIDATE)) {
      const digits = m[1] + m[2] + m[3];
      if (!isValidNhsNumber(digits)) continue;
      const start = m.index!;
      report({
        range: doc.lines.range(start, start + m[0].length),
        message:
          'This looks like an NHS number (it passes the NHS number check). Patient identifiers must never be written in a plan: plans are kept in git, shared and printed. Remove it. If it is not an NHS number (a serial or account number), write it with a prefix such as "Ref:" and different spacing.',
      });
    }
  },
};
