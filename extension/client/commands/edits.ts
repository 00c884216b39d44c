/**
 * The commands that change the plan with an edit the server prepares, applied as one undoable step
 * and then shown: insert one missing section (from the readiness view, the light bulb or "About
 * this section"), insert every missing one, and mark the plan reviewed today.
 */
import * as vscode from 'vscode';
import type { ClientContext } from '../client-context';
import { applyEditResult } from '../apply-edit';

export async function insertSection(ctx: ClientContext, arg: unknown): Promise<boolean> {
  // From the tree's inline action the argument is the tree node; from elsewhere {uri, id}.
  const node = arg as { uri?: string; id?: string; section?: { id: string } } | undefined;
  const id = node?.section?.id ?? node?.id;
  const doc = await ctx.focus.document(arg);
  if (!doc || !id) return false;
  return applyEditResult(
    doc.uri,
    await ctx.server.request('continuity/insertSection', { uri: doc.uri.toString(), id }),
  );
}

export async function aboutMissingSection(
  ctx: ClientContext,
  arg: { uri: string; id: string; title: string; why?: string },
): Promise<void> {
  const choice = await vscode.window.showInformationMessage(
    `The plan has no '${arg.title}' section. ${arg.why ?? ''}`,
    'Insert it',
  );
  if (choice === 'Insert it') await insertSection(ctx, arg);
}

export async function insertAllMissing(ctx: ClientContext, target: unknown): Promise<boolean> {
  const doc = await ctx.focus.document(target);
  if (!doc) return false;
  return applyEditResult(doc.uri, await ctx.server.request('continuity/insertAllMissing', { uri: doc.uri.toString() }));
}

export async function markReviewed(ctx: ClientContext, target: unknown): Promise<boolean> {
  const doc = await ctx.focus.document(target);
  if (!doc) return false;
  return applyEditResult(doc.uri, await ctx.server.request('continuity/markReviewed', { uri: doc.uri.toString() }));
}
