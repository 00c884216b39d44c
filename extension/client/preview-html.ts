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

/** Wrap placeholders in text (never inside tags or attributes) in a <mark>. */
export function highlightPlaceholders(html: string): { html: string; count: number } {
  let count = 0;
  const out = html
    .split(/(<[^>]*>)/)
    .map((part) => (part.startsWith('<') ? part : part.replace(PLACEHOLDER, (m) => (count++, `<mark class="continuity-placeholder">${m}</mark>`))))
    .join('');
  return { html: out, count };
}

export function previewHtml(result: PrintResult): string {
  if (!result.ok || !result.html) return `<p>${(result.ok ? 'Nothing to preview.' : result.message).replace(/[<>&]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;' })[c]!)}</p>`;
  const { html, count } = highlightPlaceholders(result.html);
  const banner = count ? `<div class="continuity-preview-banner">${count} placeholder${count === 1 ? '' : 's'} ({{...}}) still to fill in, highlighted below. A plan with placeholders prints as DRAFT.</div>` : '';
  return html.replace(/<\/head>/i, `${STYLE}</head>`).replace(/<body([^>]*)>/i, (m) => `${m}${banner}`);
}

