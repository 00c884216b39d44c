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
      title: 'placeholders that ask a question or offer choices are worded as English',
      markdown:
        '# Plan\n\n| Version | Change |\n| --- | --- |\n| 1 | {{what changed}} |\n\nSystem: {{EMIS Web, TPP SystmOne, Vision, Medicus or other}}. In scope: {{Yes/No}}.\n',
      expected: [
        "5:7-5:23 warning '{{what changed}}' is placeholder text left from the template. Replace it with what changed; a printed plan with placeholders cannot be followed in an outage.",
        "7:9-7:61 warning '{{EMIS Web, TPP SystmOne, Vision, Medicus or other}}' is placeholder text left from the template. Replace it with one of EMIS Web, TPP SystmOne, Vision, Medicus or other; a printed plan with placeholders cannot be followed in an outage.",
        "7:73-7:83 warning '{{Yes/No}}' is placeholder text left from the template. Replace it with Yes or No; a printed plan with placeholders cannot be followed in an outage.",
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
      report({
        range: doc.lines.range(m.start, m.end),
        message: `'${m.text}' is placeholder text left from the template. Replace it with ${whatToWrite(m.text.slice(2, -2))}; a printed plan with placeholders cannot be followed in an outage.`,
      });
    }
  },
};

const WH_WORD = /^(?:what|how|who|whom|whose|when|where|which|why|whether)\b/i;
const DETERMINER = /^(?:the|a|an|your|our|its|their|this|that|each|every|any|one|some)\b/i;

/** "A, B or C" for a list of choices. */
function choices(options: string[]): string {
  return options.length <= 2 ? options.join(' or ') : `one of ${options.slice(0, -1).join(', ')} or ${options.at(-1)}`;
}

/**
 * What a placeholder asks for, as words that follow "Replace it with": "the phone", "what changed",
 * "how long the UPS and phones last", "one of EMIS Web, TPP SystmOne, Vision, Medicus or other",
 * "Yes or No", "the date, written YYYY-MM-DD (within 12 months of the last review)".
 */
export function whatToWrite(placeholder: string): string {
  const inner = placeholder.replace(/\s+/g, ' ').trim();
  if (!inner) return "the practice's own details";
  if (inner.startsWith('YYYY-MM-DD')) {
    const rest = inner
      .slice('YYYY-MM-DD'.length)
      .replace(/^[,;:]/, '')
      .trim();
    return `the date, written YYYY-MM-DD${rest ? ` (${rest})` : ''}`;
  }
  // "Yes/No", "Low/Medium/High", "EMIS Web / SystmOne / Vision": one of the choices.
  if (inner.includes('/') && !/\s\/\/|:\/\//.test(inner)) {
    const options = inner.split('/').map((o) => o.trim());
    if (options.length >= 2 && options.every(Boolean)) return choices(options);
  }
  // "EMIS Web, TPP SystmOne, Vision, Medicus or other": a list of choices, said as one.
  const parts = inner.split(', ');
  const last = parts[parts.length - 1].split(' or ');
  if (parts.length >= 2 && last.length === 2 && !parts.slice(0, -1).some((p) => p.includes(' or ') || !p))
    return choices([...parts.slice(0, -1), ...last]);
  // "what changed", "how long the UPS and phones last", "your own words": already a phrase.
  if (WH_WORD.test(inner) || DETERMINER.test(inner)) return inner;
  return `the ${inner}`;
}
