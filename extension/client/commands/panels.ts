/** The commands that open a view of the plan: the print preview, the details form, the readiness view's refresh. */
import type { ClientContext } from '../client-context';

export async function previewPrint(ctx: ClientContext, target: unknown): Promise<void> {
  const doc = await ctx.focus.document(target);
  if (doc) await ctx.previews.show(doc);
}

export async function openDetails(ctx: ClientContext, target: unknown): Promise<void> {
  const doc = await ctx.focus.document(target);
  if (doc) await ctx.details.open(doc);
}

export function refreshReadiness(ctx: ClientContext): Promise<void> {
  return ctx.readiness.refresh(ctx.focus.uri());
}
