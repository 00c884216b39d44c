/** The server side of "Print hard copy": a PDF on disk, through the print gate of print-copy.ts (desktop only: it starts Chromium). */
import { dirname, join } from 'node:path';
import { tmpdir } from 'node:os';
import type { PlanDocument } from '../../core/index.js';
import { BrowserNotFoundError, findBrowser } from '../../core/printing.js';
import { renderBatch } from '../../core/printing.js';
import { buildPrintDocument } from '../../core/printing.js';
import type { PrintParams } from '../shared/protocol.js';
import { gatePrint, printName } from './print-copy.js';

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
  const gate = gatePrint(doc, path, errors, today, request);
  if ('refused' in gate) return gate.refused as PrintResult;
  const options = gate.options;
  if (request.format !== 'pdf') return { ok: true, html: buildPrintDocument(doc, options).html };
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
  const name = printName(path);
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
