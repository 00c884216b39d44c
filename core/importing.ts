/**
 * Public entry for importing a practice's existing plan (Word, HTML, text). Kept apart so mammoth and
 * the HTML converters load only for `continuity import`.
 */
export { type ImportResult, importPlan } from './import/import-plan.js';
export { ImportError, readSource, type SourceKind } from './import/read-source.js';
