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
import { findFacts, knownFrom, withPracticeName, type FoundFact } from './find-facts.js';
import { findPracticeName, type PracticeName } from './practice-name.js';
import { findTitleBlock } from './title-block.js';
import type { Catalogue } from '../schema/catalogue.js';
import { frontMatterSchemaAt, skeletonValue } from '../schema/front-matter-schema.js';
import { mapHeadings, type MappedHeading } from './map-headings.js';
import type { SourceDocument } from './read-source.js';
import { formatMegabytes, IMPORT_LIMITS, RESAVE_WORD, SIMPLIFY_PAGE, tooComplex } from './import-limits.js';
import { checkMdast, dropImages, htmlToMdast, markdownToMdast, mdastToMarkdown } from './to-markdown.js';
import { parseHtml } from './html-tree.js';
import { htmlText, htmlTitle, mdastText } from './shown-text.js';
import { tidyPhrasing } from './tidy-phrasing.js';
import { linesWith, missingWords, totalWords, wordCounts } from './word-check.js';

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
async function sourceTree(
  source: SourceDocument,
  notes: string[],
): Promise<{ tree: Root; shown: string; pageTitle?: string }> {
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
  const pageTitle = source.kind === 'html' ? htmlTitle(hast) : undefined;
  const pictures = dropImages(hast);
  if (pictures > 0)
    notes.push(
      `${pictures} picture${pictures === 1 ? ' was' : 's were'} left out (their descriptions are kept); put anything staff need from them into words.`,
    );
  const tree = await htmlToMdast(hast);
  checkMdast(tree, advice);
  tidyPhrasing(tree);
  return { tree, shown, pageTitle };
}

/** The schema's placeholder for a front-matter field (`{{practice name}}`). */
function placeholderFor(catalogue: Catalogue, path: string[]): unknown {
  const node = frontMatterSchemaAt(catalogue.frontMatterSchema, path);
  return skeletonValue(node, path[path.length - 1], path.join('.'), {});
}

const NAME_USE = 'it is printed on page 1, the cover, every action card and form, and the drafted patient messages';

/** What the report says about the practice's name: nothing when a line of the document said it. */
function practiceNameNote(name: PracticeName | undefined): string | undefined {
  if (!name)
    return `The practice's name was not found in the document: write it in the front matter, under 'practice:' as 'name:' (${NAME_USE}).`;
  if (name.where === 'text')
    return `The practice's name '${name.value}' was taken from the text ("${name.from.slice(0, 80)}"): check it is the practice's own (${NAME_USE}).`;
  if (name.where === 'properties')
    return `The practice's name '${name.value}' was taken from the Word file's properties ("${name.from.slice(0, 80)}"): check it (${NAME_USE}).`;
  return undefined;
}

/** Page headers and footers the plan does not have the words of: said, so none is lost unseen. */
function marginsNote(margins: string[], plan: string): string | undefined {
  const have = wordCounts(plan);
  const left = margins.filter((line) => [...wordCounts(line)].some(([w, n]) => (have.get(w) ?? 0) < n));
  if (left.length === 0) return undefined;
  const quoted = left.slice(0, 3).map((l) => `"${l.length > 80 ? `${l.slice(0, 77)}...` : l}"`);
  return `The Word file's page headers and footers are not part of the plan (it prints its own): ${quoted.join('; ')}${left.length > 3 ? ` and ${left.length - 3} more` : ''}. Put anything staff need from them into the plan.`;
}

export async function importPlan(source: SourceDocument, options: CheckOptions = {}): Promise<ImportResult> {
  const notes = [...source.notes];
  const { tree, shown, pageTitle } = await sourceTree(source, notes);
  const config = options.config ?? defaultConfig();
  const catalogue = catalogueFor(config.schemas);
  const cover = findTitleBlock(tree, catalogue.sections);
  const stated = findFacts(tree);
  const labelled = stated.facts.find((f) => f.path === 'practice.name');
  const name = findPracticeName({
    labelled,
    cover: cover.lines,
    pageTitle,
    margins: source.margins,
    properties: source.properties,
    text: stated.lines,
  });
  const facts = withPracticeName(stated.facts, name);
  const known = knownFrom(facts);
  // Never a name made up from the plan's own words ("IT outage", from a title the tools wrote): the
  // placeholder a person fills in, when the document does not say.
  known['practice.name'] ??= placeholderFor(catalogue, ['practice', 'name']);
  const hasFrontMatter = tree.children[0]?.type === 'yaml';
  const headings = mapHeadings(tree, catalogue, cover, name?.value);
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
  if (!hasFrontMatter) {
    const nameNote = practiceNameNote(name);
    if (nameNote) needsPerson.push(nameNote);
  }
  for (const h of headings) {
    if (h.confidence === 'likely') needsPerson.push(likelyHeadingAdvice(h.heading, h.section!));
    if (h.confidence === 'duplicate')
      needsPerson.push(`'${h.heading}' is a second '${h.section!.title}' section: merge it with the first.`);
  }
  // add-missing says the same about likely headings; said once above.
  needsPerson.push(...completed.notes.filter((n) => !/was not inserted: the heading/.test(n)));
  const finished = checkPlan(text, { ...options, config, shared: false }).doc;
  // The document's own words against what a reader of the plan sees, leaving out the drafts (whose
  // words could stand in for lost ones).
  const missing = missingWords(shown, finished ? mdastText(finished.tree, completed.inserted) : '');
  const margins = marginsNote(source.margins ?? [], text);
  if (margins) notes.push(margins);
  // Counted as the checker lists them: guidance comments hold placeholders that are not the plan's.
  const placeholders = finished ? findPlaceholders(finished).length : 0;
  if (placeholders > 0)
    needsPerson.push(`${placeholders} {{placeholders}} to fill in (run 'continuity lint' on the plan to list them).`);
  if (!hasFrontMatter) {
    const filled = facts.map((f) => f.path).join(', ');
    needsPerson.push(
      filled
        ? `Check the front matter: ${filled} ${facts.length === 1 ? 'was' : 'were'} read from the document; the rest are placeholders.`
        : 'Fill in the front matter: nothing in it was read from the document, so every field is a placeholder.',
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
