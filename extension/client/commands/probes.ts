/** For tests and screen readers: what the readiness view and the status bar say, and how long activation took. */
import type { ReadinessResult } from '../../shared/protocol';
import type { ClientContext } from '../client-context';

export function readinessState(ctx: ClientContext): ReadinessResult | undefined {
  return ctx.readiness.current;
}

export function statusBarText(ctx: ClientContext): { uri?: string; known: string[]; text?: string } {
  return ctx.focus.statusBar();
}

export async function activationTime(
  ctx: ClientContext,
): Promise<{ activationMs: number; activateOnlyMs: number; serverReadyMs: number; isWeb: boolean }> {
  await ctx.server.whenReady();
  return {
    activationMs: ctx.activation.ms,
    activateOnlyMs: ctx.activation.ownMs,
    serverReadyMs: ctx.server.readyMs,
    isWeb: ctx.isWeb,
  };
}
