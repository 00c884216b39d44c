/**
 * Plan markdown -> safe HTML for printing. Raw HTML in a plan is parsed and then sanitised with
 * GitHub's rules (no scripts, no event handlers, no styles, no iframes, no comments); images are
 * printed only when they are files inside the plan's own folder tree (embedded as data URIs, so the
 * browser never fetches anything); other images become a note in the text.
 */
import type { Element, ElementContent, Nodes as HastNodes, Root as HastRoot } from 'hast';
import type { Root, RootContent } from 'mdast';
import { toHast } from 'mdast-util-to-hast';
import { raw } from 'hast-util-raw';
import { defaultSchema, sanitize } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import { toBase64 } from '../host/base64.js';
import { host } from '../host/host.js';

const IMAGE_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
};
const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

export interface ImagePolicy {
  /** Images are read only from inside this folder (the plan's folder tree). Undefined: no images. */
  root?: string;
  /** The folder relative image paths are resolved against (the plan's folder). */
  base?: string;
}

const schema = { ...defaultSchema, clobberPrefix: 'plan-' };

function note(text: string): Element {
  return {
    type: 'element',
    tagName: 'span',
    properties: { className: ['print-note'] },
    children: [{ type: 'text', value: text }],
  };
}

function inside(root: string, file: string): boolean {
  const { path } = host();
  const r = path.relative(root, file);
  // (a name such as '..map.png' is inside; only a '..' segment leads out)
  return r !== '' && !path.isAbsolute(r) && !r.split(/[\\/]/).includes('..');
}

/** Replace an <img> with an embedded copy of a local file, or with a note saying why it is left out. */
function resolveImage(img: Element, policy: ImagePolicy): ElementContent {
  const src = String(img.properties?.src ?? '');
  const alt = String(img.properties?.alt ?? '');
  const label = alt ? `'${alt}'` : 'an image';
  if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('//'))
    return note(`[${label} is not printed: only pictures stored with the plan are printed]`);
  if (!policy.root || !policy.base || !src) return note(`[${label} is not printed]`);
  const { path } = host();
  let file: string;
  try {
    file = path.resolve(policy.base, decodeURIComponent(src.split(/[?#]/)[0]));
  } catch {
    return note(`[${label} is not printed: the path cannot be read]`);
  }
  const type = IMAGE_TYPES[path.extname(file).toLowerCase()];
  // A path outside the folder is refused before the file system is asked anything about it: a plan
  // must not be able to probe what exists elsewhere (or, on Windows, make the machine reach a network share).
  if (!inside(path.resolve(policy.root), file))
    return note(`[${label} is not printed: it is outside the plan's folder]`);
  if (!type) return note(`[${label} is not printed: not a PNG, JPEG, GIF or WebP picture]`);
  // Read as every path from a plan is: its real path inside the folder (a link must not lead out of
  // it), a regular file only (a named pipe with a picture's name would never finish reading), bounded.
  const read = host().readFile(file, { root: policy.root, maxBytes: MAX_IMAGE_BYTES });
  if ('refused' in read) {
    const why: Partial<Record<typeof read.refused, string>> = {
      missing: 'file not found',
      outside: "it is outside the plan's folder",
      'too-large': 'larger than 5 MB',
    };
    return note(`[${label} is not printed: ${why[read.refused] ?? 'the file cannot be read'}]`);
  }
  return { ...img, properties: { ...img.properties, src: `data:${type};base64,${toBase64(read.bytes)}` } };
}

function textOf(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? node.children.map((c) => textOf(c as ElementContent)).join('') : '';
}

// Phone numbers and dates that wrap in a narrow column ("01632 / 960500") are misread in a hurry.
const KEEP_TOGETHER = /^\s*(\+?[0-9][0-9 ()-]{5,}[0-9]|\d{4}-\d{2}-\d{2})\s*$/;

function walk(node: HastNodes, policy: ImagePolicy): void {
  if (!('children' in node)) return;
  node.children = node.children.map((child) => {
    if (child.type !== 'element') return child;
    if ((child.tagName === 'td' || child.tagName === 'th') && KEEP_TOGETHER.test(textOf(child))) {
      child.properties = { ...child.properties, className: ['nowrap'] };
    }
    if (child.tagName === 'img') return resolveImage(child, policy);
    // <picture><source srcset> survives GitHub's rules; print the <img> fallback, never a source URL
    if (child.tagName === 'source') child.properties = { ...child.properties, srcSet: undefined };
    if (child.tagName === 'a') {
      const href = String(child.properties?.href ?? '');
      // Printed links cannot be followed; keep web, mail and phone links, drop the rest (local files).
      if (!/^(https?:|mailto:|tel:)/i.test(href)) child.properties = { ...child.properties, href: undefined };
    }
    walk(child, policy);
    return child;
  }) as typeof node.children;
}

function hasHtml(nodes: readonly unknown[]): boolean {
  return nodes.some((n) => {
    const node = n as { type: string; children?: unknown[] };
    return node.type === 'html' || (Array.isArray(node.children) && hasHtml(node.children));
  });
}

/** Markdown nodes (one section, in document order) -> sanitised HTML. */
export function nodesToHtml(nodes: RootContent[], policy: ImagePolicy): string {
  const mdast: Root = { type: 'root', children: nodes };
  const hast = toHast(mdast, { allowDangerousHtml: true }) as HastRoot;
  // Parsing raw HTML (parse5) is the slow part; most sections have none.
  const parsed = hasHtml(nodes) ? (raw(hast) as HastRoot) : hast;
  const clean = sanitize(parsed, schema) as HastRoot;
  walk(clean, policy);
  return toHtml(clean);
}
