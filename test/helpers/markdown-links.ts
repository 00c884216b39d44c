/**
 * The relative links of markdown pages, checked as GitHub resolves them: the target is a file or
 * folder inside the repository, and a `#fragment` is an anchor the target page has. GitHub makes a
 * heading's anchor from its text (github-slugger: lower case, punctuation dropped, spaces to hyphens,
 * `-1`, `-2` ... for repeats) and knows no `{#id}` syntax, so `## Phones down {#telephony}` is
 * `#phones-down-telephony`; raw HTML `id` and `name` attributes are anchors too.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

export interface BrokenLink {
  /** The page, relative to the repository root. */
  page: string;
  line: number;
  url: string;
  problem: string;
}

const parser = unified().use(remarkParse).use(remarkFrontmatter).use(remarkGfm);
const HTML_TARGET = /\b(?:href|src)\s*=\s*["']([^"']*)["']/gi;
const HTML_ANCHOR = /\b(?:id|name)\s*=\s*["']([^"']+)["']/gi;
const SCHEME = /^[a-z][a-z\d+.-]*:/i;

function parse(markdown: string): Root {
  return parser.parse(markdown);
}

/** GitHub's anchor for a heading's text, before repeats are numbered. */
export function githubSlug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
    .replace(/ /g, '-');
}

/** Every anchor a page has: its headings' (repeats numbered as GitHub numbers them) and HTML ids. */
export function pageAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const repeats = new Map<string, number>();
  visit(parse(markdown), (node) => {
    if (node.type === 'heading') {
      const base = githubSlug(toString(node, { includeImageAlt: false }));
      let anchor = base;
      while (anchors.has(anchor)) {
        const count = (repeats.get(base) ?? 0) + 1;
        repeats.set(base, count);
        anchor = `${base}-${count}`;
      }
      anchors.add(anchor);
    } else if (node.type === 'html') {
      for (const m of node.value.matchAll(HTML_ANCHOR)) anchors.add(m[1]);
    }
  });
  return anchors;
}

/** The relative links of a page (markdown links, images, definitions, raw HTML href and src), with their lines. */
export function relativeLinks(markdown: string): { url: string; line: number }[] {
  const links: { url: string; line: number }[] = [];
  visit(parse(markdown), (node) => {
    const line = node.position?.start.line ?? 0;
    if (node.type === 'link' || node.type === 'image' || node.type === 'definition')
      links.push({ url: node.url, line });
    else if (node.type === 'html') for (const m of node.value.matchAll(HTML_TARGET)) links.push({ url: m[1], line });
  });
  return links.filter(({ url }) => !SCHEME.test(url) && !url.startsWith('//'));
}

function decoded(part: string): string | undefined {
  try {
    return decodeURIComponent(part);
  } catch {
    return undefined;
  }
}

/** What is wrong with one relative link of `page`, or undefined when it resolves. */
function linkProblem(root: string, page: string, url: string, anchorsOf: (file: string) => Set<string>) {
  const hash = url.indexOf('#');
  const pathPart = (hash < 0 ? url : url.slice(0, hash)).replace(/\?.*$/, '');
  const fragment = hash < 0 ? undefined : url.slice(hash + 1);
  const path = decoded(pathPart);
  if (path === undefined) return 'the address is not valid percent-encoding';
  const target = path === '' ? page : path.startsWith('/') ? join(root, path) : resolve(dirname(page), path);
  const inside = relative(root, target);
  if (inside.startsWith('..') || isAbsolute(inside)) return 'it leads out of the repository';
  if (!existsSync(target)) return `${inside || '.'} does not exist`;
  if (fragment === undefined) return undefined;
  const anchor = decoded(fragment);
  if (anchor === undefined) return 'the #fragment is not valid percent-encoding';
  if (statSync(target).isFile() && target.endsWith('.md')) {
    return anchorsOf(target).has(anchor) ? undefined : `${inside} has no heading or id with the anchor #${anchor}`;
  }
  // GitHub's line anchors on a file it shows as code
  return /^L\d+(-L\d+)?$/.test(anchor) && statSync(target).isFile()
    ? undefined
    : `#${anchor} is not an anchor ${inside} can have`;
}

/** Every relative link of the given pages (paths relative to `root`) that does not resolve. */
export function brokenLinks(root: string, pages: string[]): BrokenLink[] {
  const anchors = new Map<string, Set<string>>();
  const anchorsOf = (file: string) => {
    if (!anchors.has(file)) anchors.set(file, pageAnchors(readFileSync(file, 'utf8')));
    return anchors.get(file)!;
  };
  return pages.flatMap((name) => {
    const page = join(root, name);
    return relativeLinks(readFileSync(page, 'utf8')).flatMap(({ url, line }) => {
      const problem = linkProblem(root, page, url, anchorsOf);
      return problem ? [{ page: name, line, url, problem }] : [];
    });
  });
}
