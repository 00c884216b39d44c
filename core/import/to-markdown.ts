/**
 * Between a source document and markdown, through the unified ecosystem: HTML (from a web page or
 * from Word via mammoth) -> hast -> mdast with rehype-remark, markdown -> mdast with remark-parse,
 * and mdast -> markdown with remark-stringify. Tables stay GFM tables, lists stay lists and numbered
 * lists stay numbered. No hand-written converter.
 */
import type { Root as HastRoot } from 'hast';
import type { Root, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { unified } from 'unified';
import rehypeParse from 'rehype-parse';
import rehypeRemark from 'rehype-remark';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import { visit, SKIP } from 'unist-util-visit';

const SILENT = new Set(['script', 'style', 'template', 'noscript', 'head', 'title']);

export function parseHtml(html: string): HastRoot {
  return unified().use(rehypeParse, { fragment: false }).parse(html) as HastRoot;
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

/** The visible text of an HTML tree, for the lossless word count. */
export function htmlText(tree: HastRoot): string {
  const parts: string[] = [];
  visit(tree, (node) => {
    if (node.type === 'element' && SILENT.has((node as { tagName: string }).tagName)) return SKIP;
    if (node.type === 'text') parts.push((node as { value: string }).value);
    return undefined;
  });
  return parts.join(' ');
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

export function markdownToMdast(markdown: string): Root {
  return unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).parse(markdown) as Root;
}

export function mdastToMarkdown(tree: Root): string {
  return unified()
    .use(remarkGfm)
    .use(remarkFrontmatter, ['yaml'])
    .use(remarkStringify, { bullet: '-', listItemIndent: 'one', rule: '-', fences: true, emphasis: '_', strong: '*' })
    .stringify(tree);
}
