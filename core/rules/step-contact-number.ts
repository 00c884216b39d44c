import type { Rule } from './rule.js';
import type { PlanDocument } from '../model/plan-document.js';
import type { SectionModel } from '../model/plan-model.js';
import { sectionPointer, stepPointer, subsectionPointer, type ModelPointer } from '../model/model-pointer.js';
import { findPhoneNumbers, phoneDigits } from '../model/phone-numbers.js';
import { PULSE_CONTINGENCY_PLAN } from './sources.js';

/** A contact the steps may name: its words, and the numbers the contacts table gives it. */
interface Contact {
  name: string;
  /** Lower-case phrases that name it in a step: its Contact and Organisation cells. */
  phrases: string[];
  /** Its row matches a mandatory contact whose pattern a step may match ("service desk"). */
  patterns: RegExp[];
  numbers: { written: string; digits: string }[];
}

/** How far after a contact's name a number is still the one given for it: "the desk on 01632 ...". */
const NEAR = 40;
const MAX_SENTENCE = 2000;
/**
 * The only words between a contact's name and a number given for it: "the desk on 01632 ...", "Tollgate
 * (main line) 0808 ...", "the desk on X or Y". Any other word ("... or the emergency mobile Y") means
 * the number is for something else.
 */
const CONNECTORS = new Set(
  'on or at via is tel telephone phone number no ring call and the their its main line direct'.split(' '),
);

/** Is the text between a name and a number only connecting words (and other numbers)? */
function onlyConnects(gap: string): boolean {
  let rest = gap;
  for (const n of findPhoneNumbers(gap).reverse()) rest = rest.slice(0, n.start) + ' ' + rest.slice(n.end);
  return (rest.toLowerCase().match(/\p{L}+/gu) ?? []).every((w) => CONNECTORS.has(w));
}

function contactsOf(doc: PlanDocument): Contact[] {
  const table = doc.model.sections.contacts?.tables.contacts;
  if (!table) return [];
  const def = doc.catalogue.byId.get('contacts')?.tables.find((t) => t.id === 'contacts');
  const out: Contact[] = [];
  for (const row of table.rows) {
    const numbers = Object.values(row).flatMap((cell) =>
      findPhoneNumbers(cell).map((n) => ({ written: n.text, digits: n.digits })),
    );
    if (numbers.length === 0) continue;
    const plain = (s: string | undefined) =>
      (s ?? '')
        .replace(/\([^()]*\)/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
    const phrases = [plain(row.contact), plain(row.organisation)]
      .filter((p) => p.length >= 4 && !p.includes('{{'))
      .map((p) => p.toLowerCase());
    const patterns = (def?.mandatoryRows ?? []).filter((m) => m.matches(row)).flatMap((m) => m.compiled);
    out.push({ name: row.contact || row.organisation || 'contact', phrases, patterns, numbers });
  }
  return out;
}

/** Where each contact is named in a sentence: [end of the name, contact]. */
function mentions(sentence: string, contacts: Contact[]): { end: number; contact: Contact }[] {
  const lower = sentence.toLowerCase();
  const out: { end: number; contact: Contact }[] = [];
  for (const c of contacts) {
    for (const p of c.phrases) {
      for (let at = lower.indexOf(p); at !== -1; at = lower.indexOf(p, at + 1))
        out.push({ end: at + p.length, contact: c });
    }
    for (const re of c.patterns) {
      for (let from = 0, m = re.exec(sentence); m; m = re.exec(sentence.slice(from))) {
        const end = from + m.index + m[0].length;
        out.push({ end, contact: c });
        from = Math.max(end, from + m.index + 1);
      }
    }
  }
  return out;
}

interface StepAt {
  text: string;
  pointer: ModelPointer;
  title: string;
  index: number;
}

function stepsOf(doc: PlanDocument): StepAt[] {
  const out: StepAt[] = [];
  const walk = (section: SectionModel, ptr: ModelPointer, title: string) => {
    section.steps.forEach((s, i) => out.push({ text: s.text, pointer: stepPointer(ptr, i), title, index: i }));
    for (const [id, sub] of Object.entries(section.subsections))
      walk(sub, subsectionPointer(ptr, id), `${title}: ${sub.heading}`);
  };
  for (const h of doc.headings) {
    if (h.depth !== 2 || h.duplicate) continue;
    const section = doc.model.sections[h.id];
    if (section) walk(section, sectionPointer(h.id), section.heading);
  }
  return out;
}

/**
 * A step that names a contact and gives a number that is not that contact's number in the contacts
 * table ("Ring the GP IT service desk on 01632 960501" when the table says 01632 960500): the number
 * is typed twice, and in the dark staff ring the one in front of them.
 */
export const stepContactNumber: Rule = {
  id: 'step-contact-number',
  severity: 'warning',
  description: "A step gives a contact a number that is not that contact's number in the contacts table.",
  rationale:
    "A number written in a step (on page 1 above all) is the one staff ring in an outage. When it differs from the contact's number in the contacts table, one of them is wrong, and nobody finds out until the call does not connect. Make the two the same.",
  sources: [PULSE_CONTINGENCY_PLAN],
  examples: [
    {
      title: 'the service desk number in a step differs from the contacts table',
      markdown:
        '# Plan\n\n## Quick start\n\n1. **Incident lead:** Ring the GP IT service desk on 01632 960501 and note the call reference.\n\n## Contacts\n\n| Contact | Organisation | Phone |\n| --- | --- | --- |\n| GP IT service desk | Kent ICB IT | 01632 960500 |\n',
      expected: [
        "5:54-5:66 warning Step 1 of 'Quick start' gives 01632 960501 for the GP IT service desk, but the contacts table gives 01632 960500. Staff ring the number in front of them: make the two the same, correcting whichever is wrong.",
      ],
    },
    {
      title: "a contact's own number, its other number, or a number for something else, is not reported",
      markdown:
        '# Plan\n\n## Quick start\n\n1. **Incident lead:** Ring the service desk on 01632 960500 (or 01632 960501 out of hours). If the phones are dead, use the emergency mobile (07700 900231).\n2. **Reception:** Ring Tollgate Telephony on 0808 157 0220.\n\n## Contacts\n\n| Contact | Organisation | Phone | Alternative phone |\n| --- | --- | --- | --- |\n| GP IT service desk | Kent ICB IT | 01632 960500 | 01632 960501 |\n| Telephony provider | Tollgate Telephony | 0808 157 0220 | |\n',
      expected: [],
    },
  ],
  check({ doc, report }) {
    const contacts = contactsOf(doc);
    if (contacts.length === 0) return;
    for (const step of stepsOf(doc)) {
      const entry = doc.sourceMap.get(step.pointer);
      if (!entry) continue;
      // Each number's place in the plan: found in order, from where the last one was.
      let cursor = entry.range.start.offset;
      const place = (written: string): number | undefined => {
        const at = doc.text.indexOf(written, cursor);
        if (at === -1 || at + written.length > entry.range.end.offset) return undefined;
        cursor = at + written.length;
        return at;
      };
      // Sentence by sentence: a number belongs to the name written just before it in its sentence.
      for (const sentence of step.text.split(/(?<=[.;!?])\s+/)) {
        // A sentence this long is not an instruction anyone rings from; bounded, so a hostile step is cheap.
        if (sentence.length > MAX_SENTENCE) continue;
        const named = mentions(sentence, contacts);
        for (const n of findPhoneNumbers(sentence)) {
          const at = place(n.text);
          const before = named.filter((m) => m.end <= n.start && n.start - m.end <= NEAR);
          if (before.length === 0) continue;
          const nearest = before.reduce((a, b) => (b.end > a.end ? b : a));
          const c = nearest.contact;
          if (c.numbers.some((k) => k.digits === n.digits)) continue;
          if (!onlyConnects(sentence.slice(nearest.end, n.start))) continue;
          const range = at !== undefined ? doc.lines.range(at, at + n.text.length) : (entry.anchor ?? entry.range);
          const listed = c.numbers.map((k) => k.written).join(' or ');
          report({
            range,
            message: `Step ${step.index + 1} of '${step.title}' gives ${n.text} for the ${c.name}, but the contacts table gives ${listed}. Staff ring the number in front of them: make the two the same, correcting whichever is wrong.`,
            ...(at !== undefined && phoneDigits(c.numbers[0].written)
              ? {
                  fix: {
                    title: `Write ${c.numbers[0].written}, the contacts table's number for the ${c.name}`,
                    safe: false,
                    edits: [{ start: at, end: at + n.text.length, text: c.numbers[0].written }],
                  },
                }
              : {}),
          });
        }
      }
    }
  },
};
