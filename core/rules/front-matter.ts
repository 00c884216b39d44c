import type { Rule } from './rule.js';
import { stringify } from 'yaml';
import { eolOf } from '../input/line-ends.js';
import type { TextEdit } from '../diagnostic.js';
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
      title: "front matter ended YAML's way, with '...'",
      markdown: '---\ntitle: Plan\n...\n\n# Plan\n',
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
      const close = closeAfterEndMarker(doc.text);
      report({
        range: doc.lines.lineRange(1),
        message:
          "The front matter that starts on line 1 is never closed, so the plan's details cannot be read. Add a line with just '---' after the last field, before the first heading.",
        // Ended YAML's way, with '...' (as pandoc allows): the '---' goes after it, nothing else changes.
        ...(close ? { fix: { title: "Close the front matter with '---'", safe: true, edits: [close] } } : {}),
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

/** Insert '---' after the first line of just '...' (YAML's end of document), before any heading. */
function closeAfterEndMarker(text: string): TextEdit | undefined {
  const eol = eolOf(text);
  let at = text.indexOf('\n') + 1;
  while (at > 0 && at < text.length) {
    const nl = text.indexOf('\n', at);
    const line = text.slice(at, nl === -1 ? text.length : nl).replace(/\r$/, '');
    if (line.startsWith('#') && /^#{1,6}(\s|$)/.test(line)) return undefined;
    if (line.trimEnd() === '...') {
      const end = nl === -1 ? text.length : nl + 1;
      return { start: end, end, text: nl === -1 ? `${eol}---${eol}` : `---${eol}` };
    }
    at = nl + 1;
  }
  return undefined;
}
