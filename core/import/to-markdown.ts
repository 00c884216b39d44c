/**
 * Between a source document and markdown, through the unified ecosystem: HTML (from a web page or
 * from Word via mammoth) -> hast (parse5, within bounds: html-tree.ts) -> mdast with rehype-remark,
 * markdown -> mdast as the checker reads plans (within its parse limits), and mdast -> markdown with
 * remark-stringify. Tables stay GFM tables, lists stay lists and numbered lists stay numbered. No
 * hand-written converter. Every tree is measured before anything recursive reads it; what a reader
 * sees of each is in shown-text.ts.
 */
import type { Root as HastRoot } from 'hast';
import type { Root, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { unified } from 'unified';
import rehypeRemark from 'rehype-remark';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { visit, SKIP } from 'unist-util-visit';
import { parseMarkdown, unreadReason } from '../parse/parse-markdown.js';
import { checkTreeShape } from './tree-shape.js';

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

export async function htmlToMdast(tree: HastRoot): Promise<Root> {
  const mdast = (await unified().use(rehypeRemark).run(tree)) as unknown as Root;
  liftHeaderRows(mdast);
  return mdast;
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
  checkMdast(tree, advice);
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
