import type { Rule } from './rule.js';
import { addMonths, daysBetween, isIsoDate } from '../dates/dates.js';
import { frontMatterPointer } from '../model/model-pointer.js';
import { formatLongDate } from '../dates/loose-date.js';
import { ICO_BUSINESS_CONTINUITY, BCM_TOOLKIT } from './sources.js';

export const reviewDates: Rule = {
  id: 'review-dates',
  severity: 'error',
  description: 'Review dates that are overdue, more than 12 months after the last review, or out of order.',
  rationale:
    'Plans must be reviewed at least every 12 months and after any activation, exercise or change of system. "Uncontrolled when printed: check the review date" only helps if the date is real. The fix sets the next review 12 months after the last review.',
  sources: [ICO_BUSINESS_CONTINUITY, BCM_TOOLKIT],
  examples: [
    {
      title: 'next review more than 12 months after the last',
      markdown: '---\nlast_reviewed: 2026-01-10\nnext_review: 2027-06-01\n---\n# Plan\n',
      expected: [
        '3:14-3:24 error The next review (1 June 2027) is more than 12 months after the last review (10 January 2026). Plans must be reviewed at least once a year; set it on or before 10 January 2027.',
      ],
    },
    {
      title: 'review overdue',
      markdown: '---\nlast_reviewed: 2025-01-10\nnext_review: 2026-01-10\n---\n# Plan\n',
      expected: [
        '3:14-3:24 error The plan was due for review on 10 January 2026, 316 days ago. Staff may be following out-of-date numbers and steps: review the plan now, then set the next review date.',
      ],
    },
    {
      title: 'reviewed and due within 12 months',
      markdown: '---\nlast_reviewed: 2026-06-01\nnext_review: 2027-06-01\n---\n# Plan\n',
      expected: [],
    },
  ],
  check({ doc, today, report }) {
    const fm = doc.model.frontMatter;
    const at = (key: string) => doc.sourceMap.get(frontMatterPointer(key))?.range;
    const { date_issued: issued, last_reviewed: last, next_review: next } = fm as Record<string, unknown>;
    if (isIsoDate(last) && daysBetween(today, last) > 0) {
      report({
        range: at('last_reviewed')!,
        message: `The last review date (${formatLongDate(last)}) is in the future. Write the date the plan was actually last reviewed.`,
      });
    }
    if (isIsoDate(issued) && isIsoDate(last) && daysBetween(issued, last) < 0) {
      report({
        range: at('last_reviewed')!,
        severity: 'warning',
        message: `The last review date (${formatLongDate(last)}) is before the date the plan was issued (${formatLongDate(issued)}). Check both dates.`,
      });
    }
    if (!isIsoDate(next)) return;
    const range = at('next_review')!;
    if (daysBetween(today, next) < 0) {
      report({
        range,
        message: `The plan was due for review on ${formatLongDate(next)}, ${-daysBetween(today, next)} days ago. Staff may be following out-of-date numbers and steps: review the plan now, then set the next review date.`,
      });
      return;
    }
    if (isIsoDate(last)) {
      const limit = addMonths(last, 12);
      if (daysBetween(last, next) <= 0) {
        report({
          range,
          message: `The next review date (${formatLongDate(next)}) is not after the last review (${formatLongDate(last)}). Set it no more than 12 months after the last review.`,
          fix: setNext(range, limit),
        });
      } else if (daysBetween(limit, next) > 0) {
        report({
          range,
          message: `The next review (${formatLongDate(next)}) is more than 12 months after the last review (${formatLongDate(last)}). Plans must be reviewed at least once a year; set it on or before ${formatLongDate(limit)}.`,
          fix: setNext(range, limit),
        });
      }
    }
  },
};

function setNext(range: { start: { offset: number }; end: { offset: number } }, iso: string) {
  return {
    title: `Set the next review to ${iso} (12 months after the last review)`,
    safe: false,
    edits: [{ start: range.start.offset, end: range.end.offset, text: iso }],
  };
}
