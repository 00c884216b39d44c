import type { Rule } from './rule.js';
import { insertSectionFix } from '../fix/insertions.js';
import { pointerOf } from '../model/plan-model.js';
import { claimHint } from '../model/claim-hint.js';

export const recommendedSection: Rule = {
  id: 'recommended-section',
  severity: 'warning',
  description: 'A recommended section is missing (risk assessment, lessons log, vulnerable patients, mutual aid, equipment ...).',
  rationale: 'Recommended sections are not mandatory, but practices that had them coped better with the July 2024 outage. The fix inserts the section from the template.',
  examples: [],
  check({ doc, report }) {
    if (!doc.frontMatter && doc.headings.length === 0) return;
    const at = doc.sourceMap.get(pointerOf('sections'));
    for (const def of doc.catalogue.sections) {
      if (!def.recommended || def.required || def.id in doc.model.sections) continue;
      report({
        range: at?.anchor ?? at?.range ?? doc.lines.range(0, 0),
        message: `The plan has no '${def.title}' section (recommended). ${def.why ?? ''} ${def.write ?? ''} ${claimHint(doc, def)}`.replace(/\s+/g, ' ').trim(),
        fix: insertSectionFix(doc, def),
      });
    }
  },
};
