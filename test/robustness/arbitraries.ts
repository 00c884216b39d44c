// Generators and invariants for the property-based robustness tests (fast-check).
//
// Two sources of plans: mutations of the real shipped plans (lines deleted, duplicated and swapped,
// unicode and markdown fragments inserted, CRLF, BOM, tabs, stray pipes and `---`, headings,
// truncation, dates rewritten the British way so the safe fixes have work to do), and plans generated
// from a small grammar of what plans contain (front matter, known and unknown sections, steps with
// roles, tables with phone numbers, dates and durations, code, comments, quotes).
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { Diagnostic, Position, TextEdit } from '../../core/diagnostic.js';
import { buildCatalogue, type SectionDef } from '../../core/schema/catalogue.js';
import { loadPlanSchema } from '../../core/schema/load-schema.js';
import { ROOT } from '../helpers/plans.js';

/** Fixed so a failure is reproducible; override with FC_SEED=n to explore further. */
export const SEED = Number(process.env.FC_SEED ?? 20261122);
/** Scale every property's run count (FC_RUNS_SCALE=10 for a long soak). */
const SCALE = Number(process.env.FC_RUNS_SCALE ?? 1);
export function runs(n: number): number {
  return Math.max(1, Math.round(n * SCALE));
}

export const SHIPPED_PLANS: { name: string; text: string }[] = readdirSync(join(ROOT, 'plans'))
  .filter((f) => f.endsWith('.md'))
  .sort()
  .map((name) => ({ name, text: readFileSync(join(ROOT, 'plans', name), 'utf8') }));

const catalogue = buildCatalogue([loadPlanSchema()]);
const allSections: SectionDef[] = catalogue.sections.flatMap((s) => [s, ...s.subsections]);
const SECTION_TITLES = [...new Set(allSections.flatMap((s) => [s.title, ...s.aliases]))];
const SECTION_IDS = allSections.map((s) => s.id);
const COLUMN_TITLES = [
  ...new Set(allSections.flatMap((s) => s.tables.flatMap((t) => t.columns.flatMap((c) => [c.title, ...c.aliases])))),
];

/** Fragments that mean something to markdown, YAML, git or the rules, and awkward characters. */
export const TOKENS = [
  '{{phone}}',
  '{{',
  '}}',
  '{{}}',
  '<!-- lint disable placeholder -->',
  '<!-- lint enable -->',
  '<!-- lint ignore -->',
  '<!--',
  '-->',
  '<<<<<<< HEAD',
  '=======',
  '>>>>>>> branch',
  '|||||||',
  '```',
  '~~~',
  '> ',
  '- ',
  '* ',
  '1. ',
  '10) ',
  '**Reception:** ',
  'Duty GP: ',
  '**',
  '*',
  '_',
  '`',
  '[',
  ']',
  '(',
  ')',
  '![',
  '](x)',
  '|',
  '| --- |',
  '\\',
  '&amp;',
  '&#0;',
  '<div>',
  '</div>',
  '<script>',
  '<br>',
  '\t',
  '\r',
  '\n',
  '\r\n',
  '\n\n',
  '\u2028',
  '\u00a0',
  '\u200b',
  '\u202e',
  '\ufeff',
  '\uffff',
  '\ud800',
  '\udc00',
  '\u0000',
  '\u001b[2J',
  '😀',
  '👩🏽‍⚕️',
  'e\u0301',
  'Ñoño',
  'ß',
  'İ',
  '943 476 5919',
  '9434765919',
  '020 7946 0123',
  '+44 (0)20 7946 0123',
  '07700 900123',
  '01/02/2026',
  '31/02/2026',
  '1st March 2026',
  '2026-13-45',
  '2026-02-29',
  '4 hours',
  'PT4H',
  'immediately',
  '{#telephony}',
  '{#contacts}',
  '{#no-such-id}',
  '---',
  '...',
  '#',
  '## ',
  '### ',
  '#### ',
  'Setext\n===',
  ': ',
  '- - - -',
  '    code',
  '[x]: http://a',
  '<http://a>',
  'key: value',
  '&anchor',
  '*alias',
  '!!binary',
  '? ',
  '%YAML 1.2',
];

const WORDS = [
  'the',
  'Reception',
  'duty',
  'GP',
  'phone',
  'call',
  'EMIS',
  'divert',
  'paper',
  'patients',
  'ICB',
  'pharmacy',
  'log',
  'outage',
  'hours',
];

const ROLES = ['Reception', 'Duty GP', 'Incident lead', 'Practice manager', 'Anyone', 'Nurse', 'IT lead', 'Admin team'];

const ENUM_VALUES = [
  'approved',
  'draft',
  'superseded',
  'live-paper-switch',
  'table-top',
  'cloud-voip',
  'analogue',
  'EMIS Web',
  'TPP SystmOne',
  'Vision',
  'standards-met',
  'OFFICIAL-SENSITIVE',
  'OFFICIAL',
];

// ---------------------------------------------------------------------------------------------
// Mutations of a text

export type Mutation =
  | { kind: 'delete-line'; at: number }
  | { kind: 'duplicate-line'; at: number }
  | { kind: 'swap-lines'; a: number; b: number }
  | { kind: 'insert-text'; at: number; text: string }
  | { kind: 'insert-line'; at: number; text: string }
  | { kind: 'replace-char'; at: number; text: string }
  | { kind: 'crlf' }
  | { kind: 'lf' }
  | { kind: 'bom' }
  | { kind: 'tab-indent'; at: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'uk-date'; at: number; style: number }
  | { kind: 'enum-case'; at: number; upper: boolean }
  | { kind: 'stray-pipe'; at: number; end: boolean };

const fragment = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...TOKENS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom(...TOKENS), { maxLength: 5 }).map((a) => a.join('')) },
);

const lineText = fc.oneof(
  fc.constantFrom(...SECTION_TITLES).map((t) => `## ${t}`),
  fc.constantFrom(...SECTION_TITLES).map((t) => `### ${t}`),
  fc.constantFrom(...SECTION_IDS).map((id) => `## Something else {#${id}}`),
  fc.constant('---'),
  fc.constant('# Title'),
  fc
    .array(fc.oneof(fc.constantFrom(...COLUMN_TITLES), fragment), { minLength: 1, maxLength: 5 })
    .map((cells) => `| ${cells.join(' | ')} |`),
  fc.integer({ min: 1, max: 6 }).map((n) => `|${' --- |'.repeat(n)}`),
  fc.tuple(fc.constantFrom(...ROLES), fragment).map(([r, t]) => `1. **${r}:** ${t}`),
  fragment.map((t) => `- ${t}`),
  fragment.map((t) => `> ${t}`),
  fragment,
);

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap-lines' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('insert-text' as const), at: fc.nat(), text: fragment }),
  fc.record({ kind: fc.constant('insert-line' as const), at: fc.nat(), text: lineText }),
  fc.record({ kind: fc.constant('replace-char' as const), at: fc.nat(), text: fragment }),
  fc.constant({ kind: 'crlf' as const }),
  fc.constant({ kind: 'lf' as const }),
  fc.constant({ kind: 'bom' as const }),
  fc.record({ kind: fc.constant('tab-indent' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('uk-date' as const), at: fc.nat(), style: fc.nat(4) }),
  fc.record({ kind: fc.constant('enum-case' as const), at: fc.nat(), upper: fc.boolean() }),
  fc.record({ kind: fc.constant('stray-pipe' as const), at: fc.nat(), end: fc.boolean() }),
);

/** Lines with their line endings, so joining them gives the text back exactly. */
function linesOf(text: string): string[] {
  return text.split(/(?<=\n)/);
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export function applyMutation(text: string, m: Mutation): string {
  const lines = linesOf(text);
  const n = lines.length;
  const line = (k: number) => k % Math.max(1, n);
  switch (m.kind) {
    case 'delete-line':
      lines.splice(line(m.at), 1);
      return lines.join('');
    case 'duplicate-line':
      lines.splice(line(m.at), 0, lines[line(m.at)] ?? '');
      return lines.join('');
    case 'swap-lines': {
      const a = line(m.a);
      const b = line(m.b);
      [lines[a], lines[b]] = [lines[b], lines[a]];
      return lines.join('');
    }
    case 'insert-text': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case 'insert-line': {
      const eol = text.includes('\r\n') ? '\r\n' : '\n';
      lines.splice(m.at % (n + 1), 0, m.text + eol);
      return lines.join('');
    }
    case 'replace-char': {
      if (text.length === 0) return m.text;
      const at = m.at % text.length;
      return text.slice(0, at) + m.text + text.slice(at + 1);
    }
    case 'crlf':
      return text.replace(/\r?\n/g, '\r\n');
    case 'lf':
      return text.replace(/\r\n/g, '\n');
    case 'bom':
      return '\ufeff' + text;
    case 'tab-indent': {
      const k = line(m.at);
      if (lines[k] === undefined) return text;
      lines[k] = /^ +/.test(lines[k]) ? lines[k].replace(/^ +/, '\t') : '\t' + lines[k];
      return lines.join('');
    }
    case 'truncate':
      return text.slice(0, m.at % (text.length + 1));
    case 'uk-date': {
      const dates = [...text.matchAll(/\b(\d{4})-(\d{2})-(\d{2})\b/g)];
      if (dates.length === 0) return text;
      const d = dates[m.at % dates.length];
      const [y, mo, day] = [d[1], d[2], d[3]];
      const styles = [
        `${day}/${mo}/${y}`,
        `${+day}/${+mo}/${y}`,
        `${+day} ${MONTHS[+mo - 1] ?? 'Smarch'} ${y}`,
        `${+day}th ${(MONTHS[+mo - 1] ?? 'Smarch').slice(0, 3)} ${y}`,
        `${y}/${mo}/${day}`,
      ];
      return text.slice(0, d.index) + styles[m.style % styles.length] + text.slice(d.index! + d[0].length);
    }
    case 'enum-case': {
      const found: { index: number; value: string }[] = [];
      for (const v of ENUM_VALUES)
        for (const x of text.matchAll(new RegExp(`(?<=: ?)${v.replace(/[-]/g, '\\-')}(?=\\s|$)`, 'g')))
          found.push({ index: x.index!, value: v });
      if (found.length === 0) return text;
      const f = found[m.at % found.length];
      const changed = m.upper
        ? f.value.toUpperCase()
        : f.value.charAt(0).toUpperCase() + f.value.slice(1).toLowerCase();
      return text.slice(0, f.index) + changed + text.slice(f.index + f.value.length);
    }
    case 'stray-pipe': {
      const k = line(m.at);
      if (lines[k] === undefined) return text;
      const body = lines[k].replace(/\r?\n$/, '');
      lines[k] = (m.end ? body + ' |' : '| ' + body) + lines[k].slice(body.length);
      return lines.join('');
    }
  }
}

/** A shipped plan with 1 to 6 mutations applied. */
export const mutatedPlan: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...SHIPPED_PLANS.map((p) => p.text)), fc.array(mutation, { minLength: 1, maxLength: 6 }))
  .map(([text, ms]) => ms.reduce(applyMutation, text));

// ---------------------------------------------------------------------------------------------
// Plans from a grammar

const word = fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...WORDS) }, { weight: 1, arbitrary: fragment });
const sentence = fc.array(word, { minLength: 1, maxLength: 10 }).map((w) => w.join(' '));
const isoDate = fc
  .date({ min: new Date('2018-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const ukDate = isoDate.map((d) => `${d.slice(8)}/${d.slice(5, 7)}/${d.slice(0, 4)}`);
const phone = fc.oneof(
  fc.constantFrom(
    '020 7946 0123',
    '01632 960200',
    '07700 900231',
    '+44 (0)20 7946 0123',
    '0800 123 4567',
    '111',
    '020 7946 012',
    '+1 555 0100',
  ),
  fc.stringMatching(/^0[0-9 ]{9,12}$/),
);
const duration = fc.constantFrom(
  '4 hours',
  '1 day',
  '30 minutes',
  '2 weeks',
  'PT4H',
  'immediately',
  'soon',
  '48h',
  'half a day',
);
const cell = fc.oneof(
  word,
  sentence,
  phone,
  isoDate,
  ukDate,
  duration,
  fc.constant(''),
  fc.constant('{{Phone}}'),
  fc.constantFrom(...ROLES),
);

const step = fc
  .tuple(fc.option(fc.constantFrom(...ROLES)), fc.boolean(), sentence)
  .map(([role, bold, text]) => (role ? (bold ? `**${role}:** ${text}` : `${role}: ${text}`) : text));

const block: fc.Arbitrary<string> = fc.oneof(
  sentence,
  fc.array(step, { minLength: 1, maxLength: 8 }).map((s) => s.map((x, i) => `${i + 1}. ${x}`).join('\n')),
  fc.array(sentence, { minLength: 1, maxLength: 6 }).map((s) => s.map((x) => `- ${x}`).join('\n')),
  fc
    .tuple(
      fc.array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...COLUMN_TITLES) }, { weight: 1, arbitrary: word }), {
        minLength: 1,
        maxLength: 7,
      }),
      fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 8 }),
    )
    .map(([head, rows]) =>
      [`| ${head.join(' | ')} |`, `|${' --- |'.repeat(head.length)}`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join(
        '\n',
      ),
    ),
  fc
    .tuple(fc.constantFrom('```', '~~~', '````'), sentence, fc.boolean())
    .map(([f, t, closed]) => `${f}\n${t}\n${closed ? f : ''}`),
  sentence.map((t) => `<!-- ${t} -->`),
  sentence.map((t) => `> ${t}\n> ${t}`),
  fc.array(sentence, { minLength: 1, maxLength: 4 }).map((s) => s.map((x, i) => `${'  '.repeat(i)}- ${x}`).join('\n')),
  fc
    .tuple(fc.constantFrom(...SECTION_TITLES), fc.array(step, { maxLength: 3 }))
    .map(([t, s]) => [`### ${t}`, '', ...s.map((x, i) => `${i + 1}. ${x}`)].join('\n')),
);

const fmValue: fc.Arbitrary<unknown> = fc.oneof(
  isoDate,
  ukDate,
  phone,
  sentence,
  fc.constantFrom(...ENUM_VALUES),
  fc.boolean(),
  fc.integer(),
  fc.constant(null),
);
const FM_KEYS = [
  'schema_version',
  'title',
  'classification',
  'version',
  'status',
  'date_issued',
  'last_reviewed',
  'next_review',
  'last_tested',
  'last_test_type',
  'contacts_last_verified',
  'contacts_last_printed',
  'online_consultation_tool',
  'unknown_field',
];
const frontMatter = fc.oneof(
  { weight: 1, arbitrary: fc.constant('') },
  {
    weight: 4,
    arbitrary: fc
      .tuple(
        fc.dictionary(fc.constantFrom(...FM_KEYS), fmValue, { maxKeys: 10 }),
        fc.record({ name: sentence, ods_code: fc.constantFrom('G82999', 'Y05123', 'bad', '') }),
        fc.record({
          provider: sentence,
          type: fc.constantFrom('cloud-voip', 'analogue', 'Cloud-VOIP'),
          divert_numbers: fc.array(phone, { maxLength: 3 }),
          divert_tested: fc.oneof(isoDate, ukDate),
        }),
      )
      .map(
        ([fields, practice, telephony]) =>
          `---\n${stringify({ ...fields, practice, telephony }, { lineWidth: 0 })}---\n`,
      ),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }).map((s) => `---\n${s}\n---\n`) },
  { weight: 1, arbitrary: sentence.map((s) => `---\ntitle: ${s}\n`) },
);

const section = fc.tuple(
  fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...SECTION_TITLES) }, { weight: 1, arbitrary: sentence }),
  fc.array(block, { maxLength: 5 }),
);

/** A plan made from the grammar, with LF or CRLF line endings and maybe a BOM. */
export const generatedPlan: fc.Arbitrary<string> = fc
  .tuple(frontMatter, fc.option(sentence), fc.array(section, { maxLength: 8 }), fc.boolean(), fc.boolean())
  .map(([fm, title, sections, crlf, bom]) => {
    const body = sections.map(([h, blocks]) => [`## ${h}`, ...blocks].join('\n\n')).join('\n\n');
    const text = `${fm}${title ? `# ${title}\n\n` : ''}${body}\n`;
    return (bom ? '\ufeff' : '') + (crlf ? text.replace(/\n/g, '\r\n') : text);
  });

/** Any text at all. */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.array(fc.constantFrom(...TOKENS), { maxLength: 60 }).map((t) => t.join('')),
  fc
    .array(fc.oneof(fc.constantFrom(...TOKENS), fc.string({ unit: 'grapheme', maxLength: 5 })), { maxLength: 60 })
    .map((t) => t.join('')),
);

/** Bytes: encoded plans with byte-level damage, BOMs of both kinds, and random bytes. */
export const planBytes: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc
    .tuple(
      mutatedPlan,
      fc.array(fc.tuple(fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 4 })), { maxLength: 3 }),
      fc.constantFrom('', 'utf8-bom', 'utf16le-bom', 'utf16be-bom'),
    )
    .map(([text, damage, bom]) => {
      let bytes = Buffer.from(text, 'utf8');
      for (const [at, insert] of damage) {
        const i = at % (bytes.length + 1);
        bytes = Buffer.concat([bytes.subarray(0, i), insert, bytes.subarray(i)]);
      }
      const prefix =
        bom === 'utf8-bom'
          ? [0xef, 0xbb, 0xbf]
          : bom === 'utf16le-bom'
            ? [0xff, 0xfe]
            : bom === 'utf16be-bom'
              ? [0xfe, 0xff]
              : [];
      return new Uint8Array(Buffer.concat([Buffer.from(prefix), bytes]));
    }),
  fc.uint8Array({ maxLength: 3000 }),
  generatedPlan.map((t) => new Uint8Array(Buffer.from(t, 'utf8'))),
);

// ---------------------------------------------------------------------------------------------
// Invariants

/** Line and column of an offset, worked out independently of LineIndex (LF ends a line; CR is a character). */
function expectedPosition(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - (before.lastIndexOf('\n') + 1) + 1;
  return { line, column };
}

/** What is wrong with a diagnostic's range in this text (nothing: an empty list). */
export function rangeProblems(text: string | undefined, d: Diagnostic): string[] {
  const problems: string[] = [];
  const length = text?.length ?? 0;
  const check = (name: string, p: Position) => {
    if (!Number.isInteger(p.offset) || p.offset < 0 || p.offset > length)
      problems.push(`${name} offset ${p.offset} outside 0..${length}`);
    const want =
      text === undefined ? { line: 1, column: 1 } : expectedPosition(text, Math.min(Math.max(p.offset, 0), length));
    if (p.line !== want.line || p.column !== want.column)
      problems.push(`${name} ${p.line}:${p.column} but offset ${p.offset} is ${want.line}:${want.column}`);
  };
  check('start', d.range.start);
  check('end', d.range.end);
  if (d.range.start.offset > d.range.end.offset)
    problems.push(`start ${d.range.start.offset} after end ${d.range.end.offset}`);
  return problems.map((p) => `${d.ruleId} (${d.message.slice(0, 60)}...): ${p}`);
}

/** Is an offset between the halves of a surrogate pair or between CR and LF? */
function splitsCharacter(text: string, at: number): boolean {
  if (at <= 0 || at >= text.length) return false;
  const before = text.charCodeAt(at - 1);
  const after = text.charCodeAt(at);
  const pair = before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
  return pair || (before === 13 && after === 10);
}

/**
 * What is wrong with a fix's edits: outside the text, overlapping each other, cutting a character in
 * two, or deleting what the user wrote. A fix may insert text, or replace one value (a date, a
 * misspelt allowed value) inside the range of its diagnostic with another value on the same line.
 */
export function fixProblems(text: string, d: Diagnostic): string[] {
  if (!d.fix) return [];
  const problems: string[] = [];
  const sorted = [...d.fix.edits].sort((a, b) => a.start - b.start || a.end - b.end);
  sorted.forEach((e: TextEdit, i) => {
    if (
      !Number.isInteger(e.start) ||
      !Number.isInteger(e.end) ||
      e.start < 0 ||
      e.end > text.length ||
      e.start > e.end
    ) {
      problems.push(`edit ${e.start}-${e.end} outside 0..${text.length}`);
      return;
    }
    const next = sorted[i + 1];
    if (next && (next.start < e.end || (next.start === e.start && next.end === e.end)))
      problems.push(`edits ${e.start}-${e.end} and ${next.start}-${next.end} overlap`);
    if (splitsCharacter(text, e.start) || splitsCharacter(text, e.end))
      problems.push(`edit ${e.start}-${e.end} cuts a character or a CRLF in two`);
    if (e.end > e.start) {
      const old = text.slice(e.start, e.end);
      if (/[\r\n]/.test(old))
        problems.push(`edit ${e.start}-${e.end} deletes a line ending (${JSON.stringify(old.slice(0, 40))})`);
      if (e.text === '' || /[\r\n]/.test(e.text))
        problems.push(
          `edit ${e.start}-${e.end} replaces ${JSON.stringify(old)} with ${JSON.stringify(e.text)}, not a value`,
        );
      if (e.start < d.range.start.offset || e.end > d.range.end.offset)
        problems.push(
          `edit ${e.start}-${e.end} replaces text outside its diagnostic's range ${d.range.start.offset}-${d.range.end.offset}`,
        );
    }
  });
  return problems.map((p) => `${d.ruleId} fix '${d.fix!.title}': ${p}`);
}

// ---------------------------------------------------------------------------------------------
// Reporting how many cases ran

export interface PropertyRun {
  property: string;
  runs: number;
  seed: number;
  ms: number;
}

export const propertyRuns: PropertyRun[] = [];

/**
 * Run a property with the fixed seed; fail with fast-check's report (seed, path, counterexample).
 * Each case (and each shrinking step) first yields to the event loop: hundreds of synchronous cases in
 * a row held the test worker's thread for over a minute on a busy machine, and vitest then failed the
 * run ("Timeout calling onTaskUpdate") though every test passed. A slow machine makes it slower, never red.
 */
export async function checkProperty<T>(
  name: string,
  arb: fc.Arbitrary<T>,
  predicate: (value: T) => void,
  numRuns: number,
): Promise<PropertyRun> {
  const started = performance.now();
  const details = await fc.check(
    fc.asyncProperty(arb, async (v) => {
      await new Promise((resolve) => setImmediate(resolve));
      predicate(v);
    }),
    { seed: SEED, numRuns: runs(numRuns), includeErrorInReport: true },
  );
  const run = { property: name, runs: details.numRuns, seed: SEED, ms: Math.round(performance.now() - started) };
  propertyRuns.push(run);
  // The figure for the test report: one line per property.
  console.log(`[robustness] ${name}: ${details.numRuns} cases, seed ${SEED}, ${run.ms} ms`);
  if (details.failed) throw new Error(fc.defaultReportMessage(details) ?? `property ${name} failed`);
  return run;
}
