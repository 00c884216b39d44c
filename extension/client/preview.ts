/**
 * The print preview: the print document as the PDF will show it, DRAFT stamp included, with every
 * {{placeholder}} highlighted so the gaps stand out. Static HTML, no scripts.
 */
import * as vscode from 'vscode';
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

export class Previews {
  private readonly panels = new Map<string, vscode.WebviewPanel>();

  constructor(private readonly load: (uri: string) => Promise<PrintResult>) {}

  /** The document shown in the focused preview, so Print works while the preview has focus. */
  activeUri(): string | undefined {
    for (const [uri, p] of this.panels) if (p.active) return uri;
    return undefined;
  }

  async show(doc: vscode.TextDocument): Promise<void> {
    const uri = doc.uri.toString();
    let panel = this.panels.get(uri);
    if (!panel) {
      panel = vscode.window.createWebviewPanel('continuity.preview', `Print copy: ${doc.fileName.replace(/^.*[\\/]/, '')}`, vscode.ViewColumn.Beside, { enableScripts: false });
      this.panels.set(uri, panel);
      panel.onDidDispose(() => this.panels.delete(uri));
    }
    await this.refresh(uri);
  }

  async refresh(uri: string): Promise<void> {
    const panel = this.panels.get(uri);
    if (!panel) return;
    panel.webview.html = previewHtml(await this.load(uri));
  }
}
