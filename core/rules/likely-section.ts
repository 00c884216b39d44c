import type { Rule } from './rule.js';
import { BCM_TOOLKIT, PRIMARY_CARE_BCP_EXEMPLAR } from './sources.js';
import { afterTheAnswer, claimEdit, declineEdit, isItThatSection } from '../model/claim-hint.js';

/**
 * A practice's own heading that probably is one of the plan's sections ("Key Contact Details",
 * "Cascade Procedure"): said on the heading, never assumed, with a quick fix for each answer.
 */
export const likelySection: Rule = {
  id: 'likely-section',
  severity: 'warning',
  description: "A heading probably is one of the plan's sections but was not taken for it.",
  rationale:
    "Practices write their own headings. When one probably is a section the plan needs, the tools say so instead of guessing: a wrong guess would check, and print on the action cards, the wrong words. Add {#id} to the end of the heading to say it is that section, or {#not-id} to say it is not (then the section's draft can be inserted).",
  sources: [BCM_TOOLKIT, PRIMARY_CARE_BCP_EXEMPLAR],
  examples: [
    {
      title: 'a cascade procedure is probably the activation section',
      markdown: '# Plan\n\n## 1.3 Cascade Procedure.\n\nRing everyone.\n',
      expected: [
        "3:1-3:26 warning This looks like the 'IT failure protocol: activation and stand-down' section (it mentions 'cascade'): if it is, add {#activation} to the end of the heading; if it is not, add {#not-activation} to the end of the heading instead. With {#activation} the plan is checked and printed with the heading as that section; with {#not-activation} the tools stop asking, and the section's draft is inserted by its quick fix or by 'continuity lint --fix --add-missing'.",
      ],
    },
    {
      title: 'a heading that is clearly its section, claimed with {#id}, or marked {#not-id}, is taken without a word',
      markdown:
        '# Plan\n\n## 2.7 Loss of Telephone System\n\nDivert the phones.\n\n## 1.3 Cascade Procedure {#activation}\n\nRing everyone.\n\n## Staff cascade list {#not-activation}\n\nRing the partners.\n',
      expected: [],
    },
  ],
  check({ doc, report }) {
    for (const h of doc.headings) {
      if (h.depth !== 2 || h.known || h.duplicate || !h.likely) continue;
      if (h.likely.id in doc.model.sections) continue; // another heading is that section already
      const words = h.likely.matched.length ? ` (it mentions ${h.likely.matched.map((m) => `'${m}'`).join(', ')})` : '';
      report({
        range: h.range,
        message: `This looks like the '${h.likely.title}' section${words}: ${isItThatSection(h.likely.id)}. ${afterTheAnswer(h.likely.id)}`,
        fix: {
          title: `Use this heading as the '${h.likely.title}' section`,
          safe: false,
          edits: [claimEdit(doc, h, h.likely.id)],
        },
        alternatives: [
          {
            title: `This heading is not the '${h.likely.title}' section`,
            safe: false,
            edits: [declineEdit(doc, h, h.likely.id)],
          },
        ],
      });
    }
  },
};
