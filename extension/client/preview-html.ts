/**
 * The preview's HTML: the print document as the PDF shows it (DRAFT stamp included), every
 * {{placeholder}} highlighted, and a banner counting them. No VS Code imports, so it is unit-tested.
 */
import type { PrintResult } from '../shared/protocol';

const PLACEHOLDER = /\{\{[^{}<>\n]{1,200}\}\}/g;

const STYLE = `<style>
mark.continuity-placeholder { background: #ffe08a; color: #000; outline: 2px dashed #b06000; padding: 0 2px; }
.continuity-preview-banner { position: sticky; top: 0; z-index: 10; background: #fff4ce; color: #000; border-bottom: 1px solid #b06000; padding: 6px 12px; font: 13px sans-serif; }
</style>`;

/**
 * The HTML split into text and tags, as html.split(/(<[^>]*>)/) splits it: each tag runs from a '<'
 * to the next '>'. By indexOf, as the regular expression retries every '<' of an unclosed run of
 * them to the end of the text (quadratic).
 */
function splitTags(html: string): string[] {
  const parts: string[] = [];
  let from = 0;
  for (;;) {
    const open = html.indexOf('<', from);
    const close = open === -1 ? -1 : html.indexOf('>', open);
    if (close === -1) break; // no '>' after this '<', so none after any later one either
    parts.push(html.slice(from, open), html.slice(open, close + 1));
    from = close + 1;
  }
  parts.push(html.slice(from));
  return parts;
}

/** Where the first `<body ...>` tag (any case) ends, as /<body([^>]*)>/i finds it, or -1. */
function bodyTagEnd(html: string): number {
  for (let open = html.indexOf('<'); open !== -1; open = html.indexOf('<', open + 1)) {
    if (html.slice(open + 1, open + 5).toLowerCase() !== 'body') continue;
    // No '>' after this '<body' means none after a later one either.
    const close = html.indexOf('>', open + 5);
    return close === -1 ? -1 : close + 1;
  }
  return -1;
}

/** Wrap placeholders in text (never inside tags or attributes) in a <mark>. */
export function highlightPlaceholders(html: string): { html: string; count: number } {
  let count = 0;
  const out = splitTags(html)
    .map((part) =>
      part.startsWith('<')
        ? part
        : part.replace(PLACEHOLDER, (m) => (count++, `<mark class="continuity-placeholder">${m}</mark>`)),
    )
    .join('');
  return { html: out, count };
}

export function previewHtml(result: PrintResult): string {
  if (!result.ok || !result.html)
    return `<p>${(result.ok ? 'Nothing to preview.' : result.message).replace(/[<>&]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;' })[c]!)}</p>`;
  const { html, count } = highlightPlaceholders(result.html);
  const banner = count
    ? `<div class="continuity-preview-banner">${count} placeholder${count === 1 ? '' : 's'} ({{...}}) still to fill in, highlighted below. A plan with placeholders prints as DRAFT.</div>`
    : '';
  const styled = html.replace(/<\/head>/i, `${STYLE}</head>`);
  const body = bodyTagEnd(styled);
  return body === -1 ? styled : `${styled.slice(0, body)}${banner}${styled.slice(body)}`;
}
