/**
 * Public entry for printing: the print document, the print gate, the browser and PDF batches. Kept
 * apart from core/index.ts so checking plans never loads the browser code (the CLI imports it only
 * for render, build and doctor).
 */
export { runDoctor } from './print/doctor.js';
export { BrowserNotFoundError, findBrowser } from './print/find-browser.js';
export { PlanNotPrintable, type RenderJob, type RenderOutcome, renderBatch } from './print/render-batch.js';
export * from './print-copy.js';
