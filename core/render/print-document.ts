/**
 * A checked plan -> the print document (one HTML file): emergency page, cover and document control,
 * contents, the plan's sections, role action cards, and the paper forms. The same HTML is written for
 * `--format html` and printed to PDF.
 */
import type { PhrasingContent, RootContent } from 'mdast';
import type { PlanDocument } from '../model/plan-document.js';
import { cardsHtml } from './cards.js';
import { coverHtml, tocHtml, type TocEntry } from './cover.js';
import { emergencyPageHtml } from './emergency-page.js';
import { formsForPlan, formsHtml } from './forms.js';
import { explicitId } from '../model/explicit-id.js';
import { anchorId, esc } from './html.js';
import { nodesToHtml, type ImagePolicy } from './markdown-html.js';
import { longDate, planFacts, type PlanFacts } from './plan-facts.js';
import { PRINT_CSS } from './styles.js';
import { PLACEHOLDER } from '../model/placeholder-pattern.js';

export interface PrintOptions {
  /** Source revision printed in the footer (git commit when in a repository). */
  revision: string;
  /** YYYY-MM-DD, from SOURCE_DATE_EPOCH for reproducible output, otherwise today. */
  printedDate: string;
  /** Only the paper forms (the grab pack). */
  formsOnly?: boolean;
  /**
   * Printed across every page and in the running header when the copy is not a finished plan
   * (decided by core/print/print-gate.ts), e.g. 'DRAFT - NOT FILLED IN'.
   */
  stamp?: string;
  /** Error count when printing a plan that fails its checks: a stamp of 'DRAFT - FAILS CHECKS (n errors)'. */
  draftErrors?: number;
  images?: ImagePolicy;
  /** Page numbers for the contents list, by entry id (from a first layout pass). */
  pages?: Record<string, number>;
}

export interface PrintDocument {
  html: string;
  facts: PlanFacts;
  toc: TocEntry[];
  /** The running header and footer, for the PDF printer. */
  headerText: string;
  footerText: string;
}

/**
 * A heading as printed: without the `{#id}` (or `{#not-id}`) that tells the tools which section it
 * is; a table likewise without the `{#id}` that says which column a header is. A copy, so the checked
 * plan keeps its words. The contents and the PDF bookmarks are made from the printed headings.
 */
export function printedHeading<T extends RootContent>(node: T): T {
  if (node.type === 'table') {
    const [head, ...body] = node.children;
    if (!head) return node;
    return { ...node, children: [{ ...head, children: head.children.map((cell) => withoutTag(cell)) }, ...body] };
  }
  return node.type === 'heading' ? (withoutTag(node) as T) : node;
}

function withoutTag<T extends { children: PhrasingContent[] }>(node: T): T {
  const last = node.children[node.children.length - 1];
  // explicitId finds the trailing `{#id}` by string search (what /\s*\{#[a-z0-9][a-z0-9-]*\}\s*$/i
  // matched, without its quadratic backtracking); its index is where the blanks before it start.
  const explicit = last && last.type === 'text' ? explicitId(last.value) : undefined;
  if (!last || last.type !== 'text' || !explicit) return node;
  return {
    ...node,
    children: [...node.children.slice(0, -1), { ...last, value: last.value.slice(0, explicit.index) }],
  };
}

/** Top-level nodes of the plan grouped by H2 section (front matter and the H1 title left out). */
function sectionNodes(doc: PlanDocument): { id: string; title: string; nodes: RootContent[] }[] {
  const groups: { id: string; title: string; nodes: RootContent[] }[] = [];
  for (const node of doc.tree.children) {
    if (node.type === 'yaml') continue;
    if (node.type === 'heading' && node.depth === 1) continue;
    if (node.type === 'heading' && node.depth === 2) {
      const offset = node.position?.start.offset;
      const info = doc.headings.find((h) => h.depth === 2 && h.range.start.offset === offset);
      const title = info?.text ?? '';
      groups.push({
        id: anchorId('sec', `${groups.length}-${info?.id ?? title}`),
        title,
        nodes: [printedHeading(node)],
      });
      continue;
    }
    if (groups.length === 0) groups.push({ id: 'sec-intro', title: '', nodes: [] });
    groups[groups.length - 1].nodes.push(printedHeading(node));
  }
  return groups;
}

export function buildPrintDocument(doc: PlanDocument, options: PrintOptions): PrintDocument {
  const facts = planFacts(doc);
  const groups = options.formsOnly ? [] : sectionNodes(doc);
  const images = options.images ?? {};
  const toc: TocEntry[] = groups
    .filter((g) => g.title)
    .map((g) => ({ id: g.id, title: g.title, page: options.pages?.[g.id] }));
  if (!options.formsOnly && facts.roleSteps.size > 0) {
    toc.push({
      id: 'action-cards',
      title: 'Action cards',
      matchTitle: facts.roleSteps.keys().next().value,
      page: options.pages?.['action-cards'],
    });
  }
  const forms = formsForPlan(doc.model.sections['paper-templates']?.tables.forms);
  toc.push({
    id: 'paper-forms',
    title: 'Paper forms',
    matchTitle: forms[0].title,
    page: options.pages?.['paper-forms'],
  });

  const stamp =
    options.stamp ??
    (options.draftErrors
      ? `DRAFT - FAILS CHECKS (${options.draftErrors} ${options.draftErrors === 1 ? 'error' : 'errors'})`
      : undefined);
  const parts: string[] = [];
  // position: fixed repeats the stamp on every printed page, not just the first
  if (stamp) parts.push(`<div class="draft-stamp">${esc(stamp)}</div>`);
  if (!options.formsOnly) {
    parts.push(emergencyPageHtml(doc.model, facts));
    parts.push(coverHtml(facts, options.revision, options.printedDate));
    parts.push(tocHtml(toc));
    parts.push('<main>');
    for (const g of groups)
      parts.push(`<section class="plan-section" id="${esc(g.id)}">${nodesToHtml(g.nodes, images)}</section>`);
    parts.push('</main>');
    if (facts.roleSteps.size > 0) parts.push(`<div id="action-cards">${cardsHtml(facts)}</div>`);
  }
  parts.push(`<div id="paper-forms">${formsHtml(forms, facts)}</div>`);

  const title = `${facts.practiceName}: ${options.formsOnly ? 'paper forms' : facts.title}`;
  const html = `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<title>${esc(title)}</title>
<meta name="author" content="${esc([facts.ownerName, facts.practiceName].filter(Boolean).join(', '))}">
<meta name="description" content="${esc(`IT outage business continuity plan for ${facts.practiceName}${facts.odsCode ? ` (${facts.odsCode})` : ''}, version ${facts.version}`)}">
<style>${PRINT_CSS}</style>
</head>
<body>
${parts.join('\n')}
</body>
</html>
`;
  // The running header and footer are on every page, page 1 included: a value still a {{placeholder}}
  // is left out (or said to be not set), never printed as braces.
  const review = filled(facts.nextReview);
  const footerText = [
    filled(facts.version) ? `Version ${facts.version}` : '',
    `rev ${options.revision}`,
    `printed ${longDate(options.printedDate)}`,
    review
      ? `Uncontrolled when printed: check the review date ${longDate(review)}`
      : 'Uncontrolled when printed: no review date set',
    filled(facts.classification),
  ]
    .filter(Boolean)
    .join(' · ');
  const headerText = [filled(facts.practiceName) ?? 'GP practice', filled(facts.title), stamp]
    .filter(Boolean)
    .join(' · ');
  return { html, facts, toc, headerText, footerText };
}

/** The value, unless it is empty or still holds a template placeholder. */
function filled(value: string | undefined): string | undefined {
  return value && !PLACEHOLDER.test(value) ? value : undefined;
}
