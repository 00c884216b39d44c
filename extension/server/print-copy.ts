/**
 * The print gate and the print HTML for the editor, without a browser: the preview (always shown,
 * stamped as it would print) and the print copy (one HTML file to print with Ctrl+P, refused or
 * stamped DRAFT exactly as the PDF is). The desktop's PDF (print.ts) passes the same gate. In a
 * browser Worker, pictures the plan shows are fetched through the client first.
 */
import type { PlanDocument } from '../../core/index.js';
import { host } from '../../core/index.js';
import {
  buildPrintDocument,
  decidePrint,
  joinProblems,
  printCopyHtml,
  type PrintOptions,
} from '../../core/print-copy.js';
import type { PrintParams, PrintResult } from '../shared/protocol.js';
import type { ClientFiles } from './client-files.js';

/** Through the gate, the print options; else the refusal, worded for the editor. */
export function gatePrint(
  doc: PlanDocument,
  path: string | undefined,
  errors: number,
  today: string,
  request: PrintParams,
): { options: PrintOptions } | { refused: PrintResult } {
  const folder = path ? host().path.dirname(path) : undefined;
  // The preview always shows the copy as it would print, stamped; a PDF and a print copy can be refused.
  const decision = decidePrint({ doc, errors, allowErrors: request.allowErrors === true || request.format === 'html' });
  if (!decision.print) {
    return {
      refused: {
        ok: false,
        message: `The plan ${joinProblems(decision.problems)}. Fix them (see the Problems panel) before printing, or print a copy stamped DRAFT.`,
      },
    };
  }
  return {
    options: {
      revision: 'editor copy',
      printedDate: today,
      stamp: decision.stamp,
      images: { root: folder, base: folder },
    },
  };
}

/** The plan's file name without its extension, for the print copy's name ("riverside.md" -> "riverside"). */
export function printName(path: string | undefined): string {
  return (path ? path.replace(/^.*[\\/]/, '') : 'plan.md').replace(/\.(md|markdown)$/i, '') || 'plan';
}

export async function printHtml(
  doc: PlanDocument,
  path: string | undefined,
  errors: number,
  today: string,
  request: PrintParams,
  files?: ClientFiles,
): Promise<PrintResult> {
  const gate = gatePrint(doc, path, errors, today, request);
  if ('refused' in gate) return gate.refused;
  const build = () => buildPrintDocument(doc, gate.options);
  if (files) await files.gather(build, () => undefined);
  const printed = build();
  if (request.format === 'html') return { ok: true, html: printed.html };
  const planName = path ? path.replace(/^.*[\\/]/, '') : 'the plan';
  return { ok: true, html: printCopyHtml(printed, { planName }), fileName: `${printName(path)}.html` };
}
