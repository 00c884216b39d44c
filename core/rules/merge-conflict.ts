import type { Rule } from './rule.js';

const MARKER = /^(<{7}|={7}|>{7}|\|{7})(?: .*)?$/gm;

export const mergeConflict: Rule = {
  id: 'merge-conflict',
  severity: 'error',
  description: 'Git merge-conflict markers (<<<<<<<, =======, >>>>>>>) left in the plan.',
  rationale:
    'A merge left two versions of some text in the plan. Choose the right one, delete the other and the marker lines, before anyone prints it.',
  examples: [
    {
      title: 'conflict markers',
      markdown: '# Plan\n\n<<<<<<< HEAD\nA\n=======\nB\n>>>>>>> branch\n',
      expected: [
        '3:1-3:13 error This is a git merge-conflict marker: two versions of this part of the plan were merged. Keep the right text, delete the other version and the <<<<<<<, ======= and >>>>>>> lines.',
        '5:1-5:8 error This is a git merge-conflict marker: two versions of this part of the plan were merged. Keep the right text, delete the other version and the <<<<<<<, ======= and >>>>>>> lines.',
        '7:1-7:15 error This is a git merge-conflict marker: two versions of this part of the plan were merged. Keep the right text, delete the other version and the <<<<<<<, ======= and >>>>>>> lines.',
      ],
    },
    {
      title: 'a line of equals signs under text is a heading, not a conflict',
      markdown: '# Plan\n\nSetext heading\n=======\n\nText.\n',
      expected: [],
    },
  ],
  check({ doc, report }) {
    // '=======' alone is also a heading underline; it is a marker only beside the other two.
    const conflicted = /^(<{7}|>{7})(?: |$)/m.test(doc.text);
    if (!conflicted) return;
    for (const m of doc.text.matchAll(MARKER)) {
      const start = m.index!;
      const end = start + m[0].replace(/\r$/, '').length;
      report({
        range: doc.lines.range(start, end),
        message:
          'This is a git merge-conflict marker: two versions of this part of the plan were merged. Keep the right text, delete the other version and the <<<<<<<, ======= and >>>>>>> lines.',
      });
    }
  },
};
