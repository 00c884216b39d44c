import type { Rule } from './rule.js';
import { maxAgeMonths, maxAgeMonthsSchema } from './max-age-option.js';
import { addMonths, daysBetween, isIsoDate } from '../dates/dates.js';
import { frontMatterPointer } from '../model/model-pointer.js';
import { formatLongDate } from '../dates/loose-date.js';
import { DSPT_GP_2025_26, PULSE_PHONE_LINE_LOST } from './sources.js';
import { typedValues } from './typed-values.js';

export const contactsVerified: Rule = {
  id: 'contacts-verified',
  severity: 'warning',
  description: 'Contacts not verified recently (6 months by default; option maxAgeMonths).',
  rationale:
    'Suppliers change numbers and people leave. The Data Security and Protection Toolkit expects emergency contacts to be kept securely, in hard copy and up to date; recording when each number was last checked shows that they are. The rule checks contacts_last_verified and each "Last verified" date in the contacts table.',
  sources: [DSPT_GP_2025_26, PULSE_PHONE_LINE_LOST],
  examples: [
    {
      title: 'contacts stale',
      markdown: '---\ncontacts_last_verified: 2025-12-01\n---\n# Plan\n',
      expected: [
        "2:25-2:35 warning The contact list was last verified on 1 December 2025, more than 6 months ago. Ring or check every number, update the table, reprint the contact list and record today's date.",
      ],
    },
    {
      title: 'contacts checked recently',
      markdown: '---\ncontacts_last_verified: 2026-10-01\n---\n# Plan\n',
      expected: [],
    },
  ],
  options: maxAgeMonthsSchema(6),
  check({ doc, today, options, report }) {
    const months = maxAgeMonths(options, 6);
    const stale = (d: string) => daysBetween(addMonths(d, months), today) > 0;
    const verified = doc.model.frontMatter.contacts_last_verified;
    if (isIsoDate(verified)) {
      const range = doc.sourceMap.get(frontMatterPointer('contacts_last_verified'))!.range;
      if (daysBetween(today, verified) > 0) {
        report({
          range,
          severity: 'error',
          message: `The contacts verification date (${formatLongDate(verified)}) is in the future. Write the date the numbers were last checked.`,
        });
      } else if (stale(verified)) {
        report({
          range,
          message: `The contact list was last verified on ${formatLongDate(verified)}, more than ${months} months ago. Ring or check every number, update the table, reprint the contact list and record today's date.`,
        });
      }
    }
    for (const v of typedValues(doc, 'date')) {
      if (v.column !== 'verified' || !isIsoDate(v.value)) continue;
      if (stale(v.value)) {
        const who = v.row?.contact || v.row?.organisation || 'this contact';
        report({
          range: v.range,
          message: `The number for ${who} was last verified on ${formatLongDate(v.value)}, more than ${months} months ago. Check it and update the date.`,
        });
      }
    }
  },
};
