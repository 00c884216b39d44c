/**
 * Between a source document and markdown, through the unified ecosystem: HTML (from a web page or
 * from Word via mammoth) -> hast (parse5, within bounds: html-tree.ts) -> mdast with rehype-remark,
 * markdown -> mdast as the checker reads plans (within its parse limits), and mdast -> markdown with
 * remark-stringify. Tables stay GFM tables, lists stay lists and numbered lists stay numbered. No
 * hand-written converter. Every tree is measured before anything recursive reads it.
 */
import type { Element, Root as HastRoot } from 'hast';
import type { Delete, Emphasis, Parent, PhrasingContent, Root, Strong, Table } from 'mdast';
import type { Node } from 'unist';
import { toString } from 'mdast-util-to-string';
import { unified } from 'unified';
import rehypeRemark from 'rehype-remark';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { visit, SKIP } from 'unist-util-visit';
import { parseMarkdown, unreadReason } from '../parse/parse-markdown.js';
import { parseHtmlWithin } from './html-tree.js';
import { checkTreeShape } from './tree-shape.js';

const SILENT = new Set(['script', 'style', 'template', 'noscript', 'head', 'title']);
/** Markdown nodes that start a line of text. */
const LINE_STARTS = new Set([
  'paragraph',
  'heading',
  'tableCell',
  'listItem',
  'code',
  'yaml',
  'break',
  'thematicBreak',
]);
/** Elements that start a line of text (for quoting where words were lost). */
const BLOCKS = new Set([
  'p',
  'li',
  'tr',
  'td',
  'th',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'div',
  'br',
  'dt',
  'dd',
  'caption',
]);

/** A web page or mammoth's HTML as hast; `advice` is what the practice can do if it is too large. */
export function parseHtml(html: string, advice: string): HastRoot {
  return parseHtmlWithin(html, advice);
}

/** The page's `<title>`, if it has one. */
export function htmlTitle(tree: HastRoot): string | undefined {
  let title: string | undefined;
  visit(tree, 'element', (node: Element) => {
    if (node.tagName !== 'title') return undefined;
    title = toString(node as never)
      .replace(/\s+/g, ' ')
      .trim();
    return title ? false : SKIP;
  });
  return title || undefined;
}

/** Pictures are left out (a printed plan cannot use them and data URIs would bury the text); their count is reported. */
export function dropImages(tree: HastRoot): number {
  let count = 0;
  visit(tree, 'element', (node, index, parent) => {
    if (node.tagName === 'img' && parent && index !== undefined) {
      const alt = typeof node.properties?.alt === 'string' ? node.properties.alt : '';
      // The alt text is words of the source: kept as text.
      parent.children.splice(index, 1, ...(alt ? [{ type: 'text' as const, value: alt }] : []));
      count++;
      return [SKIP, index];
    }
    return undefined;
  });
  return count;
}

/** The visible text of an HTML tree, a line per paragraph, cell or item: the words the plan must keep. */
export function htmlText(tree: HastRoot): string {
  const parts: string[] = [];
  visit(tree, (node) => {
    if (node.type === 'element' && SILENT.has(node.tagName)) return SKIP;
    if (node.type === 'text') parts.push(node.value);
    else if (node.type === 'element' && BLOCKS.has(node.tagName)) parts.push('\n');
    return undefined;
  });
  return parts.join('');
}

export async function htmlToMdast(tree: HastRoot): Promise<Root> {
  const mdast = (await unified().use(rehypeRemark).run(tree)) as unknown as Root;
  liftHeaderRows(mdast);
  return mdast;
}

/**
 * Word puts the space after a bold phrase inside the bold run ("**and record each call **on"), which
 * markdown cannot write: the writer keeps it bold by encoding the next letter ("&#x6F;n"), which a
 * practice manager would then read in the plan. The space belongs after the bold, so it is moved
 * there (and a leading space before it); a bold or italic run of nothing but space is just space.
 */
export function tidyPhrasing(tree: Root): void {
  const parents: Parent[] = [];
  visit(tree, (node) => {
    if ('children' in node && node.children.some(isRun)) parents.push(node);
  });
  // Innermost first (the reverse of document order), so a space moved out of an inner run is then
  // moved out of the run around it; each parent's children rebuilt in one pass.
  for (const parent of parents.reverse()) {
    const children: Node[] = parent.children;
    parent.children = children.flatMap((c) => (isRun(c) ? tidyRun(c) : [c])) as Parent['children'];
  }
}

function isRun(node: Node): node is Strong | Emphasis | Delete {
  return node.type === 'strong' || node.type === 'emphasis' || node.type === 'delete';
}

/** The run with its leading and trailing blanks moved outside it (and nothing left if it is all blank). */
function tidyRun(run: Strong | Emphasis | Delete): PhrasingContent[] {
  const first = run.children[0];
  const last = run.children[run.children.length - 1];
  // trimStart and trimEnd, not /\s+$/, which retries from every blank of a long run.
  let lead = '';
  if (first?.type === 'text') {
    const rest = first.value.trimStart();
    lead = first.value.slice(0, first.value.length - rest.length);
    first.value = rest;
  }
  let trail = '';
  if (last?.type === 'text') {
    const rest = last.value.trimEnd();
    trail = last.value.slice(rest.length);
    last.value = rest;
  }
  return [
    ...(lead ? [{ type: 'text' as const, value: lead }] : []),
    ...(toString(run) === '' ? [] : [run]),
    ...(trail ? [{ type: 'text' as const, value: trail }] : []),
  ];
}

/**
 * What a reader sees of a markdown tree, a line per block: text, code, alt text and the raw HTML and
 * front matter written into it. Nodes inside `skip` (offsets of drafts the tools inserted) are left
 * out, so a draft's words cannot stand in for the practice's.
 */
export function mdastText(tree: Root, skip: readonly { start: number; end: number }[] = []): string {
  const parts: string[] = [];
  const skipped = (node: { position?: { start: { offset?: number }; end: { offset?: number } } }) => {
    const a = node.position?.start.offset;
    const b = node.position?.end.offset;
    return a !== undefined && b !== undefined && skip.some((r) => a >= r.start && b <= r.end);
  };
  visit(tree, (node) => {
    if (skipped(node)) return SKIP;
    // Blocks start a line; inline pieces run on, as "Cas**tle**" is one word.
    if (LINE_STARTS.has(node.type)) parts.push('\n');
    if ('value' in node && typeof node.value === 'string') parts.push(node.value);
    else if (node.type === 'image' && node.alt) parts.push(node.alt);
    return undefined;
  });
  return parts.join('');
}

/**
 * A Word table has no header cells unless the first row is marked to repeat, so the converter gives
 * it an empty header row: the table's own first row (its column names, in practice) is lifted into it.
 */
function liftHeaderRows(tree: Root): void {
  visit(tree, 'table', (table: Table) => {
    const [head, first] = table.children;
    if (!head || !first) return;
    if (head.children.every((c) => toString(c).trim() === '')) table.children.shift();
  });
}

/**
 * Markdown or text as the checker reads a plan: within its parse limits, a passage too deeply nested
 * or too full of marks is kept as plain text (every character) and counted in `unread`.
 */
export function markdownToMdast(markdown: string, advice: string): { tree: Root; unread: number } {
  const tree = parseMarkdown(markdown, { useCache: false });
  checkTreeShape<Root | Root['children'][number]>(tree, (n) => ('children' in n ? n.children : undefined), advice);
  return { tree, unread: tree.children.filter((n) => unreadReason(n)).length };
}

/** Before anything recursive reads a tree made from HTML. */
export function checkMdast(tree: Root, advice: string): void {
  checkTreeShape<Root | Root['children'][number]>(tree, (n) => ('children' in n ? n.children : undefined), advice);
}

export function mdastToMarkdown(tree: Root): string {
  return unified()
    .use(remarkGfm)
    .use(remarkFrontmatter, ['yaml'])
    .use(remarkStringify, { bullet: '-', listItemIndent: 'one', rule: '-', fences: true, emphasis: '_', strong: '*' })
    .stringify(tree);
}
