import type { Rule } from './rule.js';
import { maxAgeMonths, maxAgeMonthsSchema } from './max-age-option.js';
import { addMonths, daysBetween, isIsoDate } from '../dates/dates.js';
import { frontMatterPointer } from '../model/model-pointer.js';
import { formatLongDate } from '../dates/loose-date.js';
import {
  ISO_22301_EXERCISING,
  EPRR_CORE_STANDARDS,
  CQC_BUSINESS_CONTINUITY,
  ICO_BUSINESS_CONTINUITY,
} from './sources.js';

export const lastTest: Rule = {
  id: 'last-test',
  severity: 'warning',
  description:
    "The plan was last tested more than 12 months ago, has never been tested ('last_tested: never'), or the test date is in the future.",
  rationale:
    "Good practice (the NHS EPRR framework's exercise cycle, ISO 22301 clause 8.5 and the ICO's business continuity expectations) is to exercise the continuity plan at least once a year: a table-top exercise, a switch to paper, a telephony divert test, or a real activation with lessons logged. An untested plan fails in ways nobody has seen yet.",
  sources: [ISO_22301_EXERCISING, EPRR_CORE_STANDARDS, CQC_BUSINESS_CONTINUITY, ICO_BUSINESS_CONTINUITY],
  examples: [
    {
      title: 'test overdue',
      markdown: '---\nlast_tested: 2025-06-01\n---\n# Plan\n',
      expected: [
        "2:14-2:24 warning The plan was last tested on 1 June 2025, more than 12 months ago. Good practice is to test the plan at least once a year: run a table-top exercise or a switch-to-paper drill, then record the date here and in 'Testing and exercising'.",
      ],
    },
    {
      title: 'never tested, said honestly',
      markdown: '---\nlast_tested: never\n---\n# Plan\n',
      expected: [
        "2:14-2:19 warning The plan has never been tested. Until it is, nobody knows whether the divert works, the forms are in the grab pack or the numbers answer: run a table-top exercise or a switch-to-paper drill (see 'Testing and exercising'), then write its date here as YYYY-MM-DD. Saying 'never' is right until then; a made-up date is not.",
      ],
    },
    {
      title: 'tested within the year',
      markdown: '---\nlast_tested: 2026-06-01\n---\n# Plan\n',
      expected: [],
    },
  ],
  options: maxAgeMonthsSchema(12),
  check({ doc, today, options, report }) {
    const months = maxAgeMonths(options, 12);
    const tested = doc.model.frontMatter.last_tested;
    if (tested === 'never') {
      report({
        range: doc.sourceMap.get(frontMatterPointer('last_tested'))!.range,
        message:
          "The plan has never been tested. Until it is, nobody knows whether the divert works, the forms are in the grab pack or the numbers answer: run a table-top exercise or a switch-to-paper drill (see 'Testing and exercising'), then write its date here as YYYY-MM-DD. Saying 'never' is right until then; a made-up date is not.",
      });
      return;
    }
    if (!isIsoDate(tested)) return;
    const range = doc.sourceMap.get(frontMatterPointer('last_tested'))!.range;
    if (daysBetween(today, tested) > 0) {
      report({
        range,
        severity: 'error',
        message: `The last test date (${formatLongDate(tested)}) is in the future. Write the date of the last exercise or real activation.`,
      });
    } else if (daysBetween(addMonths(tested, months), today) > 0) {
      report({
        range,
        message: `The plan was last tested on ${formatLongDate(tested)}, more than ${months} months ago. Good practice is to test the plan at least once a year: run a table-top exercise or a switch-to-paper drill, then record the date here and in 'Testing and exercising'.`,
      });
    }
  },
};
