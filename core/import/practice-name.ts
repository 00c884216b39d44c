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
import { nameInLine } from '../model/practice-name-in-line.js';

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
