/** The server side of "Print hard copy" and "Preview print copy": print HTML, or a PDF on disk. */
import { dirname, join } from 'node:path';
import { tmpdir } from 'node:os';
import type { PlanDocument } from '../../core/model/plan-document.js';
import { BrowserNotFoundError, findBrowser } from '../../core/print/find-browser.js';
import { renderBatch } from '../../core/print/render-batch.js';
import { buildPrintDocument, type PrintOptions } from '../../core/render/print-document.js';

import type { PrintParams, PrintResult } from '../shared/protocol.js';

export type { PrintResult };
export type PrintRequest = PrintParams;

export async function printPlan(doc: PlanDocument, path: string | undefined, errors: number, today: string, request: PrintRequest): Promise<PrintResult> {
  const folder = path ? dirname(path) : undefined;
  const options: PrintOptions = { revision: 'editor copy', printedDate: today, draftErrors: errors || undefined, images: { root: folder, base: folder } };
  if (request.format === 'html') return { ok: true, html: buildPrintDocument(doc, options).html };
  if (errors > 0 && !request.allowErrors) {
    return { ok: false, canPrintDraft: true, message: `The plan has ${errors} ${errors === 1 ? 'error' : 'errors'}. Fix them (see the Problems panel) before printing, or print a copy stamped DRAFT on every page for discussion.` };
  }
  let browserPath: string;
  try {
    browserPath = findBrowser({ explicitPath: request.browserPath || undefined, explicitSource: 'continuity.browserPath setting' }).path;
  } catch (e) {
    if (e instanceof BrowserNotFoundError) return { ok: false, message: e.message, noBrowser: true };
    throw e;
  }
  const name = (path ? path.replace(/^.*[\\/]/, '') : 'plan.md').replace(/\.(md|markdown)$/i, '');
  const outFile = request.outFile ?? join(folder ?? tmpdir(), 'print', `${name}.pdf`);
  const [outcome] = await renderBatch([{ name, outFile, build: (pages) => buildPrintDocument(doc, { ...options, pages }) }], { browserPath, concurrency: 1, sourceDate: new Date(`${today}T00:00:00Z`) });
  if (outcome.ok) return { ok: true, pdfPath: outFile, pages: outcome.pages, ...(errors > 0 ? { draft: true } : {}) };
  // a browser that is there but does not start: the same remedies as a missing one (another path, or the preview)
  return { ok: false, message: `The PDF could not be printed: ${outcome.error}`, ...(outcome.noBrowser ? { noBrowser: true } : {}) };
}
