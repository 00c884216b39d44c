// Hostile and broken plans, made on demand (nothing large is committed). Used by bench/hostile.js
// (time and peak memory of checking each) and test/robustness/hostile-core.test.ts (the outcome of
// each). Every case is a real shipped plan with something hostile added, or hostile bytes alone.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
export const basePlan = () => readFileSync(join(root, 'plans', 'example-riverside-medical-centre.md'), 'utf8');

const MB = 1024 * 1024;

/** The plan's text after its front matter. */
function bodyOf(plan) {
  return plan.slice(plan.indexOf('\n---\n', 4) + 5);
}

/** Replace one front-matter line `key: ...` with `key: value`. */
function withField(plan, key, value) {
  const re = new RegExp(`^${key}: .*$`, 'm');
  if (!re.test(plan)) throw new Error(`no ${key} in the plan`);
  return plan.replace(re, `${key}: ${value}`);
}

/** Insert text just before the first H2 after the quick-start section (inside the plan's body). */
function beforeContacts(plan, text) {
  const at = plan.indexOf('\n## Contacts');
  if (at < 0) throw new Error('no contacts section');
  return plan.slice(0, at + 1) + text + '\n' + plan.slice(at + 1);
}

const front = (yaml) => `---\n${yaml}\n---\n` + bodyOf(basePlan());

/** name -> { what, make(): string | Buffer } */
export const hostileCases = {
  'yaml-deep-flow-seq': {
    what: 'front matter: 10,000 nested [ (unclosed)',
    make: () => front(`title: x\nnotes: ${'['.repeat(10_000)}`),
  },
  'yaml-deep-flow-map': {
    what: 'front matter: 10,000 nested {a: mappings',
    make: () => front(`title: x\nnotes: ${'{a: '.repeat(10_000)}`),
  },
  'yaml-deep-block-map': {
    what: 'front matter: 2,000 nested block mappings (2 MB of indentation)',
    make: () => front(Array.from({ length: 2000 }, (_, i) => ' '.repeat(i) + `k${i}:`).join('\n') + ' v'),
  },
  'yaml-alias-bomb-large': {
    what: 'front matter: alias bomb, 20 levels of 10 (10^20 nodes if expanded)',
    make: () =>
      front(
        [
          'a0: &a0 [' + Array(10).fill('"x"').join(',') + ']',
          ...Array.from({ length: 20 }, (_, i) => `a${i + 1}: &a${i + 1} [` + Array(10).fill(`*a${i}`).join(',') + ']'),
        ].join('\n'),
      ),
  },
  'plan-10mb': {
    what: "a 10 MB plan: the example's sections repeated (headings, tables, lists)",
    make: () => {
      const plan = basePlan();
      const body = bodyOf(plan);
      return plan + '\n' + body.repeat(Math.ceil((10 * MB) / body.length));
    },
  },
  'blocks-200000': {
    what: 'a last section of 200,000 blocks (thematic breaks, 1 MB)',
    make: () => basePlan() + '\n' + '***\n\n'.repeat(200_000),
  },
  'paragraphs-200000': {
    what: 'a last section of 200,000 one-word paragraphs (1.2 MB)',
    make: () => basePlan() + '\nword\n'.repeat(200_000),
  },
  'section-10mb': {
    what: 'a 10 MB plan whose last section runs on for 10 MB of paragraphs',
    make: () => basePlan() + '\nSome paragraph text with words and 020 7946 0123.\n'.repeat(Math.ceil((10 * MB) / 51)),
  },
  'long-line-5mb': {
    what: 'a 5 MB line of words in the body',
    make: () => beforeContacts(basePlan(), 'word '.repeat(MB)),
  },
  'long-line-1mb': {
    what: 'a 1 MB line of words in the body',
    make: () => beforeContacts(basePlan(), 'word '.repeat(MB / 5)),
  },
  'long-table-cell-2mb': {
    what: 'a 2 MB cell in the contacts table',
    make: () => basePlan().replace(/^\| GP IT service desk \|/m, `| GP IT service desk ${'x'.repeat(2 * MB)} |`),
  },
  'long-front-matter-value-2mb': {
    what: 'a 2 MB front-matter value (the title)',
    make: () => withField(basePlan(), 'title', 'y'.repeat(2 * MB)),
  },
  'table-5000-columns': {
    what: 'a table of 5,000 columns and 20 rows',
    make: () =>
      beforeContacts(
        basePlan(),
        [
          '|' + Array.from({ length: 5000 }, (_, i) => ` c${i} |`).join(''),
          '|' + ' --- |'.repeat(5000),
          ...Array(20).fill('|' + ' v |'.repeat(5000)),
        ].join('\n') + '\n',
      ),
  },
  'table-2000-rows': {
    what: 'a contacts table of 2,000 rows (within the limits: read as a table)',
    make: () => basePlan().replace(/^(\| GP IT service desk \|.*\n)/m, (row) => row.repeat(2000)),
  },
  'table-4900-rows': {
    what: 'a contacts table of 4,900 rows (just within the 5,000-line limit)',
    make: () => basePlan().replace(/^(\| GP IT service desk \|.*\n)/m, (row) => row.repeat(4900)),
  },
  'table-50000-rows': {
    what: 'a table of 50,000 rows (over the 5,000-line block limit)',
    make: () =>
      beforeContacts(basePlan(), '| Contact | Phone |\n| --- | --- |\n' + '| A | 020 7946 0123 |\n'.repeat(50_000)),
  },
  'headings-50000': {
    what: '50,000 H2 headings, each with a line of text',
    make: () => basePlan() + Array.from({ length: 50_000 }, (_, i) => `## Heading ${i}\n\ntext\n`).join('\n'),
  },
  'nested-list-10000': {
    what: 'a list nested 10,000 deep on one line (- - - ...)',
    make: () => beforeContacts(basePlan(), '- '.repeat(10_000) + 'deep\n'),
  },
  'nested-list-indented-1000': {
    what: 'a list nested 1,000 deep by indentation (1 MB)',
    make: () =>
      beforeContacts(basePlan(), Array.from({ length: 1000 }, (_, i) => '  '.repeat(i) + '- item').join('\n') + '\n'),
  },
  'nested-quote-10000': {
    what: 'a quote nested 10,000 deep (>>>>...)',
    make: () => beforeContacts(basePlan(), '>'.repeat(10_000) + ' deep\n'),
  },
  'nested-quote-lines-3000': {
    what: '3,000 lines each one quote level deeper',
    make: () =>
      beforeContacts(basePlan(), Array.from({ length: 3000 }, (_, i) => '>'.repeat(i + 1) + ' q').join('\n') + '\n'),
  },
  'nested-brackets-20000': {
    what: 'a paragraph of 20,000 nested links and images',
    make: () => beforeContacts(basePlan(), '![a '.repeat(20_000) + 'x' + '](u)'.repeat(20_000) + '\n'),
  },
  'nested-emphasis-20000': {
    what: 'a paragraph of 20,000 nested emphasis markers',
    make: () => {
      const n = 20_000;
      const open = Array.from({ length: n }, (_, i) => (i % 2 ? '*a ' : '_a ')).join('');
      const close = Array.from({ length: n }, (_, i) => ((n - 1 - i) % 2 ? ' a*' : ' a_')).join('');
      return beforeContacts(basePlan(), open + 'x' + close + '\n');
    },
  },
  'merge-conflicts-20000': {
    what: '20,000 merge conflicts in the body, no blank lines',
    make: () => basePlan() + '\n' + '<<<<<<< ours\nx\n=======\ny\n>>>>>>> theirs\n'.repeat(20_000),
  },
  'placeholders-150000': {
    what: '150,000 placeholders (150,000 warnings to report)',
    make: () => beforeContacts(basePlan(), '{{x}} '.repeat(150_000) + '\n'),
  },
  'nul-in-middle': {
    what: 'a NUL byte in the middle of the plan',
    make: () => Buffer.from(beforeContacts(basePlan(), 'Note\u0000with a NUL\n'), 'utf8'),
  },
  'invalid-utf8-in-middle': {
    what: 'a Windows-1252 pound sign (0xA3) in the middle of the plan',
    make: () => {
      const plan = Buffer.from(beforeContacts(basePlan(), 'Petty cash: POUND50\n'), 'utf8');
      const at = plan.indexOf('POUND');
      return Buffer.concat([plan.subarray(0, at), Buffer.from([0xa3]), plan.subarray(at + 5)]);
    },
  },
};
