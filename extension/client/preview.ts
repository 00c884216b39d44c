/**
 * The print preview: the print document as the PDF will show it, DRAFT stamp included, with every
 * {{placeholder}} highlighted so the gaps stand out. Static HTML, no scripts.
 */
import * as vscode from 'vscode';
import type { PrintResult } from '../shared/protocol';
import { previewHtml } from './preview-html';

export class Previews {
  private readonly panels = new Map<string, vscode.WebviewPanel>();

  constructor(private readonly load: (uri: string) => Promise<PrintResult>) {}

  has(uri: string): boolean {
    return this.panels.has(uri);
  }

  /** The document shown in the focused preview, so Print works while the preview has focus. */
  activeUri(): string | undefined {
    for (const [uri, p] of this.panels) if (p.active) return uri;
    return undefined;
  }

  async show(doc: vscode.TextDocument): Promise<void> {
    const uri = doc.uri.toString();
    let panel = this.panels.get(uri);
    if (!panel) {
      panel = vscode.window.createWebviewPanel(
        'continuity.preview',
        `Print copy: ${doc.fileName.replace(/^.*[\\/]/, '')}`,
        vscode.ViewColumn.Beside,
        { enableScripts: false },
      );
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
