/**
 * The unified plugin at the heart of the engine: builds the PlanDocument (model + source map) from
 * the tree, validates it against the schema and reports schema problems as messages. Rules (run
 * after it as remark-lint rules) read the document from `file.data`.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import type { Diagnostic, Fix, Severity } from '../diagnostic.js';
import { LineIndex } from '../input/line-index.js';
import { buildPlanDocument } from '../model/build-model.js';
import { describeUnread } from '../parse/parse-limits.js';
import { maskNhsNumbers } from '../rules/nhs-number.js';
import { unreadReason } from '../parse/parse-markdown.js';
import type { PlanDocument } from '../model/plan-document.js';
import { buildCatalogue, type Catalogue, type JsonSchema } from '../schema/catalogue.js';
import { compileValidator } from '../validate/compile-validator.js';
import { placeSchemaErrors } from '../validate/place-errors.js';
import type { RuleSetting } from '../config/config.js';

export const MESSAGE_SOURCE = 'continuity';

export interface EngineData {
  doc?: PlanDocument;
  /** Set when the file cannot be a plan at all (empty): rules then stay quiet. */
  skip?: boolean;
  today: string;
}

export interface PlanPluginOptions {
  schemas: JsonSchema[];
  today: string;
  rules: Record<string, RuleSetting>;
}

const catalogues = new WeakMap<JsonSchema[], Catalogue>();

export function catalogueFor(schemas: JsonSchema[]): Catalogue {
  let c = catalogues.get(schemas);
  if (!c) catalogues.set(schemas, (c = buildCatalogue(schemas)));
  return c;
}

export interface EmittedFields {
  fix?: Fix;
  diagnosticSeverity?: Severity;
  diagnosticRuleId?: string;
  url?: string;
  offsets?: [number, number];
}

const markdownIndexes = new WeakMap<VFile, LineIndex | null>();

/**
 * Where a message sits in remark's terms. Our ranges count lines at LF only; remark also ends a line
 * at a lone CR (old Mac line endings), so in a file that has one, the message's line and column are
 * given remark's way, or `<!-- lint ignore -->` and friends would compare positions counted two ways.
 * The diagnostic's own range is made from the offsets, unchanged.
 */
function markdownPlace(file: VFile, range: Diagnostic['range']): Diagnostic['range'] {
  let index = markdownIndexes.get(file);
  if (index === undefined) {
    const text = String(file.value ?? '');
    index = /\r(?!\n)/.test(text) ? new LineIndex(text, { markdownLineEnds: true }) : null;
    markdownIndexes.set(file, index);
  }
  return index ? index.range(range.start.offset, range.end.offset) : range;
}

/** Attach our diagnostic fields to a vfile message so they survive the unified pipeline. */
export function emit(file: VFile, d: Omit<Diagnostic, 'severity'> & { severity?: Severity }, source = MESSAGE_SOURCE): void {
  // Every message passes here: no message may repeat a patient's NHS number (see nhs-number.ts).
  const m = file.message(maskNhsNumbers(d.message), { place: markdownPlace(file, d.range), ruleId: d.ruleId, source });
  const extra = m as unknown as EmittedFields;
  extra.url = d.url;
  extra.diagnosticRuleId = d.ruleId;
  if (d.fix) extra.fix = d.fix;
  if (d.severity) extra.diagnosticSeverity = d.severity;
  // remark-cli's reporter reads `fatal`: true is an error, false a warning, undefined info.
  if (d.severity) m.fatal = d.severity === 'error' ? true : d.severity === 'warning' ? false : undefined;
  extra.offsets = [d.range.start.offset, d.range.end.offset];
}

export function enginePlugin(options: PlanPluginOptions) {
  const catalogue = catalogueFor(options.schemas);
  const validator = compileValidator(options.schemas);
  return function (tree: Root, file: VFile): void {
    const text = String(file.value ?? '');
    const data: EngineData = { today: options.today };
    (file.data as Record<string, unknown>).continuity = data;
    const lines = new LineIndex(text);
    if (text.trim() === '') {
      data.skip = true;
      emit(file, {
        ruleId: 'empty-file',
        severity: 'error',
        message: 'This plan is empty. Start from the template: run "continuity new" or, in VS Code, "Continuity: New plan".',
        range: lines.range(0, 0),
      },
      // About the whole file, so not subject to `<!-- lint disable -->` (message control would also
      // drop it: a blank file has no node for it to sit in).
      `${MESSAGE_SOURCE}-file`);
      return;
    }
    const doc = buildPlanDocument(text, tree, lines, catalogue);
    data.doc = doc;
    // Blocks the parser's limits kept as plain text (see parse/parse-limits.ts): say so, once each.
    const unreadLevel = options.rules['unreadable-block']?.level;
    if (unreadLevel !== 'off') {
      for (const node of tree.children) {
        const reason = unreadReason(node);
        if (!reason || !node.position) continue;
        const first = lines.position(node.position.start.offset ?? 0).line;
        const last = lines.position(node.position.end.offset ?? 0).line;
        emit(
          file,
          { ruleId: 'unreadable-block', severity: unreadLevel ?? 'error', message: describeUnread(reason, first, last), range: lines.lineRange(first) },
          `${MESSAGE_SOURCE}-file`,
        );
      }
    }
    for (const d of placeSchemaErrors(doc, validator.validate(doc.model))) {
      const level = options.rules[d.ruleId]?.level;
      if (level === 'off') continue;
      emit(file, { ...d, severity: level ?? d.severity });
    }
  };
}
