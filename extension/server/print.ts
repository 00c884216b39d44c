/** The server side of "Print hard copy" and "Preview print copy": print HTML, or a PDF on disk. */
import { dirname, join } from 'node:path';
import { tmpdir } from 'node:os';
import type { PlanDocument } from '../../core/index.js';
import { BrowserNotFoundError, findBrowser } from '../../core/printing.js';
import { renderBatch } from '../../core/printing.js';
import { decidePrint, joinProblems } from '../../core/printing.js';
import { buildPrintDocument, type PrintOptions } from '../../core/printing.js';
import type { PrintParams } from '../shared/protocol.js';

/** What the client asks to print: the protocol's request, typed once in ../shared/protocol.ts. */
export type PrintRequest = PrintParams;

export type PrintResult =
  { ok: true; html?: string; pdfPath?: string; pages?: number } | { ok: false; message: string; noBrowser?: boolean };

export async function printPlan(
  doc: PlanDocument,
  path: string | undefined,
  errors: number,
  today: string,
  request: PrintRequest,
): Promise<PrintResult> {
  const folder = path ? dirname(path) : undefined;
  // The preview always shows the copy as it would print, stamped; only the PDF can be refused.
  const decision = decidePrint({ doc, errors, allowErrors: request.allowErrors === true || request.format === 'html' });
  if (!decision.print) {
    return {
      ok: false,
      message: `The plan ${joinProblems(decision.problems)}. Fix them (see the Problems panel) before printing, or print a copy stamped DRAFT.`,
    };
  }
  const options: PrintOptions = {
    revision: 'editor copy',
    printedDate: today,
    stamp: decision.stamp,
    images: { root: folder, base: folder },
  };
  if (request.format === 'html') return { ok: true, html: buildPrintDocument(doc, options).html };
  let browserPath: string;
  try {
    browserPath = findBrowser({
      explicitPath: request.browserPath || undefined,
      explicitSource: 'continuity.browserPath setting',
    }).path;
  } catch (e) {
    if (e instanceof BrowserNotFoundError) return { ok: false, message: e.message, noBrowser: true };
    throw e;
  }
  const name = (path ? path.replace(/^.*[\\/]/, '') : 'plan.md').replace(/\.(md|markdown)$/i, '');
  const outFile = request.outFile ?? join(folder ?? tmpdir(), 'print', `${name}.pdf`);
  const [outcome] = await renderBatch(
    [{ name, outFile, build: (pages) => buildPrintDocument(doc, { ...options, pages }) }],
    { browserPath, concurrency: 1, sourceDate: new Date(`${today}T00:00:00Z`) },
  );
  if (outcome.ok) return { ok: true, pdfPath: outFile, pages: outcome.pages };
  // a browser that is there but does not start: the same remedies as a missing one (another path, or the preview)
  return {
    ok: false,
    message: `The PDF could not be printed: ${outcome.error}`,
    ...(outcome.noBrowser ? { noBrowser: true } : {}),
  };
}
