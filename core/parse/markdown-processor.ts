/**
 * The unified processor plans are parsed with: remark-parse, YAML front matter and GFM tables.
 * Only the table extension of GFM is loaded: plans need tables, and the rest of GFM (autolink
 * literals above all) roughly doubles parse time.
 */
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown, gfmTableToMarkdown } from 'mdast-util-gfm-table';
import type { Root } from 'mdast';

/** unified plugin: GFM tables only. */
export function remarkGfmTable(this: Processor): void {
  const data = this.data() as Record<string, unknown[]>;
  (data.micromarkExtensions ??= []).push(gfmTable());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
  (data.toMarkdownExtensions ??= []).push(gfmTableToMarkdown());
}

let shared: Processor<Root> | undefined;

export function markdownParser(): Processor<Root> {
  shared ??= unified()
    .use(remarkParse)
    .use(remarkFrontmatter, ['yaml'])
    .use(remarkGfmTable)
    .freeze() as unknown as Processor<Root>;
  return shared;
}
