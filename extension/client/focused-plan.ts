/**
 * The plan the user is working on, and the status bar that shows it: one owner for both, so the
 * commands, the status bar and the readiness view never disagree about which plan is meant.
 *
 * The plan is the active editor's; when a preview, the details form or a walkthrough has focus, it
 * is the plan behind that panel, else the last plan shown, the readiness view's, or a plan open in
 * any editor group.
 */
import * as vscode from 'vscode';
import type { StatusParams } from '../shared/protocol';
import { statusIcon, statusText } from './status-text';

/** A webview panel kind that shows one plan (the preview, the details form). */
export interface PlanPanels {
  activeUri(): string | undefined;
}

export class FocusedPlan implements vscode.Disposable {
  private readonly statuses = new Map<string, StatusParams>();
  private readonly item = vscode.window.createStatusBarItem('continuity.status', vscode.StatusBarAlignment.Left, 50);
  private last: string | undefined;

  constructor(
    private readonly panels: PlanPanels[],
    private readonly readinessUri: () => string | undefined,
  ) {
    this.item.name = 'Continuity plan';
    this.item.command = 'continuity.readiness.focus';
    this.item.tooltip = 'Continuity plan: click to see how ready it is';
  }

  private panelUri(): string | undefined {
    for (const p of this.panels) {
      const uri = p.activeUri();
      if (uri) return uri;
    }
    return undefined;
  }

  private isPlan(uri: string | undefined): uri is string {
    return !!uri && !!this.statuses.get(uri)?.isPlan;
  }

  /** The URI of the plan the user is working on, if there is one. */
  uri(): string | undefined {
    const editor = vscode.window.activeTextEditor?.document.uri.toString();
    if (this.isPlan(editor)) return editor;
    // A walkthrough or another view has focus: the plan open in any editor group.
    const visible = vscode.window.visibleTextEditors.map((e) => e.document.uri.toString()).find((u) => this.isPlan(u));
    return this.panelUri() ?? this.last ?? this.readinessUri() ?? visible;
  }

  /**
   * The document a command acts on: the one it was given (a Uri, a URI string, or a tree node or
   * object with `uri`), else the focused plan, else the active editor's; undefined (and said) when none.
   */
  async document(arg: unknown): Promise<vscode.TextDocument | undefined> {
    let uri: string | undefined;
    if (arg instanceof vscode.Uri) uri = arg.toString();
    else if (typeof arg === 'string') uri = arg;
    else if (arg && typeof arg === 'object' && typeof (arg as { uri?: unknown }).uri === 'string')
      uri = (arg as { uri: string }).uri;
    uri ??= this.uri() ?? vscode.window.activeTextEditor?.document.uri.toString();
    if (!uri) {
      void vscode.window.showWarningMessage('Open a continuity plan first.');
      return undefined;
    }
    return vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
  }

  /** A check's result arrived. */
  update(status: StatusParams): void {
    this.statuses.set(status.uri, status);
    this.show();
  }

  /** Show the focused plan's status (the active editor's, or the plan behind a focused panel). */
  show(): void {
    const editor = vscode.window.activeTextEditor?.document.uri.toString();
    const uri = editor ?? this.panelUri();
    const status = uri ? this.statuses.get(uri) : undefined;
    if (status?.isPlan) {
      this.last = status.uri;
      this.item.text = `${statusIcon(status)} ${statusText(status)}`;
      this.item.show();
    } else if (editor) {
      this.item.hide();
    }
    void vscode.commands.executeCommand('setContext', 'continuity.activePlan', !!(editor && status?.isPlan));
  }

  /** What the status bar says for the active editor (for tests and screen readers). */
  statusBar(): { uri?: string; known: string[]; text?: string } {
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    return { uri, known: [...this.statuses.keys()], text: this.isPlan(uri) ? this.item.text : undefined };
  }

  dispose(): void {
    this.item.dispose();
  }
}
