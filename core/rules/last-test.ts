import type { Rule } from './rule.js';
import { addMonths, daysBetween, isIsoDate } from './dates.js';
import { pointerOf } from '../model/plan-model.js';
import { formatLongDate } from '../fix/loose-date.js';

export const lastTest: Rule = {
  id: 'last-test',
  severity: 'warning',
  description: "The plan was last tested more than 12 months ago, has never been tested ('last_tested: never'), or the test date is in the future.",
  rationale:
    'The Data Security and Protection Toolkit expects the continuity plan to be tested at least once a year (a table-top exercise, a switch to paper, a telephony divert test, or a real activation with lessons logged). An untested plan fails in ways nobody has seen yet.',
  examples: [
    { title: 'test overdue', markdown: '---\nlast_tested: 2025-06-01\n---\n# Plan\n', expected: ['2:14-2:24 warning'] },
    { title: 'never tested, said honestly', markdown: '---\nlast_tested: never\n---\n# Plan\n', expected: ['2:14-2:19 warning'] },
  ],
  check({ doc, today, options, report }) {
    const months = typeof options.maxAgeMonths === 'number' ? options.maxAgeMonths : 12;
    const tested = doc.model.frontMatter.last_tested;
    if (tested === 'never') {
      report({
        range: doc.sourceMap.get(pointerOf('frontMatter', 'last_tested'))!.range,
        message:
          "The plan has never been tested. Until it is, nobody knows whether the divert works, the forms are in the grab pack or the numbers answer: run a table-top exercise or a switch-to-paper drill (see 'Testing and exercising'), then write its date here as YYYY-MM-DD. Saying 'never' is right until then; a made-up date is not.",
      });
      return;
    }
    if (!isIsoDate(tested)) return;
    const range = doc.sourceMap.get(pointerOf('frontMatter', 'last_tested'))!.range;
    if (daysBetween(today, tested) > 0) {
      report({ range, severity: 'error', message: `The last test date (${formatLongDate(tested)}) is in the future. Write the date of the last exercise or real activation.` });
    } else if (daysBetween(addMonths(tested, months), today) > 0) {
      report({
        range,
        message: `The plan was last tested on ${formatLongDate(tested)}, more than ${months} months ago. Plans must be tested at least once a year: run a table-top exercise or a switch-to-paper drill, then record the date here and in 'Testing and exercising'.`,
      });
    }
  },
};
