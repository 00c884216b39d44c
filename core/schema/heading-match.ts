/**
 * Recognise a section from what its heading means, as practices write headings: "2.7 Loss of
 * Telephone System", "Key Contact Details", "Loss of Clinical System (EMIS Web)". The words come from
 * the schema (title, `x-aliases`, `x-keywords`, `x-related`), so an ICB extension's sections match the
 * same way. Confidence decides what happens:
 *   exact   the heading is the title or an alias (after numbering, case and punctuation)
 *   clear   every meaningful word of the heading is covered by one section's names or keywords
 *   likely  some words point to a section (its `x-related` words, a part's alias, or only part of the
 *           heading is covered): the plan is told, and a person claims it with `{#id}`
 * A heading is never taken for a section on a likely match.
 */
import { normaliseHeading, stripNumbering } from './normalise.js';

export type MatchConfidence = 'exact' | 'clear' | 'likely';

export interface MatchableDef {
  id: string;
  title: string;
  aliases: string[];
  /** Words that identify the section on their own (`x-keywords`). */
  keywords?: string[];
  /** Words that point to the section but also mean other things (`x-related`): likely at most. */
  related?: string[];
  /** Parts (H3) whose names point to this section when used as a H2 heading: likely at most. */
  subsections?: { title: string; aliases: string[] }[];
}

export interface HeadingMatch<T> {
  def: T;
  confidence: MatchConfidence;
  /** The heading's words that matched, for messages ("contact details"). */
  matched: string[];
}

/** Words that say nothing about which section a heading is: grammar, failure words, plan words. */
const FILLER = new Set(
  (
    'a an the of to in on for and or with by at from into our your this that these what if when how do does take taken ' +
    'be is are it s all any its any ' +
    'practice surgery plan plans procedure procedures process processes arrangement arrangements detail details information ' +
    'list lists key main general important useful overview guidance section appendix annex annexe document documents ' +
    'incident incidents event events business continuity policy protocol protocols response responding ' +
    'loss lost failure failures fail fails failed problem problems issue issues down outage outages unavailable unavailability ' +
    'disruption disruptions breakdown interruption not working short long term managing management dealing'
  ).split(/\s+/),
);
// "it" is grammar in "take it" but the subject in "IT failure": kept as content when written in capitals.
FILLER.delete('it');

export function singular(w: string): string {
  if (w.length <= 3) return w;
  if (w.endsWith('ies')) return w.slice(0, -3) + 'y';
  if (w.endsWith('sses')) return w.slice(0, -2);
  if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) return w.slice(0, -1);
  return w;
}

const GRAMMAR_IT = /(^|[^\p{L}])it([^\p{L}]|$)/u;

/**
 * The heading's meaningful words, in order (numbering, bracketed qualifiers and filler removed;
 * singular), and for each whether it qualifies the word written right after it ("System" in "System
 * Escalation"): such a word names a kind of something else and says less about the section.
 */
function headingWords(text: string): { words: string[]; modifies: boolean[] } {
  const noBrackets = text.replace(/\([^()]{0,200}\)|\[[^[\]]{0,200}\]/g, ' ');
  // "IT" in capitals is the subject (IT failure); "it" in lower case is grammar.
  const keepIt = /(^|[^\p{L}])IT([^\p{L}]|$)/u.test(noBrackets);
  const grammarIt = !keepIt && GRAMMAR_IT.test(noBrackets.toLowerCase());
  const raw = normaliseHeading(stripNumbering(noBrackets.toLowerCase())).split(' ').filter(Boolean).map(singular);
  const isContent = (w: string | undefined) => w !== undefined && !FILLER.has(w) && !(w === 'it' && grammarIt);
  const words: string[] = [];
  const modifies: boolean[] = [];
  raw.forEach((w, i) => {
    if (!isContent(w)) return;
    words.push(w);
    modifies.push(isContent(raw[i + 1]) && !isWeak(raw[i + 1]));
  });
  return { words, modifies };
}

/** The heading's meaningful words, in order: numbering, bracketed qualifiers, filler removed; singular. */
export function contentWords(text: string): string[] {
  return headingWords(text).words;
}

/**
 * Words too short to say which section a heading is on their own ("it", "if", "do", "of", "gp"): a
 * phrase of nothing but these is never evidence, though they still count within a longer phrase
 * ("IT service desk", "IG lead").
 */
function isWeak(word: string): boolean {
  return word.length <= 2;
}

interface Phrase {
  words: string[];
  /** How much the phrase says: its words as written (so "contact details" outweighs "form"). */
  weight: number;
  strength: 'name' | 'keyword' | 'related';
}

function phraseOf(text: string, strength: Phrase['strength']): Phrase | undefined {
  const words = contentWords(text);
  if (words.length === 0 || words.every(isWeak)) return undefined;
  // Meaningful words count fully, the little words around them a quarter: "contact details" outweighs
  // "form", but "If the IT fails" does not outweigh "patient records".
  const raw = normaliseHeading(text).split(' ').filter(Boolean).length;
  const weight = words.length + Math.max(0, raw - words.length) / 4;
  return { words, weight, strength };
}

const phraseCache = new WeakMap<object, { signature: string; phrases: Phrase[] }>();

function phrasesOf(def: MatchableDef): Phrase[] {
  const signature = `${def.aliases.length}|${def.keywords?.length ?? 0}|${def.related?.length ?? 0}`;
  const hit = phraseCache.get(def);
  if (hit && hit.signature === signature) return hit.phrases;
  const phrases: Phrase[] = [];
  const add = (t: string, s: Phrase['strength']) => {
    const p = phraseOf(t, s);
    if (p) phrases.push(p);
  };
  for (const t of [def.title, def.id.replace(/-/g, ' '), ...def.aliases]) add(t, 'name');
  for (const t of def.keywords ?? []) add(t, 'keyword');
  for (const t of def.related ?? []) add(t, 'related');
  for (const sub of def.subsections ?? []) for (const t of [sub.title, ...sub.aliases]) add(t, 'related');
  phraseCache.set(def, { signature, phrases });
  return phrases;
}

interface Scored<T> {
  def: T;
  /** Heading words covered, plus a little for the small words of the best phrase. */
  score: number;
  covered: Set<number>;
  strong: boolean;
  matched: string[];
}

function score<T extends MatchableDef>(heading: { words: string[]; modifies: boolean[] }, def: T): Scored<T> {
  const { words, modifies } = heading;
  const covered = new Set<number>();
  /** Words covered by a phrase of two or more words: specific, whatever follows them. */
  const inPhrase = new Set<number>();
  let bonus = 0;
  let strong = false;
  const matched = new Set<string>();
  for (const p of phrasesOf(def)) {
    for (let i = 0; i + p.words.length <= words.length; i++) {
      let ok = true;
      for (let k = 0; k < p.words.length && ok; k++) ok = words[i + k] === p.words[k];
      if (!ok) continue;
      for (let k = 0; k < p.words.length; k++) {
        covered.add(i + k);
        if (p.words.length > 1) inPhrase.add(i + k);
      }
      bonus = Math.max(bonus, p.weight - p.words.length);
      if (p.strength !== 'related') strong = true;
      matched.add(p.words.join(' '));
      break;
    }
  }
  // Each heading word counts once however many of the section's names contain it, so a section with
  // many similar aliases does not outweigh one whose names cover more of the heading. A word matched
  // on its own that only qualifies the next one ("System" in "System Escalation") counts half.
  let weight = 0;
  for (const i of covered) weight += modifies[i] && !inPhrase.has(i) ? 0.5 : 1;
  return { def, score: covered.size === 0 ? 0 : weight + bonus, covered, strong, matched: [...matched] };
}

/**
 * The section (or part) a heading stands for, and how sure that is. Exact names first; then meaning.
 * Bounded: headings longer than 300 characters are matched on their names only.
 */
export function recogniseHeading<T extends MatchableDef>(heading: string, defs: T[]): HeadingMatch<T> | undefined {
  const key = normaliseHeading(heading);
  if (!key) return undefined;
  for (const d of defs) {
    for (const name of [d.title, d.id.replace(/-/g, ' '), ...d.aliases]) {
      if (normaliseHeading(name) === key) return { def: d, confidence: 'exact', matched: [key] };
    }
  }
  if (heading.length > 300) return undefined;
  const analysed = headingWords(heading);
  const words = analysed.words;
  if (words.length === 0 || words.every(isWeak)) return undefined;
  // The same heading without its qualifier in brackets may be a name ("Telephony (Gamma)").
  const bare = words.join(' ');
  for (const d of defs) {
    for (const name of [d.title, ...d.aliases]) {
      const w = contentWords(name).join(' ');
      if (w && w === bare) return { def: d, confidence: 'clear', matched: [bare] };
    }
  }
  // Less than one word's worth of evidence (a qualifying word alone) is no evidence.
  const scored = defs.map((d) => score(analysed, d)).filter((s) => s.score >= 1);
  if (scored.length === 0) return undefined;
  scored.sort((a, b) => b.score - a.score || b.covered.size - a.covered.size);
  const [best, second] = scored;
  const tie = second !== undefined && second.score === best.score;
  const whole = best.covered.size === words.length;
  // Clear only when one section explains every meaningful word with its own names or keywords and
  // no other section comes near it.
  if (whole && best.strong && (!second || second.score * 2 <= best.score))
    return { def: best.def, confidence: 'clear', matched: best.matched };
  if (tie) {
    // Two sections equally likely: a heading leads with its subject ("Contact Details & Report Form"),
    // so the one named first is offered, as a suggestion only; if that does not decide, nothing is.
    const first = (x: Scored<T>) => Math.min(...x.covered);
    const tied = scored.filter((x) => x.score === best.score).sort((a, b) => first(a) - first(b));
    if (tied.length > 1 && first(tied[0]) === first(tied[1])) return undefined;
    return { def: tied[0].def, confidence: 'likely', matched: tied[0].matched };
  }
  return { def: best.def, confidence: 'likely', matched: best.matched };
}
