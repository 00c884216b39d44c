/**
 * The client's side of the typed protocol (../shared/protocol.ts): requests and notifications are
 * checked against the table the server also imports. The desktop's and the web's language clients
 * share this base class.
 */
import type { BaseLanguageClient } from 'vscode-languageclient';
import type { Notifications, ParamsOf, RequestMethod, ResultOf, ServerRequests } from '../shared/protocol';

export function request<M extends RequestMethod>(
  client: BaseLanguageClient,
  method: M,
  params: ParamsOf<M>,
): Promise<ResultOf<M>> {
  return client.sendRequest(method, params) as Promise<ResultOf<M>>;
}

export function onNotification<M extends keyof Notifications>(
  client: BaseLanguageClient,
  method: M,
  handler: (params: Notifications[M]) => void,
): void {
  client.onNotification(method, handler);
}

export function notify<M extends keyof Notifications>(
  client: BaseLanguageClient,
  method: M,
  params: Notifications[M],
): Promise<void> {
  return client.sendNotification(method, params);
}

/** Answer a request the server sends the client. */
export function answer<M extends keyof ServerRequests>(
  client: BaseLanguageClient,
  method: M,
  handler: (params: ServerRequests[M][0]) => Promise<ServerRequests[M][1]>,
): void {
  client.onRequest(method, handler);
}
