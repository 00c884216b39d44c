import type { Rule } from './rule.js';
import { PULSE_CONTINGENCY_PLAN } from './sources.js';
import { findPlaceholders } from '../model/placeholder-pattern.js';

export const placeholder: Rule = {
  id: 'placeholder',
  severity: 'warning',
  description: 'Placeholder text such as {{phone}} left from the template.',
  rationale:
    "A placeholder in a printed plan is a number nobody can ring or a step nobody can follow. Replace each {{...}} with the practice's own details.",
  sources: [PULSE_CONTINGENCY_PLAN],
  examples: [
    {
      title: 'a placeholder in a table cell',
      markdown: '# Plan\n\n| Contact | Phone |\n| --- | --- |\n| Service desk | {{phone}} |\n',
      expected: [
        "5:18-5:27 warning '{{phone}}' is placeholder text left from the template. Replace it with the phone; a printed plan with placeholders cannot be followed in an outage.",
      ],
    },
    {
      title: 'braces in a code block are not placeholders',
      markdown: '# Plan\n\n```\n{{not a placeholder}}\n```\n',
      expected: [],
    },
  ],
  check({ doc, report }) {
    for (const m of findPlaceholders(doc)) {
      const start = m.start;
      const inner = m.text.slice(2, -2).trim();
      report({
        range: doc.lines.range(start, m.end),
        message: `'${m.text}' is placeholder text left from the template. Replace it with ${/^YYYY-MM-DD/.test(inner) ? 'the date, written YYYY-MM-DD' : inner ? `the ${inner}` : "the practice's own details"}; a printed plan with placeholders cannot be followed in an outage.`,
      });
    }
  },
};
