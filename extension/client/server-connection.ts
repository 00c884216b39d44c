/**
 * The language server, as the rest of the client sees it: started once, a tick after activation
 * (so VS Code is not held up while the server loads the schema), then asked through `request`.
 * Which server (a Node process on the desktop, a Worker on the web) is the platform's choice.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';
import type { Notifications, ParamsOf, RequestMethod, ResultOf } from '../shared/protocol';
import { clientOptions, settings } from './client-options';
import { answer, notify, onNotification, request } from './typed-client';
import { readWorkspaceFiles } from './workspace-files';

/** What differs between the desktop and the web: how the server is started, and what it is told. */
export interface Platform {
  isWeb: boolean;
  initializationOptions(context: vscode.ExtensionContext): Record<string, unknown>;
  createClient(context: vscode.ExtensionContext, options: LanguageClientOptions): Promise<BaseLanguageClient>;
}

export class ServerConnection {
  private client: BaseLanguageClient | undefined;
  private readonly ready: Promise<BaseLanguageClient>;
  /** Listeners registered before the client existed, attached when it is made. */
  private readonly pending: ((client: BaseLanguageClient) => void)[] = [];
  /** Milliseconds from `since` until the server answered initialize. */
  readyMs = -1;

  constructor(context: vscode.ExtensionContext, platform: Platform, since: number) {
    this.ready = new Promise<void>((resolve) => setTimeout(resolve, 0))
      .then(() => platform.createClient(context, clientOptions(platform.initializationOptions(context))))
      .then(async (client) => {
        this.client = client;
        answer(client, 'continuity/readFiles', readWorkspaceFiles);
        for (const attach of this.pending.splice(0)) attach(client);
        await client.start();
        this.readyMs = Date.now() - since;
        return client;
      });
    this.ready.catch((e) =>
      vscode.window.showErrorMessage(
        `The continuity plan checks could not start: ${(e as Error)?.message ?? String(e)}. Reload the window to try again.`,
      ),
    );
  }

  async request<M extends RequestMethod>(method: M, params: ParamsOf<M>): Promise<ResultOf<M>> {
    return request(await this.ready, method, params);
  }

  /** Listen to a notification from the server (registered before it starts, so none is missed). */
  on<M extends keyof Notifications>(method: M, listener: (params: Notifications[M]) => void): void {
    if (this.client) onNotification(this.client, method, listener);
    else this.pending.push((client) => onNotification(client, method, listener));
  }

  notify<M extends keyof Notifications>(method: M, params: Notifications[M]): void {
    if (this.client) void notify(this.client, method, params);
  }

  /** The settings changed: the server pulls them, or is sent them when it cannot. */
  settingsChanged(): void {
    void this.client?.sendNotification('workspace/didChangeConfiguration', { settings: { continuity: settings() } });
  }

  whenReady(): Promise<unknown> {
    return this.ready;
  }

  /** Stops the server (from deactivate, which VS Code waits on). */
  async dispose(): Promise<void> {
    await this.client?.stop();
  }
}
