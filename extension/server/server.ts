/**
 * The language server: the core engine behind LSP, for VS Code and any other editor. Plan files only;
 * debounced checks with stale results dropped; quick fixes, completion and hover from the schema;
 * a status summary for the client's status bar; the print document for previews and PDFs.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { relative } from 'node:path';
import {
  CodeActionKind,
  TextDocumentSyncKind,
  TextDocuments,
  type Connection,
  type Diagnostic as LspDiagnostic,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { checkPlan, type CheckOptions } from '../../core/check-plan.js';
import { ConfigError, RULE_LEVELS, type ResolvedConfig, type RuleLevel } from '../../core/config/config.js';
import { ConfigResolver } from '../../core/config/config-resolver.js';
import type { PlanDocument } from '../../core/model/plan-document.js';
import { daysBetween, isIsoDate, todayIso } from '../../core/rules/dates.js';
import { newPlanText, NewPlanError, planFileName, validateOdsCode } from '../../core/new-plan.js';
import { codeActionsFor } from './code-actions.js';
import { completionsAt } from './completion.js';
import { toLspDiagnostic } from './convert.js';
import { hoverAt } from './hover.js';
import { isPlanDocument } from './plan-detection.js';
import { globProblem } from '../../core/config/glob-bounds.js';
import { CheckScheduler } from './scheduler.js';
import { printPlan, type PrintRequest, type PrintResult } from './print.js';

export interface Settings {
  /** Rule levels that override continuity.config.json, e.g. {"placeholder": "off"}. */
  rules: Record<string, RuleLevel>;
  /** Globs (relative to the workspace) of plan files without the front-matter marker. */
  planGlobs: string[];
  debounceMs: number;
  /** YYYY-MM-DD; for tests and demonstrations. Empty: today in the UK. */
  today: string;
}

const DEFAULT_SETTINGS: Settings = { rules: {}, planGlobs: [], debounceMs: 200, today: '' };

/**
 * Settings from the client (initialization options, pushed or pulled configuration), field by field:
 * a value of the wrong type is ignored and the one from `base` kept, so a client's odd settings never
 * stop checking.
 */
export function readSettings(raw: unknown, base: Settings): Settings {
  const s = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  let rules = base.rules;
  if (s.rules && typeof s.rules === 'object' && !Array.isArray(s.rules)) {
    rules = Object.fromEntries(Object.entries(s.rules).filter(([, level]) => (RULE_LEVELS as unknown[]).includes(level))) as Record<string, RuleLevel>;
  }
  // Workspace settings are untrusted: a glob past the bounds (see glob-bounds.ts) is left out.
  const planGlobs = Array.isArray(s.planGlobs) ? s.planGlobs.filter((g): g is string => typeof g === 'string' && g !== '' && globProblem(g) === undefined).slice(0, 100) : base.planGlobs;
  const debounceMs = typeof s.debounceMs === 'number' && Number.isFinite(s.debounceMs) && s.debounceMs >= 0 ? Math.min(s.debounceMs, 10_000) : base.debounceMs;
  const today = typeof s.today === 'string' ? s.today : base.today;
  return { rules, planGlobs, debounceMs, today };
}

/** The file a URI names, when it names one on this machine (not `file://host/...` or an encoded '/'). */
export function filePathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export interface StatusParams {
  uri: string;
  isPlan: boolean;
  errors: number;
  warnings: number;
  /** Days until the next review (negative when overdue), when the plan has a date. */
  reviewInDays?: number;
}

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  let settings: Settings = DEFAULT_SETTINGS;
  let workspaceRoot: string | undefined;
  let canPullSettings = false;
  // Workspace trust, from the editor (VS Code sends it; other editors are trusted). Untrusted: an ICB
  // schema extension named in continuity.config.json is not loaded.
  let trusted = true;
  const newResolver = () => new ConfigResolver(undefined, { schemaExtensions: trusted });
  let resolver = newResolver();
  const published = new Map<string, LspDiagnostic[]>();
  /**
   * Per open plan: `doc` is what was checked (merged with shared content, for printing and the status
   * bar); `editDoc` is the plan's own text parsed alone, for hover and completion at the cursor, made
   * on first use when the two differ.
   */
  const parsed = new Map<string, { version: number; doc?: PlanDocument; editDoc?: () => PlanDocument | undefined; sharedFiles?: string[]; options: CheckOptions }>();

  const pathOf = (uri: string) => filePathOf(uri);
  const today = () => (isIsoDate(settings.today) ? settings.today : todayIso());

  function configFor(uri: string): ResolvedConfig {
    const path = pathOf(uri);
    const base = path ? resolver.forFile(path) : resolver.forFile(`${workspaceRoot ?? process.cwd()}/untitled.md`);
    const overrides = Object.entries(settings.rules);
    if (overrides.length === 0) return base;
    const rules = { ...base.rules };
    for (const [id, level] of overrides) rules[id] = { level, options: rules[id]?.options ?? {} };
    return { ...base, rules, hash: `${base.hash}+${JSON.stringify(settings.rules)}` };
  }

  function isPlan(doc: TextDocument): boolean {
    const path = pathOf(doc.uri);
    const rel = path && workspaceRoot ? relative(workspaceRoot, path) : undefined;
    return isPlanDocument(doc.getText(), rel, settings.planGlobs);
  }

  /** Never throws: it runs from debounce timers, where an exception would end the server. */
  function check(uri: string): void {
    try {
      checkNow(uri);
    } catch (e) {
      connection.console.error(`continuity: checking ${uri} failed: ${(e as Error)?.stack ?? String(e)}`);
    }
  }

  function checkNow(uri: string): void {
    const doc = documents.get(uri);
    if (!doc) return;
    const version = doc.version;
    if (!isPlan(doc)) {
      parsed.delete(uri);
      published.delete(uri);
      void connection.sendDiagnostics({ uri, version, diagnostics: [] });
      void connection.sendNotification('continuity/status', { uri, isPlan: false, errors: 0, warnings: 0 } satisfies StatusParams);
      return;
    }
    let options: CheckOptions;
    let diagnostics: LspDiagnostic[];
    let planDoc: PlanDocument | undefined;
    let editDoc: (() => PlanDocument | undefined) | undefined;
    let sharedFiles: string[] | undefined;
    try {
      options = { config: configFor(uri), today: today(), path: pathOf(uri) };
      const result = checkPlan(doc.getText(), options);
      planDoc = result.doc;
      if (result.sharedFiles) {
        sharedFiles = result.sharedFiles.map((f) => f.path);
        const text = doc.getText();
        const alone = { ...options, shared: false };
        let own: PlanDocument | undefined;
        editDoc = () => (own ??= checkPlan(text, alone).doc);
      }
      diagnostics = result.diagnostics.map((d) => toLspDiagnostic(d, doc));
      if (options.config?.schemaIgnored) {
        const message = `This workspace is not trusted, so the ICB's schema extension named in continuity.config.json (${options.config.schemaIgnored}) is not loaded: the ICB's own required sections and fields are not checked. Trust the workspace to check them.`;
        diagnostics.push({ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } }, severity: 3, source: 'continuity', code: 'config', message });
      }
    } catch (e) {
      // Bad continuity.config.json: say so on the first line rather than checking with the wrong rules.
      options = { today: today(), path: pathOf(uri) };
      const message = e instanceof ConfigError ? e.message : `The plan could not be checked: ${(e as Error).message}`;
      diagnostics = [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } }, severity: 1, source: 'continuity', code: e instanceof ConfigError ? 'config' : 'internal-error', message }];
    }
    // A newer version arrived while checking: drop this result, the newer check will publish.
    if (documents.get(uri)?.version !== version) return;
    parsed.set(uri, { version, doc: planDoc, editDoc, sharedFiles, options });
    published.set(uri, diagnostics);
    void connection.sendDiagnostics({ uri, version, diagnostics });
    const next = planDoc?.model.frontMatter.next_review;
    void connection.sendNotification('continuity/status', {
      uri,
      isPlan: true,
      errors: diagnostics.filter((d) => d.severity === 1).length,
      warnings: diagnostics.filter((d) => d.severity === 2).length,
      reviewInDays: isIsoDate(next) ? daysBetween(today(), next) : undefined,
    } satisfies StatusParams);
  }

  const scheduler = new CheckScheduler(() => settings.debounceMs, check);

  /** The parsed plan at the document's current version (checking now if the debounce has not run). */
  function current(uri: string) {
    const doc = documents.get(uri);
    if (!doc) return undefined;
    const hit = parsed.get(uri);
    if (hit && hit.version === doc.version) return { text: doc, ...hit };
    scheduler.cancel(uri);
    check(uri);
    const fresh = parsed.get(uri);
    return fresh && fresh.version === doc.version ? { text: doc, ...fresh } : undefined;
  }

  /** The client's settings; when it cannot give them, the ones we have are kept. */
  async function pullSettings(): Promise<void> {
    if (!canPullSettings) return;
    let s: unknown;
    try {
      s = await connection.workspace.getConfiguration('continuity');
    } catch (e) {
      connection.console.warn(`continuity: could not read the editor's settings (${(e as Error)?.message ?? String(e)}); keeping the current ones.`);
      return;
    }
    settings = readSettings(s, DEFAULT_SETTINGS);
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
    workspaceRoot = folder ? pathOf(folder) : undefined;
    canPullSettings = !!params.capabilities.workspace?.configuration;
    if (params.initializationOptions) settings = readSettings(params.initializationOptions, settings);
    if ((params.initializationOptions as { trusted?: unknown } | undefined)?.trusted === false) {
      trusted = false;
      resolver = newResolver();
    }
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll] },
        completionProvider: { triggerCharacters: [':', ' ', '#', '|'] },
        hoverProvider: true,
      },
      serverInfo: { name: 'continuity-language-server' },
    };
  });
  connection.onInitialized(() => void pullSettings().then(() => documents.all().forEach((d) => scheduler.schedule(d.uri, true))));
  connection.onDidChangeConfiguration(async (change) => {
    const pushed = (change?.settings as { continuity?: unknown } | null | undefined)?.continuity;
    if (pushed && !canPullSettings) settings = readSettings(pushed, settings);
    await pullSettings();
    resolver = newResolver();
    documents.all().forEach((d) => scheduler.schedule(d.uri, true));
  });
  connection.onNotification('continuity/trust', (p: { trusted?: unknown }) => {
    trusted = p?.trusted === true;
    resolver = newResolver();
    documents.all().forEach((d) => scheduler.schedule(d.uri, true));
  });
  connection.onDidChangeWatchedFiles((params) => {
    const changed = params.changes.map((c) => pathOf(c.uri)).filter((p): p is string => !!p);
    if (changed.length === 0 || changed.some((p) => !/\.md$/i.test(p))) {
      // continuity.config.json or a schema extension changed: reload and re-check every plan.
      resolver = newResolver();
      documents.all().forEach((d) => scheduler.schedule(d.uri));
      return;
    }
    // A shared content file changed on disk: re-check the open plans that take content from it.
    for (const [uri, entry] of parsed) if (entry.sharedFiles?.some((f) => changed.includes(f))) scheduler.schedule(uri);
  });

  documents.onDidOpen((e) => scheduler.schedule(e.document.uri, true));
  documents.onDidChangeContent((e) => scheduler.schedule(e.document.uri));
  documents.onDidClose((e) => {
    scheduler.cancel(e.document.uri);
    parsed.delete(e.document.uri);
    published.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onCodeAction((params) => {
    const now = current(params.textDocument.uri);
    if (!now) return [];
    return codeActionsFor(params, now.text, now.options, published.get(params.textDocument.uri) ?? []);
  });
  connection.onCompletion((params) => {
    const now = current(params.textDocument.uri);
    const doc = now?.editDoc ? now.editDoc() : now?.doc;
    if (!now || !doc) return [];
    return completionsAt(doc, params.position, now.text.offsetAt(params.position));
  });
  connection.onHover((params) => {
    const now = current(params.textDocument.uri);
    const doc = now?.editDoc ? now.editDoc() : now?.doc;
    if (!now || !doc) return null;
    return hoverAt(doc, now.text.offsetAt(params.position), params.position) ?? null;
  });

  connection.onRequest('continuity/newPlan', (p: { name: string; ods: string }) => {
    const problem = validateOdsCode(p.ods);
    if (problem) return { error: problem };
    try {
      return { text: newPlanText({ practiceName: p.name, odsCode: p.ods, today: today() }), fileName: planFileName(p.name) };
    } catch (e) {
      return { error: e instanceof NewPlanError ? e.message : String(e) };
    }
  });
  connection.onRequest('continuity/print', async (p: PrintRequest): Promise<PrintResult> => {
    const now = current(p.uri);
    if (!now?.doc) return { ok: false, message: 'This file is not a continuity plan, or it could not be read.' };
    const errors = (published.get(p.uri) ?? []).filter((d) => d.severity === 1).length;
    return printPlan(now.doc, pathOf(p.uri), errors, today(), p);
  });

  documents.listen(connection);
  connection.onShutdown(() => scheduler.dispose());
  connection.listen();
}

export { pathToFileURL };
