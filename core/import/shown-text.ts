/**
 * What a reader sees of a document, a line per paragraph, cell or item: the words the import must
 * keep (counted from the source itself) and the words the plan has (left out: what the tools
 * inserted). Lines let the report quote where a lost word was.
 */
import type { Element, Root as HastRoot } from 'hast';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit, SKIP } from 'unist-util-visit';

/** Elements whose text is not shown. */
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
