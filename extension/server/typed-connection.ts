/**
 * The server's side of the typed protocol (../shared/protocol.ts): handlers and notifications are
 * checked against the one table both sides import, so a renamed field fails the build, not a user.
 */
import type { Connection } from 'vscode-languageserver';
import type { Notifications, ParamsOf, RequestMethod, ResultOf } from '../shared/protocol.js';

export function onRequest<M extends RequestMethod>(
  connection: Connection,
  method: M,
  handler: (params: ParamsOf<M>) => ResultOf<M> | Promise<ResultOf<M>>,
): void {
  connection.onRequest(method, (params: ParamsOf<M>) => handler(params));
}

export function onNotification<M extends keyof Notifications>(
  connection: Connection,
  method: M,
  handler: (params: Notifications[M]) => void,
): void {
  connection.onNotification(method, (params: Notifications[M]) => handler(params));
}

export function sendNotification<M extends keyof Notifications>(
  connection: Connection,
  method: M,
  params: Notifications[M],
): void {
  void connection.sendNotification(method, params);
}
