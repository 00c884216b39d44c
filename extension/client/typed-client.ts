/**
 * The client's side of the typed protocol (../shared/protocol.ts): requests and notifications are
 * checked against the table the server also imports.
 */
import type { LanguageClient } from 'vscode-languageclient/node';
import type { Notifications, ParamsOf, RequestMethod, ResultOf } from '../shared/protocol';

export function request<M extends RequestMethod>(
  client: LanguageClient,
  method: M,
  params: ParamsOf<M>,
): Promise<ResultOf<M>> {
  return client.sendRequest(method, params) as Promise<ResultOf<M>>;
}

export function onNotification<M extends keyof Notifications>(
  client: LanguageClient,
  method: M,
  handler: (params: Notifications[M]) => void,
): void {
  client.onNotification(method, handler);
}

export function notify<M extends keyof Notifications>(
  client: LanguageClient,
  method: M,
  params: Notifications[M],
): Promise<void> {
  return client.sendNotification(method, params);
}
