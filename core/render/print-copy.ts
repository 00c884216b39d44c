/**
 * The print copy: the print document as one self-contained HTML file that a person opens in Edge or
 * Chrome and prints with Ctrl+P, for where no PDF can be made (a browser tab cannot start Chromium:
 * vscode.dev, github.dev). The same document as the PDF's (emergency page first, cover, sections,
 * action cards, paper forms, the DRAFT stamp on every page), with the PDF's running header and
 * footer as CSS page-margin boxes (Chromium 131+, so Edge and Chrome print them), and a note on
 * screen, never printed, saying how to print it and that the official copies are CI's PDFs.
 */
import type { PrintDocument } from './print-document.js';
import { esc } from './html.js';

/** A CSS string literal of `text`: quotes, backslashes and line ends escaped, and `<` too (it sits in a <style>). */
function cssString(text: string): string {
  return `"${text.replace(/[\\"<\n\r]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}

function pageMarginCss(doc: PrintDocument): string {
  const box = 'font-family: Arial, "Liberation Sans", sans-serif; color: #000;';
  return `
@page {
  @top-left { content: ${cssString(doc.headerText)}; ${box} font-size: 8pt; vertical-align: bottom; border-bottom: 0.5pt solid #000; padding-bottom: 2pt; }
  @bottom-left { content: "Page " counter(page) " of " counter(pages) " \\00b7  " ${cssString(doc.footerText)}; ${box} font-size: 7.5pt; vertical-align: top; border-top: 0.5pt solid #000; padding-top: 2pt; }
}
.print-copy-note { display: none; }
@media screen {
  .print-copy-note { display: block; position: sticky; top: 0; z-index: 20; background: #fff4ce; border: 1px solid #b06000; padding: 8px 12px; margin: 0 0 12mm; font: 12pt Arial, sans-serif; }
}`;
}

export interface PrintCopyOptions {
  /** The plan's file name, for the note. */
  planName: string;
}

export function printCopyHtml(doc: PrintDocument, options: PrintCopyOptions): string {
  const note = `<div class="print-copy-note" role="note"><b>Print copy of ${esc(options.planName)}.</b> Print it with Ctrl+P on A4 paper (margins: Default; the page header and footer are part of the copy). It was saved from the editor: the official printed copies are the PDFs your ICB's checks publish.</div>`;
  return doc.html
    .replace('</style>', () => `${pageMarginCss(doc)}</style>`)
    .replace('<body>\n', () => `<body>\n${note}\n`);
}
