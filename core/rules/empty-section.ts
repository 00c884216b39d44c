import type { Rule } from './rule.js';
import { eolOf } from '../input/line-ends.js';

export const emptySection: Rule = {
  id: 'empty-section',
  severity: 'error',
  description: 'A section (or part) with a heading but nothing under it.',
  rationale:
    "An empty section looks complete in a contents list but leaves staff with nothing to do when they turn to it. Required sections are errors; others follow the configured severity. The fix inserts the schema's starter text under the heading.",
  examples: [
    {
      title: 'heading with nothing under it',
      markdown: '# Plan\n\n## Telephony failure\n\n## Recovery\n\nText.\n',
      expected: [
        "3:1-3:21 error The 'Telephony failure' section is empty. Cloud phone systems can fail with the clinical system, and the phone is how most patients reach the practice. Write numbered steps, each starting with the role that does it, for confirming the fault, diverting calls and telling patients.",
      ],
    },
    {
      title: 'every heading has something under it',
      markdown: '# Plan\n\n## Telephony failure\n\nUse the mobile.\n\n## Recovery\n\nText.\n',
      expected: [],
    },
  ],
  check({ doc, report }) {
    for (const h of doc.headings) {
      if (h.duplicate) continue;
      const section =
        h.depth === 2
          ? doc.model.sections[h.id]
          : h.parentId
            ? doc.model.sections[h.parentId]?.subsections[h.id]
            : undefined;
      if (!section || section.words > 0) continue;
      const def =
        h.depth === 2
          ? doc.catalogue.byId.get(h.id)
          : doc.catalogue.byId.get(h.parentId!)?.subsections.find((s) => s.id === h.id);
      const eol = eolOf(doc.text);
      const template = def?.template?.trimEnd().replace(/\r?\n/g, eol);
      const at = h.range.end.offset;
      report({
        // A required section left empty stays an error whatever level the rule is configured at.
        ...(def?.required ? { severity: 'error' as const } : {}),
        range: h.range,
        message: `The '${h.text}' ${h.depth === 2 ? 'section' : 'part'} is empty. ${def?.why ?? 'A heading with nothing under it leaves staff with nothing to follow.'} ${def?.write ?? 'Write what staff should do, or remove the heading.'}`,
        fix: template
          ? {
              title: `Insert the starter text for '${h.text}'`,
              safe: false,
              edits: [{ start: at, end: at, text: `${eol}${eol}${template}` }],
            }
          : undefined,
      });
    }
  },
};
