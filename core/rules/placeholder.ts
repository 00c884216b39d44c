import type { Rule } from './rule.js';
import { PLACEHOLDER_GLOBAL } from './placeholder-pattern.js';
import { visit } from 'unist-util-visit';

export const placeholder: Rule = {
  id: 'placeholder',
  severity: 'warning',
  description: 'Placeholder text such as {{phone}} left from the template.',
  rationale:
    'A placeholder in a printed plan is a number nobody can ring or a step nobody can follow. Replace each {{...}} with the practice\'s own details.',
  examples: [
    {
      title: 'a placeholder in a table cell',
      markdown: '# Plan\n\n| Contact | Phone |\n| --- | --- |\n| Service desk | {{phone}} |\n',
      expected: [
        '5:18-5:27 warning \'{{phone}}\' is placeholder text left from the template. Replace it with the phone; a printed plan with placeholders cannot be followed in an outage.',
      ],
    },
    {
      title: 'braces in a code block are not placeholders',
      markdown: '# Plan\n\n```\n{{not a placeholder}}\n```\n',
      expected: [],
    },
  ],
  check({ doc, report }) {
    if (!doc.text.includes('{{')) return;
    // Code and HTML comments (template guidance) are not plan content.
    const skip: [number, number][] = [];
    visit(doc.tree, (node) => {
      if ((node.type === 'code' || node.type === 'inlineCode' || node.type === 'html') && node.position) {
        skip.push([node.position.start.offset!, node.position.end.offset!]);
      }
    });
    for (const m of doc.text.matchAll(PLACEHOLDER_GLOBAL)) {
      const start = m.index!;
      if (skip.some(([a, b]) => start >= a && start < b)) continue;
      const inner = m[0].slice(2, -2).trim();
      report({
        range: doc.lines.range(start, start + m[0].length),
        message: `'${m[0]}' is placeholder text left from the template. Replace it with ${/^YYYY-MM-DD/.test(inner) ? 'the date, written YYYY-MM-DD' : inner ? `the ${inner}` : 'the practice\'s own details'}; a printed plan with placeholders cannot be followed in an outage.`,
      });
    }
  },
};
