/**
 * The command table: every command the extension contributes (extension/package.json), and the
 * module that runs it. A test checks the table and the manifest name the same commands.
 */
import { revealRange } from '../apply-edit';
import type { Command } from '../client-context';
import { aboutMissingSection, insertAllMissing, insertSection, markReviewed } from './edits';
import { newPlan } from './new-plan';
import { openDetails, previewPrint, refreshReadiness } from './panels';
import { printPdf } from './print-pdf';
import { activationTime, readinessState, statusBarText } from './probes';
import { savePrintCopy } from './save-print-copy';

export const COMMANDS: Record<string, Command> = {
  'continuity.newPlan': newPlan,
  'continuity.printPdf': (ctx, target?: unknown) => printPdf(ctx, target, false),
  'continuity.printDraft': (ctx, target?: unknown) => printPdf(ctx, target, true),
  'continuity.savePrintCopy': savePrintCopy,
  'continuity.previewPrint': previewPrint,
  'continuity.openDetails': openDetails,
  'continuity.insertAllMissing': insertAllMissing,
  'continuity.insertSection': insertSection,
  'continuity.aboutMissingSection': aboutMissingSection,
  'continuity.markReviewed': markReviewed,
  'continuity.refreshReadiness': refreshReadiness,
  'continuity.revealRange': (_ctx, uri: string, range: Parameters<typeof revealRange>[1]) => revealRange(uri, range),
  'continuity.readinessState': readinessState,
  'continuity.statusText': statusBarText,
  'continuity.activationTime': activationTime,
};
