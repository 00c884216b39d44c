import { describe, expect, it } from 'vitest';
import { reviewsByMonth } from '../../core/estate/dashboard-html.js';
import { estateCsv } from '../../core/estate/estate-csv.js';
import { toEstateRow } from '../../core/estate/estate-row.js';
import { parseShard, shardOf } from '../../cli/shard.js';

const summary = { errors: 0, warnings: 0, sections: { telephony: 'present' as const } };

describe('estate rows', () => {
  it('judge review and test dates against today', () => {
    const row = (nextReview: string, lastTested: string) =>
      toEstateRow('plans/a.md', { ...summary, nextReview, lastTested }, '2026-11-22');
    expect(row('2026-11-21', '2025-11-21')).toMatchObject({ review: 'overdue', reviewInDays: -1, test: 'overdue' });
    expect(row('2026-12-22', '2025-12-01')).toMatchObject({ review: 'due-soon', reviewInDays: 30, test: 'due-soon' });
    expect(row('2026-12-23', '2026-01-01')).toMatchObject({ review: 'ok', reviewInDays: 31, test: 'ok' });
    expect(toEstateRow('plans/b.md', summary, '2026-11-22')).toMatchObject({
      practiceName: 'b',
      review: 'unknown',
      test: 'unknown',
      state: 'ready',
    });
    expect(toEstateRow('plans/b.md', { ...summary, errors: 2, warnings: 1 }, '2026-11-22').state).toBe('fails-checks');
  });

  it('the contacts date shown is the older of the front matter and the table', () => {
    expect(
      toEstateRow(
        'p.md',
        { ...summary, contactsVerified: '2026-10-01', oldestContactVerified: '2026-03-02' },
        '2026-11-22',
      ).contactsVerified,
    ).toBe('2026-03-02');
  });
});

describe('reviews by month', () => {
  it('puts each plan in overdue, its month (this month and the next twelve), later or no date', () => {
    const rows = ['2026-11-21', '2026-11-22', '2026-11-30', '2026-12-01', '2027-11-30', '2027-12-01', undefined].map(
      (nextReview, i) => toEstateRow(`p${i}.md`, { ...summary, nextReview }, '2026-11-22'),
    );
    const bars = reviewsByMonth(rows, '2026-11-22');
    expect(bars.map((b) => b.label)).toEqual([
      'Overdue',
      'Nov 2026',
      'Dec 2026',
      'Jan 2027',
      'Feb 2027',
      'Mar 2027',
      'Apr 2027',
      'May 2027',
      'Jun 2027',
      'Jul 2027',
      'Aug 2027',
      'Sept 2027',
      'Oct 2027',
      'Nov 2027',
      'Later',
      'No date',
    ]);
    expect(bars.map((b) => b.count)).toEqual([1, 2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1]);
  });
});

describe('estate CSV', () => {
  it('quotes commas and quotes, and neutralises text a spreadsheet would run as a formula', () => {
    const row = toEstateRow(
      'plans/a.md',
      { ...summary, practiceName: '=HYPERLINK("http://x")', icb: 'NHS North, East "Central"' },
      '2026-11-22',
    );
    const csv = estateCsv([row], [{ id: 'telephony', title: 'Telephony failure' }]).split('\r\n');
    expect(csv[1]).toBe(
      `"'=HYPERLINK(""http://x"")",,"NHS North, East ""Central""",plans/a.md,ready,0,0,,,unknown,,unknown,,present`,
    );
  });
  it('starts with a UTF-8 byte order mark, so Excel keeps names such as Ynys Môn intact', () => {
    const row = toEstateRow('plans/a.md', { ...summary, practiceName: 'Ynys Môn – Canolfan Iechyd' }, '2026-11-22');
    const bytes = Buffer.from(estateCsv([row], []), 'utf8');
    expect(bytes.subarray(0, 3).toString('hex')).toBe('efbbbf');
    expect(bytes.toString('utf8')).toContain('Ynys Môn – Canolfan Iechyd');
  });
});

describe('shards', () => {
  it('every path is in exactly one shard, the same one every time', () => {
    const paths = Array.from({ length: 1000 }, (_, i) => `plans/icb-${i % 7}/practice-${i}.md`);
    for (const n of [1, 2, 3, 8]) {
      const counts = new Array(n).fill(0);
      for (const p of paths) {
        const s = shardOf(p, n);
        expect(s).toBeGreaterThanOrEqual(1);
        expect(s).toBeLessThanOrEqual(n);
        expect(shardOf(p, n)).toBe(s);
        counts[s - 1]++;
      }
      // Balanced enough that no runner gets twice its share.
      expect(Math.max(...counts)).toBeLessThan((2 * paths.length) / n);
    }
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    for (const bad of ['0/4', '5/4', '1/0', 'a/b', '2']) expect(() => parseShard(bad)).toThrow(/--shard takes I\/N/);
  });
});
