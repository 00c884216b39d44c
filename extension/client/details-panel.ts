/**
 * The plan details form as a webview beside the plan. The form is built in the page from the schema
 * (media/details-form.js); each change goes to the server, which edits the YAML in place, and the
 * extension applies that edit to the document (so undo, save and the text view stay the source of
 * truth). The page has a strict Content-Security-Policy: its own script and style files only, no
 * network, so it works offline and in untrusted workspaces.
 */
import * as vscode from 'vscode';
import type { DetailsFormResult, EditResult, SetDetailParams } from '../shared/protocol';
import { applyEditResult } from './apply-edit';

export interface DetailsBackend {
  form(uri: string): Promise<DetailsFormResult>;
  set(params: SetDetailParams): Promise<EditResult>;
}

export class DetailsPanels {
  private readonly panels = new Map<string, vscode.WebviewPanel>();

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly backend: DetailsBackend,
  ) {}

  has(uri: string): boolean {
    return this.panels.has(uri);
  }

  /** The document URI of the active details panel, if one has focus. */
  activeUri(): string | undefined {
    for (const [uri, p] of this.panels) if (p.active) return uri;
    return undefined;
  }

  async open(doc: vscode.TextDocument): Promise<vscode.WebviewPanel> {
    const uri = doc.uri.toString();
    let panel = this.panels.get(uri);
    if (panel) {
      panel.reveal(vscode.ViewColumn.Beside);
    } else {
      const media = vscode.Uri.joinPath(this.extensionUri, 'media');
      panel = vscode.window.createWebviewPanel(
        'continuity.details',
        `Plan details: ${doc.fileName.replace(/^.*[\\/]/, '')}`,
        vscode.ViewColumn.Beside,
        {
          enableScripts: true,
          localResourceRoots: [media],
          retainContextWhenHidden: false,
        },
      );
      this.panels.set(uri, panel);
      panel.onDidDispose(() => this.panels.delete(uri));
      panel.webview.html = this.html(panel.webview, media);
      const p = panel;
      panel.webview.onDidReceiveMessage(async (m: { type?: string; path?: unknown; op?: unknown; value?: unknown }) => {
        if (m?.type === 'ready') return this.refresh(uri);
        if (m?.type !== 'change') return;
        const result = await this.backend.set({
          uri,
          path: m.path as SetDetailParams['path'],
          op: m.op as SetDetailParams['op'],
          value: m.value,
        });
        if (!result.ok) {
          void p.webview.postMessage({ type: 'state', message: result.message });
          return;
        }
        await applyEditResult(doc.uri, { ...result, reveal: undefined });
      });
    }
    return panel;
  }

  /** Send the current values and problems (after every check of the plan). */
  async refresh(uri: string): Promise<void> {
    const panel = this.panels.get(uri);
    if (!panel) return;
    const form = await this.backend.form(uri);
    void panel.webview.postMessage({
      type: 'state',
      schema: form.schema,
      values: form.values ?? {},
      problems: form.problems ?? {},
      message: form.ok ? '' : form.message,
    });
  }

  private html(webview: vscode.Webview, media: vscode.Uri): string {
    const nonce = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
    const script = webview.asWebviewUri(vscode.Uri.joinPath(media, 'details-form.js'));
    const style = webview.asWebviewUri(vscode.Uri.joinPath(media, 'details-form.css'));
    const csp = `default-src 'none'; style-src ${webview.cspSource}; script-src 'nonce-${nonce}'; img-src ${webview.cspSource}; font-src ${webview.cspSource}`;
    return `<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${style}">
<title>Plan details</title></head>
<body>
<h1>Plan details</h1>
<p class="intro">These are the details at the top of your plan (its front matter). Changes here are written into the plan straight away; use Undo in the plan to take one back. Fields marked * are required.</p>
<p id="message" role="status"></p>
<form id="form" autocomplete="off"></form>
<script nonce="${nonce}" src="${script}"></script>
</body></html>`;
  }
}
