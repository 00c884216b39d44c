/**
 * Public entry for the print document without a browser: the print gate, the print HTML (the
 * editor's preview) and the print copy (one HTML file to print with Ctrl+P). No Node module, so the
 * language server in a browser Worker (vscode.dev) uses it; core/printing.ts adds the PDFs.
 */
export { decidePrint, joinProblems, type PrintDecision } from './print/print-gate.js';
export { type PrintOptions, type PrintDocument, buildPrintDocument } from './render/print-document.js';
export { printCopyHtml, type PrintCopyOptions } from './render/print-copy.js';
