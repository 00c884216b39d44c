/**
 * The practice's name, found where documents put it, most trusted first: a labelled line ("Practice
 * name: ..."), the cover's lines and the title, a web page's title, a Word file's page headers and
 * footers and its properties, and only then a name in the text. The name is printed on page 1, the cover, every card and form and
 * in the drafted patient messages, so a wrong one is worse than none: a name is never made from the
 * tool's own words or the plan's type ("Business Continuity Plan", "IT outage"), never taken from
 * inside another organisation's name ("First Practice Management Ltd", a template's vendor), and
 * when none is found the report says so.
 *
 * Names are recognised by what they are, not by a list: a practice word (Surgery, Practice, Medical
 * Centre, Health, Partners...) anywhere in a short line, including names that begin with "The" ("The
 * Practice of Health"); or, on a prominent cover line or in a title, a short capitalised name with no
 * practice word at all ("Hexley Health", "The Elms") once the plan's type is taken off it.
 */
import { namedPractice } from './find-facts.js';

export type NameSource = 'label' | 'cover' | 'page title' | 'page header' | 'properties' | 'text';

export interface PracticeName {
  value: string;
  /** The words it was read from. */
  from: string;
  where: NameSource;
}

export interface NameSources {
  /** "Practice name: ..." in the document. */
  labelled?: { value: string; from: string };
  /** The cover's lines in order, with whether each was written to stand out (a heading, bold, capitals). */
  cover: { text: string; prominent: boolean }[];
  /** A web page's <title>. */
  pageTitle?: string;
  /** A Word document's page headers and footers. */
  margins?: string[];
  /** A Word file's title and company properties. */
  properties?: { title?: string; company?: string };
  /** The document's first lines of text. */
  text: string[];
}

/** Words that make a line an organisation's name. */
const PRACTICE_WORDS =
  /\b(?:surgery|surgeries|practice|medical|health|healthcare|centre|center|clinic|partners|partnership)\b/i;
/** Words that say what a document is, or a line of its cover other than the name. */
const DOCUMENT_WORDS = new Set(
  (
    'plan plans policy policies procedure procedures protocol protocols continuity recovery disaster contingency ' +
    'emergency outage outages incident incidents risk assessment version draft template contents appendix section ' +
    'review reviewed date owner author page document control introduction purpose scope contact contacts home ' +
    'about news arrangements guidance management solutions systems software services service limited ltd plc llp ' +
    'bcp drp it ict telephony telephone failure business confidential official sensitive code name address tel ' +
    'phone email ods number'
  ).split(' '),
);
/** The plan's type and filler, taken off either end of a line before what is left is read as a name. */
const TRIM_WORDS = new Set([...DOCUMENT_WORDS, ...'and & for of the a to our this v'.split(' ')]);
/** Small print: a vendor's or a web designer's name is never the practice's. */
const SMALL_PRINT =
  /©|\(c\)|\bcopyright\b|\b(?:ltd|limited|plc|llp)\b|\btemplate\b|\b(?:supplied|provided|produced|designed|powered|written|prepared|website)\s+by\b|www\.|https?:/i;
/** Separators between a name and the plan's type in a title ("Hexley Health - Business Continuity Plan"). */
const SEPARATOR = /[|\u2013\u2014:\u00b7\u2022]|\s-\s/;
/** Words a name may have in lower case between its capitalised ones. */
const CONNECTORS = new Set(['of', 'the', 'and', '&', 'on', 'upon', 'in', 'at', 'de', 'le']);

function words(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}

const isWordChar = (ch: string) => ch === '&' || /[\p{L}\p{N}]/u.test(ch);

/** The word without the punctuation around it, in lower case (a scan: /[^...]+$/ retries from every mark). */
function bare(w: string): string {
  let a = 0;
  let b = w.length;
  while (a < b && !isWordChar(w[a])) a++;
  while (b > a && !isWordChar(w[b - 1])) b--;
  return w.slice(a, b).toLowerCase();
}

/** The segment with the plan's type, years, versions and filler taken off both ends. */
function trimmed(segment: string): string {
  const ws = words(segment);
  const drop = (w: string) =>
    TRIM_WORDS.has(bare(w)) || /^(?:v?\d[\d.]*|\(?(?:bcp|drp)\)?)$/i.test(w) || bare(w) === '';
  let a = 0;
  let b = ws.length;
  while (a < b && drop(ws[a])) a++;
  while (b > a && drop(ws[b - 1])) b--;
  // "The" may begin a name ("The Practice of Health"): put it back when the name starts after it.
  if (a > 0 && bare(ws[a - 1]) === 'the' && b > a) a--;
  const name = ws.slice(a, b).join(' ');
  let end = name.length;
  while (end > 0 && '.,;'.includes(name[end - 1])) end--;
  return name.slice(0, end);
}

/**
 * A short name, its words capitalised but for little joining words: "Hexley Health", "Dr Okafor &
 * Partners", "The Practice of Health"; with a practice word in it, or (`plain`) without one.
 */
function looksLikeName(candidate: string, plain: boolean): boolean {
  const ws = words(candidate);
  if (ws.length === 0 || ws.length > 8 || !/^\p{Lu}/u.test(candidate)) return false;
  if (!ws.every((w) => /^\p{Lu}/u.test(w) || CONNECTORS.has(w))) return false;
  if (ws.some((w) => /\d/.test(w))) return false; // a code, a date or a version, not a name
  if (ws.some((w) => DOCUMENT_WORDS.has(bare(w)))) return false;
  // "Practice" or "The Surgery" alone is how a plan refers to itself, not a name.
  const named = bare(ws[0]) === 'the' ? ws.length - 1 : ws.length;
  if (named < 2 && PRACTICE_WORDS.test(candidate)) return false;
  return PRACTICE_WORDS.test(candidate) || (plain && ws.length <= 5);
}

/** The name in one line, if the line is (or leads with) one. */
export function nameInLine(line: string, plain: boolean): string | undefined {
  if (!line || line.length > 200 || SMALL_PRINT.test(line)) return undefined;
  for (const segment of line.split(SEPARATOR)) {
    const candidate = trimmed(segment.trim());
    if (looksLikeName(candidate, plain)) return candidate;
  }
  return undefined;
}

/** A name in capitals ("HEXLEY HEALTH") as another source writes it, if one does. */
function writtenCase(name: string, others: (string | undefined)[]): string {
  if (/\p{Ll}/u.test(name)) return name;
  const lower = name.toLowerCase();
  for (const o of others) {
    const at = o?.toLowerCase().indexOf(lower) ?? -1;
    if (o && at >= 0) return o.slice(at, at + name.length);
  }
  return name;
}

export function findPracticeName(s: NameSources): PracticeName | undefined {
  if (s.labelled) return { ...s.labelled, where: 'label' };
  const others = [s.pageTitle, s.properties?.title, s.properties?.company, ...s.text.slice(0, 50)];
  const found = (value: string, from: string, where: NameSource): PracticeName => ({
    value: writtenCase(value, others),
    from,
    where,
  });
  // The cover: a line with a practice word first, then a prominent line that is a name on its own.
  for (const l of s.cover) {
    const name = nameInLine(l.text, false);
    if (name) return found(name, l.text, 'cover');
  }
  for (const l of s.cover) {
    const name = l.prominent ? nameInLine(l.text, true) : undefined;
    if (name) return found(name, l.text, 'cover');
  }
  if (s.pageTitle) {
    const name = nameInLine(s.pageTitle, true);
    if (name) return found(name, s.pageTitle, 'page title');
  }
  for (const line of s.margins ?? []) {
    const name = nameInLine(line, false);
    if (name) return found(name, line, 'page header');
  }
  const { title, company } = s.properties ?? {};
  const fromTitle = title ? nameInLine(title, true) : undefined;
  if (fromTitle) return found(fromTitle, title!, 'properties');
  const fromCompany = company ? nameInLine(company, false) : undefined;
  if (fromCompany) return found(fromCompany, company!, 'properties');
  for (const line of s.text.slice(0, 200)) {
    const name = namedPractice(line);
    if (name && !/^(?:The|This|Our|A|Each|Every|Other|Neighbouring|Buddy)\s/.test(name))
      return found(name, line, 'text');
  }
  return undefined;
}
