import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { isDramaNumber } from './drama-numbers.js';
import type { Rule } from './rule.js';
import { isBlank, typedValues } from './typed-values.js';

const SHORT_CODES = /^(999|111|112|119|101|105|116\d{3}|1\d{4})$/;

/**
 * A UK phone number as people write it: national (0 + 9 or 10 digits) or international (+44, the
 * leading 0 dropped, optionally shown as (0)), spaces, hyphens and brackets allowed, an extension
 * after "ext", "x" or "extn" allowed, and a short note in brackets after the number allowed.
 * Whether the number can exist is the UK numbering plan's question, answered by libphonenumber-js
 * (its full metadata, kept current with Ofcom's allocations), with Ofcom's drama numbers allowed.
 * The shape checks come first so the message says what is wrong in words a person can act on.
 */
/**
 * A trailing note in brackets, "(24 hours)", "(24/7)", "(2nd line)": the last bracketed group, when it
 * holds anything but digits, spaces and hyphens (brackets of digits are part of the number, as in
 * "(01234) 567890"). By string search, not `\s*\([^)]*\)\s*$`, which backtracks quadratically on a
 * long cell; one scan of the group, so linear.
 */
function withoutTrailingNote(s: string): string {
  if (!s.endsWith(')')) return s;
  const open = s.indexOf('(', s.lastIndexOf(')', s.length - 2) + 1);
  if (open === -1 || !/[^0-9\s-]/.test(s.slice(open + 1, -1))) return s;
  return s.slice(0, open).trimEnd();
}

/** An extension after the number: "ext 214", "x214", "extension 2". */
function withoutExtension(s: string): string {
  const digits = /\d{1,6}$/.exec(s);
  if (!digits) return s;
  const before = s.slice(0, digits.index).trimEnd();
  const word = /(?:extension|extn\.?|ext\.?|x)$/i.exec(before);
  return word ? before.slice(0, word.index).trimEnd() : s;
}

export function checkUkPhone(raw: string): { ok: true } | { ok: false; reason: string } {
  let s = raw.trim();
  s = withoutExtension(withoutTrailingNote(s));
  if (/[^0-9+()\s-]/.test(s)) return { ok: false, reason: 'it contains letters or symbols' };
  let digits = s.replace(/[\s()-]/g, '');
  if (SHORT_CODES.test(digits)) return { ok: true };
  if (digits.startsWith('+44')) {
    digits = digits.slice(3);
    if (digits.startsWith('0')) digits = digits.slice(1); // +44 (0)20 ...
    digits = '0' + digits;
  } else if (digits.startsWith('+')) {
    return { ok: false, reason: 'it is not a UK number (+44)' };
  }
  if (!digits.startsWith('0')) return { ok: false, reason: 'UK numbers start with 0 or +44' };
  if (digits.length < 10 || digits.length > 11)
    return { ok: false, reason: `it has ${digits.length} digits; UK numbers have 10 or 11 including the leading 0` };
  if (digits.length === 10 && /^0[2379]/.test(digits))
    return {
      ok: false,
      reason: `it has 10 digits; numbers starting ${digits.slice(0, 2)} have 11 including the leading 0`,
    };
  if (!/^0[1-9]/.test(digits)) return { ok: false, reason: 'the second digit cannot be 0' };
  if (/^0[46]/.test(digits)) return { ok: false, reason: 'UK numbers do not start 04 or 06' };
  if (isDramaNumber(digits)) return { ok: true };
  // +44 covers the Crown Dependencies too (Jersey, Guernsey, the Isle of Man): any region of +44 counts.
  const parsed = parsePhoneNumberFromString(digits, 'GB');
  if (!parsed || parsed.countryCallingCode !== '44' || !parsed.isValid()) {
    return {
      ok: false,
      reason: `no UK numbers are in use starting ${digits.slice(0, digits.startsWith('01') || digits.startsWith('08') ? 5 : 4)} with this many digits, so a call would not connect`,
    };
  }
  return { ok: true };
}

export const ukPhone: Rule = {
  id: 'uk-phone',
  severity: 'error',
  description: 'Phone numbers (contacts, divert numbers, pharmacies) that are not valid UK numbers.',
  rationale:
    'In an outage the printed number is the only way to reach the service desk, a supplier or a neighbouring practice. A digit missing or extra means a call that does not connect. The rule checks every value the schema marks as a phone number.',
  examples: [
    {
      title: 'a digit missing',
      markdown: '# Plan\n\n## Contacts\n\n| Contact | Phone |\n| --- | --- |\n| GP IT service desk | 020 7946 012 |\n',
      expected: [
        "7:24-7:36 error '020 7946 012' in the 'Phone' cell in row 1 of the contacts table ('Contacts') is not a valid UK phone number: it has 10 digits; numbers starting 02 have 11 including the leading 0. Check it against the supplier's letter or website; a wrong number costs time in an outage. Write it like '020 7946 0123' or '07700 900123'.",
      ],
    },
    {
      title: 'international format with (0)',
      markdown:
        '# Plan\n\n## Contacts\n\n| Contact | Phone |\n| --- | --- |\n| GP IT service desk | +44 (0)20 7946 0123 |\n',
      expected: [],
    },
    {
      title: 'a note in brackets after the number, also one that starts with a digit',
      markdown:
        '# Plan\n\n## Contacts\n\n| Contact | Phone |\n| --- | --- |\n| GP IT service desk | 020 7946 0123 (24/7) |\n| Out of hours | 020 7946 0124 (out of hours) |\n',
      expected: [],
    },
    {
      title: 'a range no number is given out in',
      markdown: '# Plan\n\n## Contacts\n\n| Contact | Phone |\n| --- | --- |\n| GP IT service desk | 01999 123456 |\n',
      expected: [
        "7:24-7:36 error '01999 123456' in the 'Phone' cell in row 1 of the contacts table ('Contacts') is not a valid UK phone number: no UK numbers are in use starting 01999 with this many digits, so a call would not connect. Check it against the supplier's letter or website; a wrong number costs time in an outage. Write it like '020 7946 0123' or '07700 900123'.",
      ],
    },
  ],
  check({ doc, report }) {
    for (const v of typedValues(doc, 'phone')) {
      if (isBlank(v.value)) continue;
      if (/\{\{/.test(v.value)) continue;
      const result = checkUkPhone(v.value);
      if (result.ok) continue;
      report({
        range: v.range,
        message: `'${v.value}' in ${v.where} is not a valid UK phone number: ${result.reason}. Check it against the supplier's letter or website; a wrong number costs time in an outage. Write it like '020 7946 0123' or '07700 900123'.`,
      });
    }
  },
};
