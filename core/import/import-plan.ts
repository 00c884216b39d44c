/**
 * Turn a practice's existing plan into a plan in this format: its words and order kept, its headings
 * mapped to sections, the sections it lacks inserted as guided drafts, the front matter filled with
 * what the document says. Returns the plan and a migration report; writes nothing.
 */
import type { Root } from 'mdast';
import type { CheckOptions } from '../check-plan.js';
import { addMissing, type InsertedItem } from '../add-missing.js';
import { catalogueFor } from '../engine/plan-plugin.js';
import { defaultConfig } from '../config/config.js';
import { PLACEHOLDER_GLOBAL } from '../model/placeholder-pattern.js';
import { findFacts, knownFrom, type FoundFact } from './find-facts.js';
import { mapHeadings, type MappedHeading } from './map-headings.js';
import type { SourceDocument } from './read-source.js';
import { dropImages, htmlText, htmlToMdast, markdownToMdast, mdastToMarkdown, parseHtml } from './to-markdown.js';
import { toString } from 'mdast-util-to-string';

export interface ImportResult {
  text: string;
  headings: MappedHeading[];
  inserted: InsertedItem[];
  facts: FoundFact[];
  /** What a person must look at, in plain words. */
  needsPerson: string[];
  /** Notes about the source (pictures left out, styles the reader could not map). */
  notes: string[];
  words: { source: number; missing: string[] };
}

/** Words as a multiset: letters and digits, case kept (a lost capital is a changed word). */
export function wordCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const w of text.match(/[\p{L}\p{N}]+/gu) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
}

/** Source words the output has fewer of (should always be none). */
export function missingWords(source: string, output: string): string[] {
  const have = wordCounts(output);
  const missing: string[] = [];
  for (const [w, n] of wordCounts(source)) if ((have.get(w) ?? 0) < n) missing.push(w);
  return missing;
}

export async function importPlan(source: SourceDocument, options: CheckOptions = {}): Promise<ImportResult> {
  const notes = [...source.warnings.slice(0, 20).map((w) => `The Word reader said: ${w}`)];
  let tree: Root;
  let sourceText: string;
  if (source.kind === 'markdown') {
    tree = markdownToMdast(source.content);
    sourceText = source.content;
  } else {
    const hast = parseHtml(source.content);
    const pictures = dropImages(hast);
    if (pictures > 0)
      notes.push(
        `${pictures} picture${pictures === 1 ? ' was' : 's were'} left out (their descriptions are kept); put anything staff need from them into words.`,
      );
    sourceText = htmlText(hast);
    tree = await htmlToMdast(hast);
  }
  const config = options.config ?? defaultConfig();
  const catalogue = catalogueFor(config.schemas);
  const firstHeading = tree.children.find((n) => n.type === 'heading');
  const facts = findFacts(tree, firstHeading ? toString(firstHeading) : undefined);
  const known = knownFrom(facts);
  const hasFrontMatter = tree.children[0]?.type === 'yaml';
  const headings = mapHeadings(
    tree,
    catalogue,
    typeof known['practice.name'] === 'string' ? (known['practice.name'] as string) : undefined,
  );
  const body = mdastToMarkdown(tree);
  const completed = addMissing(body, { ...options, config, known, shared: false });
  const text = completed.text;

  const needsPerson: string[] = [];
  const likelyIds = new Set<string>();
  for (const h of headings) {
    if (h.confidence === 'likely') {
      likelyIds.add(h.section!.id);
      needsPerson.push(
        `'${h.heading}' looks like the '${h.section!.title}' section, so no draft of that section was inserted: if it is, add {#${h.section!.id}} to the end of the heading; if not, rename it and run 'continuity lint --fix --add-missing' on the plan to insert the draft.`,
      );
    }
    if (h.confidence === 'duplicate')
      needsPerson.push(`'${h.heading}' is a second '${h.section!.title}' section: merge it with the first.`);
  }
  // add-missing says the same about likely headings; said once above.
  needsPerson.push(...completed.notes.filter((n) => !/was not inserted: the heading/.test(n)));
  const placeholders = (text.match(PLACEHOLDER_GLOBAL) ?? []).length;
  if (placeholders > 0)
    needsPerson.push(`${placeholders} {{placeholders}} to fill in (run 'continuity lint' on the plan to list them).`);
  if (!hasFrontMatter) {
    const filled = facts.map((f) => f.path).join(', ');
    needsPerson.push(
      `Check the front matter: ${filled ? `${filled} ${facts.length === 1 ? 'was' : 'were'} read from the document; ` : ''}the rest are placeholders.`,
    );
  }
  return {
    text,
    headings,
    inserted: completed.inserted,
    facts,
    needsPerson,
    notes,
    words: {
      source: wordCounts(sourceText).size === 0 ? 0 : [...wordCounts(sourceText).values()].reduce((a, b) => a + b, 0),
      missing: missingWords(sourceText, text),
    },
  };
}
