import type { Rule } from './rule.js';
import { stringify } from 'yaml';
import { eolOf } from '../input/line-ends.js';
import { frontMatterSchemaAt, missingFieldValue } from '../schema/front-matter-schema.js';

export const frontMatter: Rule = {
  id: 'front-matter',
  severity: 'error',
  description: "The front matter (the plan's details between --- lines at the top) is missing or is not valid YAML.",
  rationale:
    'The front matter holds the practice details, dates and owner. Without it the printed copy has no header, review reminders cannot work and the ICB cannot see the plan in its estate view.',
  examples: [
    {
      title: 'no front matter',
      markdown: '# Plan\n\nText.\n',
      expected: [
        "1:1-1:7 error The plan has no front matter: the block between '---' lines at the very top that holds the practice's name, ODS code, owner and review dates. Start the file with it (the template shows every field).",
      ],
    },
    {
      title: 'broken YAML',
      markdown: '---\ntitle: "unclosed\n---\n# Plan\n',
      expected: [
        '2:17-3:1 error The front matter is not valid YAML, so the plan\'s details cannot be read: Missing closing "quote. A quote or bracket is not closed.',
      ],
    },
    {
      title: 'a value with a colon in it',
      markdown: '---\naddress: 14 Wharf Road: Maidstone\n---\n# Plan\n',
      expected: [
        "2:10-2:34 error The value of 'address' has a colon followed by a space in it, which YAML reads as the start of another field, so the plan's details cannot be read. Put the whole value in quotes: address: \"14 Wharf Road: Maidstone\"",
      ],
    },
    {
      title: 'front matter never closed',
      markdown: '---\ntitle: Plan\n\n# Plan\n',
      expected: [
        "1:1-1:4 error The front matter that starts on line 1 is never closed, so the plan's details cannot be read. Add a line with just '---' after the last field, before the first heading.",
      ],
    },
    {
      title: 'front matter that reads',
      markdown: '---\ntitle: Plan\n---\n# Plan\n',
      expected: [],
    },
  ],
  check({ doc, report }) {
    if (!doc.frontMatter && /^---[ \t]*\r?\n/.test(doc.text)) {
      report({
        range: doc.lines.lineRange(1),
        message:
          "The front matter that starts on line 1 is never closed, so the plan's details cannot be read. Add a line with just '---' after the last field, before the first heading.",
      });
      return;
    }
    if (!doc.frontMatter) {
      const fmSchema = doc.catalogue.frontMatterSchema;
      const skeleton: Record<string, unknown> = {};
      for (const key of fmSchema.required ?? []) {
        skeleton[key] = missingFieldValue(frontMatterSchemaAt(fmSchema, [key]), key);
      }
      const eol = eolOf(doc.text);
      const yaml = stringify(skeleton, { lineWidth: 0 }).replace(/\n/g, eol);
      report({
        range: doc.lines.lineRange(1),
        message:
          "The plan has no front matter: the block between '---' lines at the very top that holds the practice's name, ODS code, owner and review dates. Start the file with it (the template shows every field).",
        fix: {
          title: 'Insert front matter',
          safe: false,
          edits: [{ start: 0, end: 0, text: `---${eol}${yaml}---${eol}${eol}` }],
        },
      });
      return;
    }
    for (const p of doc.frontMatter.problems)
      report({ range: p.range, message: p.message, ...(p.fix ? { fix: p.fix } : {}) });
  },
};
