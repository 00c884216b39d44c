/**
 * The unified plugin at the heart of the engine: builds the PlanDocument (model + source map) from
 * the tree, validates it against the schema and reports schema problems as messages. Rules (run
 * after it as remark-lint rules) read the document from `file.data`.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
type VFileMessage = VFile['messages'][number];
import type { Diagnostic, Severity } from '../diagnostic.js';
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
import { ruleDocsUrl } from '../rules/docs-url.js';
import { configuredLevel, decideSeverity, fatalOf } from './severity.js';

export const MESSAGE_SOURCE = 'continuity';

export interface EngineData {
  doc?: PlanDocument;
  /** Set when the file cannot be a plan at all (empty): rules then stay quiet. */
  skip?: boolean;
  today: string;
  /** The configured rule settings, read by the rules' plugins to decide severity (see severity.ts). */
  rules: Readonly<Record<string, RuleSetting>>;
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

/**
 * The diagnostic behind each message, typed, kept beside the message rather than on untyped extra
 * fields of it (remark's message control drops messages; the ones left are looked up here).
 */
const findings = new WeakMap<VFileMessage, Diagnostic>();

/** The diagnostic `emit` recorded for a message, if it came from our engine. */
export function findingOf(message: VFileMessage): Diagnostic | undefined {
  return findings.get(message);
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

/**
 * Report a diagnostic (its severity already decided) as a vfile message, so remark's message control
 * and remark-cli see it, and record the diagnostic itself for `findingOf`.
 */
export function emit(file: VFile, d: Diagnostic, source = MESSAGE_SOURCE): void {
  // Every message passes here: no message may repeat a patient's NHS number (see nhs-number.ts).
  const message = maskNhsNumbers(d.message);
  const m = file.message(message, { place: markdownPlace(file, d.range), ruleId: d.ruleId, source });
  m.fatal = fatalOf(d.severity);
  const finding: Diagnostic = {
    ruleId: d.ruleId,
    severity: d.severity,
    message,
    range: d.range,
    url: d.url ?? ruleDocsUrl(d.ruleId),
  };
  if (d.fix) finding.fix = d.fix;
  if (d.alternatives) finding.alternatives = d.alternatives;
  findings.set(m, finding);
}

/**
 * Run last: unified-lint-rule stamps every message of a rule with the rule's configured `fatal`,
 * which would lose a report's own severity for remark-cli. Put back the decided one.
 */
export function restoreFatal() {
  return function (_tree: Root, file: VFile): void {
    for (const m of file.messages) {
      const finding = findings.get(m);
      if (finding) m.fatal = fatalOf(finding.severity);
    }
  };
}

/** Emit a finding at the severity `severity.ts` decides, or not at all when its rule is off. */
function emitDecided(
  file: VFile,
  rules: Readonly<Record<string, RuleSetting>>,
  d: Omit<Diagnostic, 'severity'> & { severity: Severity },
  source?: string,
): void {
  const severity = decideSeverity(configuredLevel(rules, d.ruleId), d.severity);
  if (severity) emit(file, { ...d, severity }, source);
}

export function enginePlugin(options: PlanPluginOptions) {
  const catalogue = catalogueFor(options.schemas);
  const validator = compileValidator(options.schemas);
  return function (tree: Root, file: VFile): void {
    const text = String(file.value ?? '');
    const data: EngineData = { today: options.today, rules: options.rules };
    (file.data as Record<string, unknown>).continuity = data;
    const lines = new LineIndex(text);
    if (text.trim() === '') {
      data.skip = true;
      emitDecided(
        file,
        options.rules,
        {
          ruleId: 'empty-file',
          severity: 'error',
          message:
            'This plan is empty. Start from the template: run "continuity new" or, in VS Code, "Continuity: New plan".',
          range: lines.range(0, 0),
        },
        // About the whole file, so not subject to `<!-- lint disable -->` (message control would also
        // drop it: a blank file has no node for it to sit in).
        `${MESSAGE_SOURCE}-file`,
      );
      return;
    }
    const doc = buildPlanDocument(text, tree, lines, catalogue);
    data.doc = doc;
    // Blocks the parser's limits kept as plain text (see parse/parse-limits.ts): say so, once each.
    for (const node of tree.children) {
      const reason = unreadReason(node);
      if (!reason || !node.position) continue;
      const first = lines.position(node.position.start.offset ?? 0).line;
      const last = lines.position(node.position.end.offset ?? 0).line;
      emitDecided(
        file,
        options.rules,
        {
          ruleId: 'unreadable-block',
          severity: 'error',
          message: describeUnread(reason, first, last),
          range: lines.lineRange(first),
        },
        `${MESSAGE_SOURCE}-file`,
      );
    }
    // placeSchemaErrors gives each finding the schema's default severity; the configuration may change it.
    for (const d of placeSchemaErrors(doc, validator.validate(doc.model))) emitDecided(file, options.rules, d);
  };
}
