/**
 * Turn a practice's existing plan into a plan in this format: its words and order kept, its headings
 * mapped to sections, the sections it lacks inserted as guided drafts, the front matter filled with
 * what the document says. Returns the plan and a migration report; writes nothing.
 */
import type { Root } from 'mdast';
import { checkPlan, type CheckOptions } from '../check-plan.js';
import { addMissing, type InsertedItem } from '../add-missing.js';
import { catalogueFor } from '../engine/plan-plugin.js';
import { defaultConfig } from '../config/config.js';
import { findPlaceholders } from '../model/placeholder-pattern.js';
import { likelyHeadingAdvice } from './section-advice.js';
import { findFacts, knownFrom, type FoundFact } from './find-facts.js';
import { mapHeadings, type MappedHeading } from './map-headings.js';
import type { SourceDocument } from './read-source.js';
import { formatMegabytes, IMPORT_LIMITS, RESAVE_WORD, SIMPLIFY_PAGE, tooComplex } from './import-limits.js';
import {
  checkMdast,
  dropImages,
  htmlText,
  htmlToMdast,
  markdownToMdast,
  mdastText,
  mdastToMarkdown,
  parseHtml,
  tidyPhrasing,
} from './to-markdown.js';
import { linesWith, missingWords, totalWords } from './word-check.js';
import { toString } from 'mdast-util-to-string';

export { wordCounts } from './word-check.js';

export interface ImportResult {
  text: string;
  headings: MappedHeading[];
  inserted: InsertedItem[];
  facts: FoundFact[];
  /** What a person must look at, in plain words. */
  needsPerson: string[];
  /** Notes about the source (pictures left out, hidden instructions ignored). */
  notes: string[];
  /**
   * The source's words (read from the document itself) and any the plan would not have, with the
   * lines of the source they are in and the Word elements the reader could not convert.
   */
  words: { source: number; missing: string[]; lines: string[]; unconverted: string[] };
}

/** The document as a markdown tree, the words it shows, and notes about what was left out. */
async function sourceTree(source: SourceDocument, notes: string[]): Promise<{ tree: Root; shown: string }> {
  if (source.kind === 'markdown') {
    const advice = SIMPLIFY_PAGE;
    const { tree, unread } = markdownToMdast(source.content, advice);
    if (unread > 0)
      notes.push(
        `${unread} passage${unread === 1 ? ' was' : 's were'} kept as plain text (nested or marked up more than the plan tools read): check ${unread === 1 ? 'it reads' : 'they read'} as intended.`,
      );
    return { tree, shown: mdastText(tree) };
  }
  const advice = source.kind === 'docx' ? RESAVE_WORD : SIMPLIFY_PAGE;
  const hast = parseHtml(source.content, advice);
  const shown = source.shownText ?? htmlText(hast);
  const pictures = dropImages(hast);
  if (pictures > 0)
    notes.push(
      `${pictures} picture${pictures === 1 ? ' was' : 's were'} left out (their descriptions are kept); put anything staff need from them into words.`,
    );
  const tree = await htmlToMdast(hast);
  checkMdast(tree, advice);
  tidyPhrasing(tree);
  return { tree, shown };
}

export async function importPlan(source: SourceDocument, options: CheckOptions = {}): Promise<ImportResult> {
  const notes = [...source.notes];
  const { tree, shown } = await sourceTree(source, notes);
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
  // Checked once more as markdown: the checker reads the plan next, and its time grows with the text.
  if (body.length > IMPORT_LIMITS.textBytes)
    throw tooComplex(
      `its text comes to ${formatMegabytes(body.length)} as a plan (the limit is ${formatMegabytes(IMPORT_LIMITS.textBytes)})`,
      source.kind === 'docx' ? RESAVE_WORD : SIMPLIFY_PAGE,
    );
  const completed = addMissing(body, { ...options, config, known, shared: false });
  const text = completed.text;

  const needsPerson: string[] = [];
  const likelyIds = new Set<string>();
  for (const h of headings) {
    if (h.confidence === 'likely') {
      likelyIds.add(h.section!.id);
      needsPerson.push(likelyHeadingAdvice(h.heading, h.section!));
    }
    if (h.confidence === 'duplicate')
      needsPerson.push(`'${h.heading}' is a second '${h.section!.title}' section: merge it with the first.`);
  }
  // add-missing says the same about likely headings; said once above.
  needsPerson.push(...completed.notes.filter((n) => !/was not inserted: the heading/.test(n)));
  const finished = checkPlan(text, { ...options, config, shared: false }).doc;
  // The document's own words against what a reader of the plan sees, leaving out the drafts (whose
  // words could stand in for lost ones).
  const missing = missingWords(shown, finished ? mdastText(finished.tree, completed.inserted) : '');
  // Counted as the checker lists them: guidance comments hold placeholders that are not the plan's.
  const placeholders = finished ? findPlaceholders(finished).length : 0;
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
      source: totalWords(shown),
      missing,
      lines: missing.length ? linesWith(shown, missing) : [],
      unconverted: source.unconverted ?? [],
    },
  };
}
