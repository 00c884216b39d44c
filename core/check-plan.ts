/**
 * checkPlan: text (or bytes) in, diagnostics (and the parsed plan) out. Never throws for anything a
 * plan can contain: content problems are diagnostics.
 */
import { unified, type Processor } from 'unified';
import { VFile } from 'vfile';
import type { Root } from 'mdast';
import { compareDiagnostics, type Diagnostic } from './diagnostic.js';
import { defaultConfig, type ResolvedConfig } from './config/config.js';
import { checkPlugins } from './engine/processor.js';
import { findingOf, type EngineData } from './engine/plan-plugin.js';
import { decideSeverity, configuredLevel, severityOfFatal } from './engine/severity.js';
import { decodePlanBytes, isDecodeProblem } from './input/decode-text.js';
import { LineIndex } from './input/line-index.js';
import type { PlanDocument } from './model/plan-document.js';
import { parseMarkdown } from './parse/parse-markdown.js';
import { ruleDocsUrl } from './rules/docs-url.js';
import { todayIso } from './dates/dates.js';
import { catalogueFor } from './engine/plan-plugin.js';
import { expandPlan, type SharedFileUse } from './shared/expand-plan.js';
import { mapMergedDiagnostics, SHARED_CONTENT_RULE } from './shared/map-diagnostics.js';
import { mayReferToSharedContent } from './shared/scan-lines.js';
import { host } from './host/host.js';

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
    p = unified()
      .use(checkPlugins({ schemas: config.schemas, today, rules: config.rules }))
      .freeze() as unknown as Processor<Root, Root, Root>;
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
    return {
      diagnostics: [
        {
          ruleId: 'internal-error',
          severity: 'error',
          message,
          range: { start: zero, end: zero },
          url: ruleDocsUrl('internal-error'),
        },
      ],
      text,
    };
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
    const finding = findingOf(m);
    if (finding) return finding;
    // A message another plugin added (not through our engine): keep it, at the start of the file.
    const ruleId = m.ruleId ?? 'internal-error';
    return {
      ruleId,
      severity: severityOfFatal(m.fatal),
      message: m.reason,
      range: lines.range(0, 0),
      url: ruleDocsUrl(ruleId),
    };
  });
  if (expansion) {
    diagnostics = mapMergedDiagnostics(diagnostics, expansion, host().path.resolve(options.path!)).flatMap((d) => {
      // Shared-content problems are found outside the engine; their severity is decided by the same rule.
      if (d.ruleId !== SHARED_CONTENT_RULE) return [d];
      const severity = decideSeverity(configuredLevel(config.rules, d.ruleId), 'error', d.severity);
      return severity ? [{ ...d, severity }] : [];
    });
  }
  // An ICB that publishes its own copy of the rule docs links there, from every finding alike.
  if (config.docsUrl) diagnostics = diagnostics.map((d) => ({ ...d, url: ruleDocsUrl(d.ruleId, config.docsUrl) }));
  diagnostics.sort(compareDiagnostics);
  return { diagnostics, doc: data?.doc, text, ...(expansion ? { sharedFiles: expansion.files } : {}) };
}

export function checkPlanBytes(bytes: Uint8Array, options: CheckOptions = {}): CheckResult {
  const decoded = decodePlanBytes(bytes);
  if (isDecodeProblem(decoded)) {
    const zero = { line: 1, column: 1, offset: 0 };
    return {
      diagnostics: [
        {
          ruleId: 'unreadable-file',
          severity: 'error',
          message: decoded.message,
          range: { start: zero, end: zero },
          url: ruleDocsUrl('unreadable-file'),
        },
      ],
    };
  }
  const result = checkPlan(decoded.text, options);
  return { ...result, hadBom: decoded.hadBom };
}
