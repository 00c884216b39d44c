/** What every command is given: the server, the focused plan, and the views and panels it may open. */
import type * as vscode from 'vscode';
import type { DetailsPanels } from './details-panel';
import type { FocusedPlan } from './focused-plan';
import type { Previews } from './preview';
import type { ReadinessView } from './readiness-view';
import type { ServerConnection } from './server-connection';

export interface ClientContext {
  readonly extension: vscode.ExtensionContext;
  /** In vscode.dev or github.dev (the web worker extension host): no PDF, a print copy instead. */
  readonly isWeb: boolean;
  readonly server: ServerConnection;
  readonly focus: FocusedPlan;
  readonly previews: Previews;
  readonly details: DetailsPanels;
  readonly readiness: ReadinessView;
  /** Milliseconds from loading the extension to activate() returning, and within activate(). */
  readonly activation: { ms: number; ownMs: number };
}

/** A command: its handler gets the context, then the arguments VS Code (or a caller) passes. */
export type Command = (ctx: ClientContext, ...args: any[]) => unknown;
