/**
 * What the editor is sent for one check: each core diagnostic at LSP positions, with problems stacked
 * on one spot summarised (most urgent first, by the schema's outage priority).
 */
import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CheckResult } from '../../core/index.js';
import type { PlanDocument } from '../../core/index.js';
import { toLspDiagnostic } from './convert.js';
import { summariseStacked } from './summarise-stacked.js';

/** A section title's outage priority (the schema's x-priority), for ordering summaries. */
function outageRank(doc: PlanDocument | undefined): (title: string) => number {
  const byTitle = new Map(doc?.catalogue.sections.map((s) => [s.title, s.priority ?? 1000 + s.order]) ?? []);
  return (title) => byTitle.get(title) ?? Number.MAX_SAFE_INTEGER;
}

export function publishedDiagnostics(result: CheckResult, doc: TextDocument): LspDiagnostic[] {
  return summariseStacked(
    result.diagnostics.map((d) => toLspDiagnostic(d, doc)),
    doc,
    outageRank(result.doc),
  );
}
