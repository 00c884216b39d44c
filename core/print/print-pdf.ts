/**
 * Print one plan to PDF in an open browser page, in one layout pass: the PDF's own bookmarks say on
 * which page each section starts, and those numbers are then printed onto the contents page, whose
 * rows have a fixed geometry (a contents list too long for one page takes a second pass instead). Scripts are off and every request other than the document's embedded images is
 * blocked, so nothing in a plan can run or reach the network. Metadata (title, author, subject) comes
 * from the front matter, and the dates from SOURCE_DATE_EPOCH when set, so output is reproducible.
 */
import type { Page, PDFOptions } from 'puppeteer-core';
import { PDFDocument, ParseSpeeds, StandardFonts, rgb } from 'pdf-lib';
import type { PrintDocument } from '../render/print-document.js';
import { esc } from '../render/html.js';
import { PAGE_MARGINS, TOC_GEOMETRY } from '../render/styles.js';
import { readOutline } from './pdf-outline.js';

export interface PrintedPdf {
  bytes: Uint8Array;
  pages: number;
  /** Requests the document tried to make (all were blocked). */
  blocked: string[];
}

export type BuildDocument = (pages?: Record<string, number>) => PrintDocument;

function templates(doc: PrintDocument): Pick<PDFOptions, 'headerTemplate' | 'footerTemplate'> {
  const style = `font-family: Arial, 'Liberation Sans', sans-serif; font-size: 8pt; width: 100%; padding: 0 ${PAGE_MARGINS.left}; color: #000;`;
  return {
    headerTemplate: `<div style="${style} display: flex; justify-content: space-between; border-bottom: 0.5pt solid #000; margin: 0 ${PAGE_MARGINS.left}; padding: 0 0 2pt;"><span>${esc(doc.headerText)}</span></div>`,
    footerTemplate: `<div style="${style} font-size: 7.5pt; margin: 0 ${PAGE_MARGINS.left}; padding: 2pt 0 0; border-top: 0.5pt solid #000;"><b>Page <span class="pageNumber"></span> of <span class="totalPages"></span></b> &middot; ${esc(doc.footerText)}</div>`,
  };
}

/** Page numbers for the contents list: each entry's heading, found in order among the bookmarks. */
export async function tocPages(pdf: Uint8Array | PDFDocument, doc: PrintDocument): Promise<Record<string, number>> {
  const outline = await readOutline(pdf);
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
  const pages: Record<string, number> = {};
  let cursor = outline.findIndex((o) => norm(o.title) === 'contents') + 1;
  for (const entry of doc.toc) {
    const want = norm(entry.matchTitle ?? entry.title);
    const at = outline.findIndex((o, i) => i >= cursor && norm(o.title) === want);
    if (at === -1) continue;
    if (outline[at].page !== undefined) pages[entry.id] = outline[at].page!;
    cursor = at + 1;
  }
  return pages;
}

const MM = 72 / 25.4;

/** Write each contents entry's page number at the right-hand end of its row on the contents page. */
async function stampTocNumbers(pdf: PDFDocument, doc: PrintDocument, pages: Record<string, number>): Promise<void> {
  const outline = await readOutline(pdf);
  const contentsPage = outline.find((o) => o.title.trim().toLowerCase() === 'contents')?.page;
  if (!contentsPage) return;
  const page = pdf.getPage(contentsPage - 1);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const { height, width } = page.getSize();
  const size = TOC_GEOMETRY.fontSizePt;
  const right = width - parseFloat(PAGE_MARGINS.right) * MM;
  const top = height - parseFloat(PAGE_MARGINS.top) * MM - TOC_GEOMETRY.headingMm * MM;
  doc.toc.forEach((entry, i) => {
    const n = pages[entry.id];
    if (n === undefined) return;
    const text = String(n);
    const rowBottom = top - (i + 1) * TOC_GEOMETRY.rowMm * MM;
    const baseline = rowBottom + TOC_GEOMETRY.baselineFromRowBottomMm * MM + 0.2 * size;
    page.drawText(text, { x: right - font.widthOfTextAtSize(text, size), y: baseline, size, font, color: rgb(0, 0, 0) });
  });
}

/** `first`: the document `build()` makes, when the caller has built it already (to weigh it). */
export async function printPdf(page: Page, build: BuildDocument, options: { sourceDate: Date; timeoutMs: number; first?: PrintDocument }): Promise<PrintedPdf> {
  const blocked: string[] = [];
  await page.setJavaScriptEnabled(false);
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const url = request.url();
    if (url.startsWith('data:')) void request.continue();
    else {
      blocked.push(url);
      void request.abort('blockedbyclient');
    }
  });
  const print = async (doc: PrintDocument): Promise<Uint8Array> => {
    await page.setContent(doc.html, { waitUntil: 'load', timeout: options.timeoutMs });
    return page.pdf({
      format: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      ...templates(doc),
      margin: PAGE_MARGINS,
      outline: true,
      tagged: true,
      timeout: options.timeoutMs,
    });
  };
  const first = options.first ?? build();
  const bytes = await print(first);
  const load = (b: Uint8Array) => PDFDocument.load(b, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  let pdf = await load(bytes);
  let final = first;
  const pages = await tocPages(pdf, first);
  if (first.toc.length > TOC_GEOMETRY.maxRows) {
    final = build(pages);
    pdf = await load(await print(final));
  } else {
    await stampTocNumbers(pdf, first, pages);
  }
  pdf.setTitle(`${final.facts.practiceName}: ${final.facts.title}`, { showInWindowTitleBar: true });
  pdf.setAuthor([final.facts.ownerName, final.facts.practiceName].filter(Boolean).join(', '));
  pdf.setSubject(`IT outage business continuity plan, version ${final.facts.version}`);
  pdf.setKeywords(['business continuity', 'IT outage', final.facts.practiceName, final.facts.odsCode].filter(Boolean));
  pdf.setCreator('continuity render');
  pdf.setProducer('continuity render (Chromium)');
  pdf.setCreationDate(options.sourceDate);
  pdf.setModificationDate(options.sourceDate);
  pdf.setLanguage('en-GB');
  const saved = await pdf.save({ objectsPerTick: Infinity, useObjectStreams: false });
  return { bytes: saved, pages: pdf.getPageCount(), blocked };
}
