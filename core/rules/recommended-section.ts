import type { Rule } from './rule.js';
import { BCM_TOOLKIT, PRIMARY_CARE_BCP_EXEMPLAR } from './sources.js';
import { insertSectionFix } from '../fix/insertions.js';
import { SECTIONS_POINTER } from '../model/model-pointer.js';
import { claimHint } from '../model/claim-hint.js';

export const recommendedSection: Rule = {
  id: 'recommended-section',
  severity: 'warning',
  description:
    'A recommended section is missing (risk assessment, lessons log, vulnerable patients, mutual aid, equipment ...).',
  rationale:
    "Recommended sections are not mandatory, but NHS guidance expects them in a full business continuity plan (for example a risk assessment under ISO 22301 and the NHS England business continuity toolkit, and a list of vulnerable patients under the NHS primary care exemplar plan). Each section's own guidance says why it matters. The fix inserts the section from the template.",
  sources: [BCM_TOOLKIT, PRIMARY_CARE_BCP_EXEMPLAR],
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
