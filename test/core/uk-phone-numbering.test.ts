// UK phone numbers against the numbering plan (libphonenumber-js, full metadata), with Ofcom's drama
// ranges allowed: the examples and template use them so that no printed example rings a real person.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isDramaNumber } from '../../core/rules/drama-numbers.js';
import { checkUkPhone } from '../../core/rules/uk-phone.js';
import { ROOT } from '../helpers/plans.js';

describe('UK phone numbers', () => {
  it('refuses numbers in ranges that are not in use, which hand-written ranges let through', () => {
    for (const n of ['01999 123456', '0500 123456', '0870 000 0000 0', '05 1234 5678']) {
      expect(checkUkPhone(n).ok, n).toBe(false);
    }
  });

  it('accepts real shapes of number: geographic, mobile, freephone, UK-wide, Crown Dependencies, international format, short codes', () => {
    for (const n of [
      '0113 243 2799',
      '020 7972 2000',
      '07911 123456',
      '0800 123 4567',
      '0300 311 2233',
      '01534 445566',
      '+44 (0)20 7972 2000',
      '+44 7911 123456',
      '111',
      '999',
    ]) {
      expect(checkUkPhone(n), n).toEqual({ ok: true });
    }
  });

  it("accepts every one of Ofcom's drama ranges, and no number beside them", () => {
    const firstAndLast = [
      '0113 496 0000',
      '0118 496 0999',
      '0121 496 0500',
      '0131 496 0001',
      '0141 496 0999',
      '0151 496 0000',
      '0161 496 0999',
      '020 7946 0000',
      '0191 498 0999',
      '028 9649 6000',
      '028 9649 6999',
      '029 2018 0000',
      '01632 960000',
      '01632 960999',
      '07700 900000',
      '07700 900999',
      '08081 570000',
      '0909 879 0999',
      '03069 990000',
    ];
    for (const n of firstAndLast) expect(checkUkPhone(n), n).toEqual({ ok: true });
    expect(isDramaNumber('01632961000')).toBe(false);
    expect(isDramaNumber('0770090000')).toBe(false);
    expect(isDramaNumber('07700901000')).toBe(false);
  });

  it('accepts every phone number written in the shipped plans, template and shared content', () => {
    const files = [
      ...readdirSync(join(ROOT, 'plans'))
        .filter((f) => f.endsWith('.md'))
        .map((f) => join(ROOT, 'plans', f)),
      ...readdirSync(join(ROOT, 'plans', 'shared')).map((f) => join(ROOT, 'plans', 'shared', f)),
    ];
    const numbers = new Set(
      files.flatMap(
        (f) => readFileSync(f, 'utf8').match(/(?:\+44 ?\(0\) ?|\b0)\d{2,4}[ -]?\d{3,4}[ -]?\d{3,4}\b/g) ?? [],
      ),
    );
    expect(numbers.size).toBeGreaterThan(20);
    for (const n of numbers) expect(checkUkPhone(n), n).toEqual({ ok: true });
  });
});
