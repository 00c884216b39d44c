import type { Rule } from './rule.js';

export const duplicateSection: Rule = {
  id: 'duplicate-section',
  severity: 'error',
  description: 'The same section (or part) appears twice.',
  rationale:
    'Two "Contacts" sections mean two versions of what to do, often after a merge. Only the first is checked; staff in an outage may follow the other. Merge them into one.',
  examples: [
    {
      title: 'two contacts sections under different wording',
      markdown: '# Plan\n\n## Contacts\n\nA.\n\n## Key contacts\n\nB.\n',
      expected: [
        "7:1-7:16 error 'Key contacts' is the same section as 'Contacts' on line 3. Merge the two into one: only the first is checked, and staff may follow the wrong one.",
      ],
    },
    {
      title: 'each section once',
      markdown: '# Plan\n\n## Contacts\n\nA.\n\n## Recovery\n\nB.\n',
      expected: [],
    },
  ],
  check({ doc, report }) {
    for (const h of doc.headings) {
      if (!h.duplicate) continue;
      const first = doc.headings.find(
        (o) => o.depth === h.depth && o.id === h.id && o.parentId === h.parentId && !o.duplicate,
      )!;
      report({
        range: h.range,
        message: `'${h.text}' is the same ${h.depth === 2 ? 'section' : 'part'} as '${first.text}' on line ${first.range.start.line}. Merge the two into one: only the first is checked, and staff may follow the wrong one.`,
      });
    }
  },
};
