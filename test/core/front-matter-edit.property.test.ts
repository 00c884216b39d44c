// Property: front matter written any valid way YAML allows (block or flow mappings, nested flow, a
// '...' end marker, comments, anchors and aliases, CRLF, tabs after a colon, quoted keys, four-space
// indents) stays valid YAML holding the same data plus what `--fix --add-missing` inserted, or the
// fields are not added and a note says so. Each case yields to the event loop.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Scalar, stringify } from 'yaml';
import { addMissing, checkPlan, fixPlanText } from '../../core/index.js';
import { TODAY } from '../helpers/plans.js';
import { SEED, runs } from '../robustness/arbitraries.js';

const options = { today: TODAY };

const text = fc.oneof(
  fc.constantFrom('Riverside Surgery', 'a: b', 'x # y', "it's", '"quoted"', '{{phone}}', '- dash', '01632 960000', ''),
  fc.string({ maxLength: 12 }),
);
const scalar = fc.oneof(text, fc.integer({ min: 0, max: 99 }), fc.boolean());
const practice = fc.record({ name: text, ods_code: text, phone: scalar }, { requiredKeys: ['name'] });
const icb = fc.oneof(fc.record({ name: text, ods_code: text }, { requiredKeys: [] }), fc.constant({}));
const data = fc.record(
  {
    title: text,
    version: scalar,
    status: fc.constantFrom('draft', 'approved'),
    practice,
    icb,
    owner: fc.record({ name: text, role: text }, { requiredKeys: ['name'] }),
    eps_pharmacies: fc.array(fc.record({ name: text, phone: text }), { maxLength: 2 }),
    our_own_note: text,
  },
  { requiredKeys: [] },
);

type Style = 'block' | 'flow' | 'flow-lines' | 'nested-flow' | 'indent4' | 'quoted-keys';
interface Decor {
  comments: boolean;
  trailingComment: boolean;
  endMarker: boolean;
  crlf: boolean;
  tab: boolean;
  anchor: boolean;
}

function render(d: Record<string, unknown>, style: Style, decor: Decor): string {
  let yaml: string;
  switch (style) {
    case 'flow':
      yaml = stringify(d, { collectionStyle: 'flow', lineWidth: 0 });
      break;
    case 'flow-lines':
      yaml = `{${Object.entries(d)
        .map(([k, v]) => `${k}: ${stringify(v, { collectionStyle: 'flow', lineWidth: 0 }).trim()}`)
        .join(',\n  ')}}\n`;
      break;
    case 'nested-flow':
      yaml = Object.entries(d)
        .map(([k, v]) => `${k}: ${stringify(v, { collectionStyle: 'flow', lineWidth: 0 }).trim()}`)
        .join('\n');
      break;
    case 'indent4':
      yaml = stringify(d, { indent: 4, lineWidth: 0 });
      break;
    case 'quoted-keys':
      yaml = stringify(d, { defaultKeyType: Scalar.QUOTE_DOUBLE, lineWidth: 0 });
      break;
    default:
      yaml = stringify(d, { lineWidth: 0 });
  }
  let lines = yaml.trimEnd().split('\n');
  const block = style === 'block' || style === 'indent4' || style === 'quoted-keys';
  if (block && decor.anchor && typeof d.practice === 'object') {
    const i = lines.findIndex((l) => /^"?practice"?:$/.test(l));
    if (i >= 0) {
      lines[i] += ' &ours';
      lines.push('our_copy: *ours');
    }
  }
  if (block && decor.tab) lines = lines.map((l) => l.replace(/^(\w+):( )(?=[A-Za-z0-9])/, '$1:\t'));
  if (block && decor.trailingComment) lines = lines.map((l) => (/^\s*[\w"]+: \S/.test(l) ? `${l} # checked` : l));
  if (decor.comments) lines = lines.flatMap((l, i) => (i % 2 === 0 ? ['# the practice wrote this', l] : [l]));
  if (decor.endMarker) lines.push('...');
  const eol = decor.crlf ? '\r\n' : '\n';
  return `---${eol}${lines.join(eol)}${eol}---${eol}${eol}# Riverside Surgery: IT outage plan${eol}${eol}## Our notes${eol}${eol}Words.${eol}`;
}

const plan = fc
  .tuple(
    data,
    fc.constantFrom<Style>('block', 'flow', 'flow-lines', 'nested-flow', 'indent4', 'quoted-keys'),
    fc.record({
      comments: fc.boolean(),
      trailingComment: fc.boolean(),
      endMarker: fc.boolean(),
      crlf: fc.boolean(),
      tab: fc.boolean(),
      anchor: fc.boolean(),
    }),
  )
  .map(([d, style, decor]) => ({ d, style, decor, text: render(d, style, decor) }));

/** Every value the practice wrote is still there, unchanged (groups may have gained fields). */
function keeps(original: unknown, after: unknown, path = ''): void {
  if (original === null || typeof original !== 'object') {
    expect(after, path).toEqual(original);
    return;
  }
  expect(after !== null && typeof after === 'object', path).toBe(true);
  if (Array.isArray(original)) {
    expect(Array.isArray(after) && after.length === original.length, path).toBe(true);
    original.forEach((v, i) => keeps(v, (after as unknown[])[i], `${path}[${i}]`));
    return;
  }
  for (const [k, v] of Object.entries(original)) keeps(v, (after as Record<string, unknown>)[k], `${path}.${k}`);
}

describe('front matter written any valid way', () => {
  it('--fix --add-missing keeps it valid YAML with the same data plus what it inserted, or says why not', async () => {
    let added = 0;
    let declined = 0;
    const details = await fc.check(
      fc.asyncProperty(plan, async ({ text }) => {
        await new Promise((r) => setImmediate(r));
        const before = checkPlan(text, options).doc!.frontMatter;
        fc.pre(!!before && before.problems.length === 0);
        const r = addMissing(text, options);
        for (const e of r.edits) expect(e.end).toBe(e.start);
        const fixed = fixPlanText(r.text, options).text;
        for (const out of [r.text, fixed]) {
          const fm = checkPlan(out, options).doc!.frontMatter!;
          expect(fm.problems.map((p) => p.message)).toEqual([]);
          keeps(before!.data, fm.data);
        }
        const fields = r.inserted.filter((i) => i.kind === 'field');
        if (fields.length > 0) added++;
        else {
          declined++;
          expect(r.notes.join(' ')).toMatch(/front matter/);
        }
        expect(addMissing(r.text, options).text).toBe(r.text);
      }),
      { seed: SEED, numRuns: runs(60) },
    );
    if (details.failed) throw new Error(fc.defaultReportMessage(details) ?? 'front matter property failed');
    console.log(
      `[robustness] front matter any valid way: ${details.numRuns} cases, ${added} completed, ${declined} declined with a note, seed ${SEED}`,
    );
    expect(added).toBeGreaterThan(details.numRuns / 2);
  }, 300_000);
});
