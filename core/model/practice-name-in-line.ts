/**
 * Whether a line is, or leads with, a practice's name: "Riverside Surgery: IT outage business
 * continuity plan", "Hexley Health - Business Continuity Plan", "The Practice of Health". The plan's
 * type, versions and filler are taken off the ends; what is left must read as a name (capitalised
 * words, a practice word, or on a prominent line a short name without one). The tool's own words ("IT
 * outage business continuity plan") and a vendor's small print ("First Practice Management Ltd") are
 * never a name. Used by the import (the cover, titles, headers) and by add-missing (a plan's title).
 */
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
