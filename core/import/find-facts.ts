/**
 * What a practice's own document says about itself, for the front matter: the practice's name, ODS
 * code, address, postcode and phone, and the plan's dates (written as dates or in words). Each fact
 * is read from a labelled line or table row ("Date of next review: September 2027") or, for the
 * postcode and name, from the text itself. Nothing is guessed that is not written.
 */
import type { Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { looseDateToIso, MONTH_NAMES } from '../dates/loose-date.js';
import type { KnownValues } from '../fix/front-matter-skeleton.js';

export interface FoundFact {
  path: string;
  value: string;
  /** The words it was read from, for the migration report. */
  from: string;
}

const MONTHS = MONTH_NAMES.map((name) => name.toLowerCase());

/** A date as written: "01/06/2027", "1 June 2027", "June 2027" (the first of the month). */
export function readDate(text: string): string | undefined {
  const s = trimTrailing(text.trim(), '.,;').slice(0, 40);
  const direct = looseDateToIso(s);
  if (direct) return direct;
  const monthYear = /^([A-Za-z]{3,9})\.?,?\s+(\d{4})$/.exec(s);
  if (monthYear) {
    const m = MONTHS.findIndex((name) => name.startsWith(monthYear[1].toLowerCase()) && monthYear[1].length >= 3);
    if (m >= 0) return `${monthYear[2]}-${String(m + 1).padStart(2, '0')}-01`;
  }
  return undefined;
}

/** Labelled dates, most specific label first ("next review" before "review"). */
const DATE_LABELS: { path: string; label: RegExp }[] = [
  {
    path: 'next_review',
    label:
      /\b(?:date of next review|next review(?: date)?|review due(?: date)?|date for review|due for review|to be reviewed by)\b/i,
  },
  { path: 'last_tested', label: /\b(?:date (?:last )?tested|last tested|date of (?:last )?test|tested on)\b/i },
  { path: 'date_issued', label: /\b(?:date of issue|date issued|issue date|date published|published on|issued on)\b/i },
  {
    path: 'last_reviewed',
    label: /\b(?:date (?:last )?reviewed|last reviewed|date of review|reviewed on|review date)\b/i,
  },
];

const POSTCODE = /\b([A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][ABD-HJLNP-UW-Z]{2})\b/;
const ODS = /\b(?:ODS(?: code)?|practice code|organisation code|national code)\b[^A-Za-z0-9]{0,20}([A-Z][0-9]{5})\b/i;
const PHONE =
  /\b(?:tel|telephone|phone|reception|main number)\b[^0-9+]{0,20}((?:\+44\s?\(?0?\)?\s?|0)[0-9][0-9 ]{8,12}[0-9])/i;
// `\s*(?:sep\s*)?` rather than `\s*sep?\s*`: the same strings and the same capture, but a run of
// blanks can be split between the two only one way, so a long one cannot make it backtrack.
const NAME_LABEL = /\b(?:practice name|name of (?:the )?practice|surgery name)\b\s*(?:[:|\u2013-]\s*)?([^|\n]{3,80})/i;

/** A blank as `\s` means it (String.prototype.trim removes the same characters). */
function isBlank(ch: string | undefined): boolean {
  return ch !== undefined && ch !== '' && ch.trim() === '';
}

/** `text` without its trailing run of the characters in `chars` (and of blanks, with `blanks`). */
function trimTrailing(text: string, chars: string, blanks = false): string {
  let end = text.length;
  while (end > 0 && (chars.includes(text[end - 1]) || (blanks && isBlank(text[end - 1])))) end--;
  return text.slice(0, end);
}

/** `text` without its leading run of the characters in `chars` and of blanks. */
function trimLeading(text: string, chars: string): string {
  let start = 0;
  while (start < text.length && (chars.includes(text[start]) || isBlank(text[start]))) start++;
  return text.slice(start);
}

const isUpper = (ch: string | undefined) => ch !== undefined && ch >= 'A' && ch <= 'Z';
const isWordChar = (ch: string | undefined) => ch !== undefined && /^\w$/.test(ch);
const PRACTICE_ENDINGS = [
  'Surgery',
  'Medical Centre',
  'Medical Practice',
  'Health Centre',
  'Group Practice',
  'Family Practice',
  'Practice',
];

/** Words that may follow a practice's name in a title without making it part of a longer name. */
const PLAN_WORDS = new Set(
  'business continuity plan bcp disaster recovery it ict policy procedure procedures protocol contingency emergency incident service outage'.split(
    ' ',
  ),
);

/** Does a capitalised word other than a plan word follow `end` (after one blank)? */
function continuesName(text: string, end: number): boolean {
  let at = end;
  if (isBlank(text[at])) at++;
  if (!isUpper(text[at])) return false;
  let stop = at;
  while (stop < text.length && /^[A-Za-z]$/.test(text[stop])) stop++;
  return !PLAN_WORDS.has(text.slice(at, stop).toLowerCase());
}

/**
 * "Castle Street Surgery": one to four capitalised words, each followed by one blank, then a practice
 * word, whole words only. What /\b((?:[A-Z][A-Za-z'&.-]*\s){1,4}(?:Surgery|...|Practice))\b/ finds
 * (the leftmost, with as many words as fit), by a scan: the regular expression rescans a word run
 * from every capital in "A-A-A-A...", quadratic on a long line.
 */
export function namedPractice(text: string): string | undefined {
  const n = text.length;
  // runEnd[i]: where the run of [A-Za-z'&.-] starting at i ends (computed once, right to left).
  const runEnd = new Int32Array(n + 1);
  runEnd[n] = n;
  for (let i = n - 1; i >= 0; i--) runEnd[i] = /^[A-Za-z'&.-]$/.test(text[i]) ? runEnd[i + 1] : i;
  for (let start = 0; start < n; start++) {
    if (!isUpper(text[start]) || isWordChar(text[start - 1])) continue;
    // Where each of up to four words (capital, run, one blank) ends.
    const ends: number[] = [];
    let at = start;
    while (ends.length < 4 && isUpper(text[at])) {
      const wordEnd = runEnd[at + 1];
      if (!isBlank(text[wordEnd])) break;
      at = wordEnd + 1;
      ends.push(at);
    }
    // As many words as fit first, then fewer, as the greedy {1,4} backtracks.
    for (let k = ends.length; k >= 1; k--) {
      const from = ends[k - 1];
      const ending = PRACTICE_ENDINGS.find((e) => text.startsWith(e, from) && !isWordChar(text[from + e.length]));
      if (!ending) continue;
      const end = from + ending.length;
      // Inside a longer name ("First Practice Management Ltd", "Practice Plus Group"): another
      // organisation's, not a practice's. A plan's own words may follow ("... Surgery Business
      // Continuity Plan").
      if (continuesName(text, end)) break;
      return text.slice(start, end);
    }
  }
  return undefined;
}

/** One line of text per paragraph, list item or table row (cells joined by ' | '). */
function textLines(tree: Root): string[] {
  const out: string[] = [];
  const walk = (node: RootContent) => {
    if (out.length > 20000) return;
    if (node.type === 'table') {
      for (const row of node.children) out.push(row.children.map((c) => toString(c).trim()).join(' | '));
      return;
    }
    if (node.type === 'list') {
      for (const item of node.children) for (const child of item.children) walk(child as RootContent);
      return;
    }
    if (node.type === 'blockquote') {
      for (const child of node.children) walk(child as RootContent);
      return;
    }
    if (node.type === 'yaml' || node.type === 'code' || node.type === 'html') return;
    for (const line of toString(node).split(/\n/)) if (line.trim()) out.push(line.trim());
  };
  for (const node of tree.children) walk(node);
  return out;
}

/**
 * The facts the document states, with its lines of text (where practice-name.ts looks for the
 * practice's name among other places; the name found is added with `withPracticeName`).
 */
export function findFacts(tree: Root): { facts: FoundFact[]; lines: string[] } {
  const lines = textLines(tree);
  const found = new Map<string, FoundFact>();
  const set = (path: string, value: string | undefined, from: string) => {
    const v = value?.trim();
    if (v && !found.has(path)) found.set(path, { path, value: v, from: from.slice(0, 120) });
  };
  for (const line of lines.slice(0, 5000)) {
    for (const { path, label } of DATE_LABELS) {
      const m = label.exec(line);
      if (!m) continue;
      const after = line.slice(m.index + m[0].length).replace(/^\s*[:|\u2013\u2014-]?\s*/, '');
      const value = after.split('|')[0];
      set(path, readDate(value), line);
      break; // one label per line: "Date of next review" is not also "Date of review"
    }
    const ods = ODS.exec(line);
    if (ods) set('practice.ods_code', ods[1].toUpperCase(), line);
    const phone = PHONE.exec(line);
    if (phone) set('practice.phone', phone[1].replace(/\s+/g, ' ').trim(), line);
    const label = NAME_LABEL.exec(line);
    // The capture holds no '|'; a name holds no comma (what follows one is its address).
    if (label) set('practice.name', label[1].split(/[,;]/)[0], line);
    const pc = POSTCODE.exec(line);
    if (pc && !found.has('practice.postcode')) {
      const postcode = pc[1].includes(' ') ? pc[1] : `${pc[1].slice(0, -3)} ${pc[1].slice(-3)}`;
      set('practice.postcode', postcode, line);
      // The address is what leads up to the postcode, after any other fact on the line ("Practice
      // code: M85042. Elm Park Surgery, 3 Station Road, Hexley HX1 2AB") and after "Address:".
      let from = 0;
      for (const m of [ods, phone, label]) {
        const end = m ? m.index + m[0].length : -1;
        if (end <= pc.index && end > from) from = end;
      }
      let before = line.slice(from, pc.index).replace(/^.*\b(?:address|located at)\b\s*[:|-]?\s*/i, '');
      before = trimLeading(trimTrailing(before, ',|', true), '.,;:|-');
      if (before.length >= 5 && /\p{L}/u.test(before)) set('practice.address', before, line);
    }
  }
  return { facts: [...found.values()], lines };
}

/** The facts with the practice's name (if found), and the address without the name in front of it. */
export function withPracticeName(facts: FoundFact[], name: { value: string; from: string } | undefined): FoundFact[] {
  const out = facts.map((f) => ({ ...f }));
  if (name && !out.some((f) => f.path === 'practice.name'))
    out.push({ path: 'practice.name', value: name.value, from: name.from.slice(0, 120) });
  // "Castle Street Surgery, 1 Castle Street, Maidstone": the address without the name in front.
  const practice = out.find((f) => f.path === 'practice.name')?.value;
  const address = out.find((f) => f.path === 'practice.address');
  if (practice && address && address.value.toLowerCase().startsWith(practice.toLowerCase())) {
    const rest = address.value.slice(practice.length).replace(/^[\s,]+/, '');
    if (rest.length >= 5) address.value = rest;
  }
  return out;
}

export function knownFrom(facts: FoundFact[]): KnownValues {
  const known: KnownValues = {};
  for (const f of facts) known[f.path] = f.value;
  return known;
}
