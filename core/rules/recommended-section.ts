import type { Rule } from './rule.js';
import { BCM_TOOLKIT, CQC_BUSINESS_CONTINUITY } from './sources.js';
import { insertSectionFix } from '../fix/insertions.js';
import { SECTIONS_POINTER } from '../model/model-pointer.js';
import { claimHint } from '../model/claim-hint.js';

export const recommendedSection: Rule = {
  id: 'recommended-section',
  severity: 'warning',
  description: 'A recommended section is missing (risk assessment, lessons log, mutual aid, equipment ...).',
  rationale:
    "Recommended sections are not mandatory, and a plan passes without them, but each is part of a full continuity plan as its sources describe it: a risk assessment sits beside the business impact analysis in NHS England's business continuity management toolkit (built on ISO 22301, the international standard for business continuity), and CQC's guidance for GP practices expects them to work with neighbouring practices in an emergency (mutual aid). Each section's own guidance says why it matters and cites its own sources. The fix inserts the section from the template.",
  sources: [BCM_TOOLKIT, CQC_BUSINESS_CONTINUITY],
  examples: [
    {
      title: 'nothing to compare yet: no front matter and no sections',
      markdown: 'Notes for the plan.\n',
      expected: [],
    },
  ],
  check({ doc, report }) {
    if (!doc.frontMatter && doc.headings.length === 0) return;
    const at = doc.sourceMap.get(SECTIONS_POINTER);
    for (const def of doc.catalogue.sections) {
      if (!def.recommended || def.required || def.id in doc.model.sections) continue;
      report({
        range: at?.anchor ?? at?.range ?? doc.lines.range(0, 0),
        message:
          `The plan has no '${def.title}' section (recommended). ${def.why ?? ''} ${def.write ?? ''} ${claimHint(doc, def)}`
            .replace(/\s+/g, ' ')
            .trim(),
        fix: insertSectionFix(doc, def),
      });
    }
  },
};
