/**
 * checkPlan: text (or bytes) in, diagnostics (and the parsed plan) out. Never throws for anything a
 * plan can contain: content problems are diagnostics.
 */
import { resolve } from 'node:path';
import { unified, type Processor } from 'unified';
import { VFile } from 'vfile';
import type { Root } from 'mdast';
import { compareDiagnostics, type Diagnostic, type Fix, type Severity } from './diagnostic.js';
import { defaultConfig, type ResolvedConfig } from './config/config.js';
import { checkPlugins } from './engine/processor.js';
import type { EmittedFields, EngineData } from './engine/plan-plugin.js';
import { decodePlanBytes, isDecodeProblem } from './input/decode-text.js';
import { LineIndex } from './input/line-index.js';
import type { PlanDocument } from './model/plan-document.js';
import { parseMarkdown } from './parse/parse-markdown.js';
import { ruleDocsUrl } from './rules/docs-url.js';
import { todayIso } from './rules/dates.js';
import { catalogueFor } from './engine/plan-plugin.js';
import { expandPlan, type SharedFileUse } from './shared/expand-plan.js';
import { mapMergedDiagnostics } from './shared/map-diagnostics.js';
import { mayReferToSharedContent } from './shared/scan-lines.js';

export interface CheckOptions {
  config?: ResolvedConfig;
  /** YYYY-MM-DD; defaults to today in the UK. */
  today?: string;
  /** Path shown in messages and used by remark's message control; shared content is found from it. */
  path?: string;
  /** Merge the shared content the plan refers to (default true when `path` is given). */
  shared?: boolean;
}

export interface CheckResult {
  diagnostics: Diagnostic[];
  /** The parsed plan, when the file could be read. */
  doc?: PlanDocument;
  /** The text checked (after decoding), when the file could be read. */
  text?: string;
  hadBom?: boolean;
  /**
   * The shared files the plan depends on, when it refers to any. `doc` is then the merged plan (its
   * offsets are not the plan's own); the diagnostics are already mapped back to where the words are.
   */
  sharedFiles?: SharedFileUse[];
}

const processors = new Map<string, Processor<Root, Root, Root>>();

function processorFor(config: ResolvedConfig, today: string): Processor<Root, Root, Root> {
  const key = `${config.hash}|${today}`;
  let p = processors.get(key);
  if (!p) {
    p = unified().use(checkPlugins({ schemas: config.schemas, today, rules: config.rules })).freeze() as unknown as Processor<Root, Root, Root>;
    processors.set(key, p);
    if (processors.size > 10) processors.delete(processors.keys().next().value as string);
  }
  return p;
}

export function checkPlan(text: string, options: CheckOptions = {}): CheckResult {
  try {
    return runChecks(text, options);
  } catch (e) {
    // Content problems are diagnostics, never crashes: whatever went wrong, the caller gets an answer.
    const zero = { line: 1, column: 1, offset: 0 };
    const message = `The plan could not be checked (${(e as Error)?.message ?? String(e)}). This is a fault in the tools, not necessarily in the plan: please report it with the plan attached.`;
    return { diagnostics: [{ ruleId: 'internal-error', severity: 'error', message, range: { start: zero, end: zero }, url: ruleDocsUrl('internal-error') }], text };
  }
}

function runChecks(text: string, options: CheckOptions): CheckResult {
  const config = options.config ?? defaultConfig();
  const today = options.today ?? todayIso();
  const expansion =
    options.path && options.shared !== false && mayReferToSharedContent(text)
      ? expandPlan(text, options.path, { catalogue: catalogueFor(config.schemas) })
      : undefined;
  const checked = expansion?.merged.text ?? text;
  const file = new VFile({ value: checked, path: options.path });
  const tree = parseMarkdown(checked);
  processorFor(config, today).runSync(tree, file);
  const data = (file.data as Record<string, unknown>).continuity as EngineData | undefined;
  const lines = data?.doc?.lines ?? new LineIndex(checked);
  let diagnostics: Diagnostic[] = file.messages.map((m) => {
    const extra = m as unknown as EmittedFields;
    const ruleId = extra.diagnosticRuleId ?? m.ruleId ?? 'internal-error';
    const [start, end] = extra.offsets ?? [0, 0];
    const severity: Severity = extra.diagnosticSeverity ?? (m.fatal ? 'error' : m.fatal === false ? 'warning' : 'info');
    const d: Diagnostic = { ruleId, severity, message: m.reason, range: lines.range(start, end), url: config.docsUrl ? ruleDocsUrl(ruleId, config.docsUrl) : (extra.url ?? ruleDocsUrl(ruleId)) };
    if (extra.fix) d.fix = extra.fix as Fix;
    return d;
  });
  if (expansion) diagnostics = mapMergedDiagnostics(diagnostics, expansion, resolve(options.path!));
  diagnostics.sort(compareDiagnostics);
  return { diagnostics, doc: data?.doc, text, ...(expansion ? { sharedFiles: expansion.files } : {}) };
}

export function checkPlanBytes(bytes: Uint8Array, options: CheckOptions = {}): CheckResult {
  const decoded = decodePlanBytes(bytes);
  if (isDecodeProblem(decoded)) {
    const zero = { line: 1, column: 1, offset: 0 };
    return {
      diagnostics: [{ ruleId: 'unreadable-file', severity: 'error', message: decoded.message, range: { start: zero, end: zero }, url: ruleDocsUrl('unreadable-file') }],
    };
  }
  const result = checkPlan(decoded.text, options);
  return { ...result, hadBom: decoded.hadBom };
}
