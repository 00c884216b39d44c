/**
 * The open plans and what their last check found. Checks run debounced; a result is kept and
 * published only if the document is still at the version that was checked. Everything else in the
 * server (code actions, hover, readiness, printing) reads the plans from here.
 */
import type { Connection, Diagnostic as LspDiagnostic, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { checkPlan, type CheckOptions } from '../../core/index.js';
import { ConfigError } from '../../core/index.js';
import type { Diagnostic } from '../../core/index.js';
import type { PlanDocument } from '../../core/index.js';
import { daysBetween, host, isIsoDate, todayIso } from '../../core/index.js';
import { filePathOf } from './file-path.js';
import { isPlanDocument } from './plan-detection.js';
import { publishedDiagnostics } from './published-diagnostics.js';
import { readinessOf } from './readiness.js';
import { CheckScheduler } from './scheduler.js';
import { DEFAULT_SETTINGS, type Settings } from './settings.js';
import { sendNotification } from './typed-connection.js';
import type { WorkspaceConfig } from './workspace-config.js';
import type { ClientFiles } from './client-files.js';
import { gatherPlanFiles } from './plan-files.js';

export interface CheckedPlan {
  version: number;
  /** What was checked (merged with shared content, for printing). */
  doc?: PlanDocument;
  /** The plan's own text parsed alone, for anything that works at positions in the editor. */
  ownDoc: () => PlanDocument | undefined;
  /** The core diagnostics, before summarising for the editor. */
  core: Diagnostic[];
  sharedFiles?: string[];
  options: CheckOptions;
}

export class PlanChecker {
  settings: Settings = DEFAULT_SETTINGS;
  readonly parsed = new Map<string, CheckedPlan>();
  readonly published = new Map<string, LspDiagnostic[]>();
  /** With files through the client: the documents whose files have been read once (until then, no answers from a half-read plan). */
  private readonly gathered = new Set<string>();
  readonly scheduler: CheckScheduler;

  constructor(
    private readonly connection: Connection,
    readonly documents: TextDocuments<TextDocument>,
    readonly workspace: WorkspaceConfig,
    private readonly files?: ClientFiles,
  ) {
    this.scheduler = new CheckScheduler(
      () => this.settings.debounceMs,
      (uri) => (files ? void this.gatherThenCheck(files, uri) : this.check(uri)),
    );
  }

  today(): string {
    return isIsoDate(this.settings.today) ? this.settings.today : todayIso();
  }

  isPlan(doc: TextDocument): boolean {
    const path = filePathOf(doc.uri);
    const root = this.workspace.root;
    const rel = path && root ? host().path.relative(root, path) : undefined;
    return isPlanDocument(doc.getText(), rel, this.settings.planGlobs);
  }

  recheckAll(immediately = false): void {
    this.documents.all().forEach((d) => this.scheduler.schedule(d.uri, immediately));
  }

  forget(uri: string): void {
    this.scheduler.cancel(uri);
    this.parsed.delete(uri);
    this.published.delete(uri);
    this.gathered.delete(uri);
  }

  /**
   * In a browser Worker: fetch through the client the files the plan needs (its configuration and
   * shared content), then check it. A newer version that arrives meanwhile is checked by its own turn.
   */
  private async gatherThenCheck(files: ClientFiles, uri: string): Promise<void> {
    const doc = this.documents.get(uri);
    const path = filePathOf(uri);
    if (!doc) return;
    if (path && this.isPlan(doc)) {
      try {
        await gatherPlanFiles(files, this.workspace, this.settings, path, doc.getText());
      } catch (e) {
        this.connection.console.error(
          `continuity: reading the files ${uri} needs failed: ${(e as Error)?.stack ?? String(e)}`,
        );
      }
      if (this.documents.get(uri)?.version !== doc.version) return;
    }
    this.gathered.add(uri);
    this.check(uri);
  }

  /** Never throws: it runs from debounce timers, where an exception would end the server. */
  check(uri: string): void {
    try {
      this.checkNow(uri);
    } catch (e) {
      this.connection.console.error(`continuity: checking ${uri} failed: ${(e as Error)?.stack ?? String(e)}`);
    }
  }

  private checkNow(uri: string): void {
    const doc = this.documents.get(uri);
    if (!doc) return;
    const version = doc.version;
    if (!this.isPlan(doc)) {
      this.parsed.delete(uri);
      this.published.delete(uri);
      void this.connection.sendDiagnostics({ uri, version, diagnostics: [] });
      sendNotification(this.connection, 'continuity/status', { uri, isPlan: false, errors: 0, warnings: 0 });
      return;
    }
    const path = filePathOf(uri);
    let options: CheckOptions;
    let diagnostics: LspDiagnostic[];
    let core: Diagnostic[] = [];
    let planDoc: PlanDocument | undefined;
    let ownDoc: () => PlanDocument | undefined = () => planDoc;
    let sharedFiles: string[] | undefined;
    try {
      options = { config: this.workspace.configFor(path, this.settings), today: this.today(), path };
      const result = checkPlan(doc.getText(), options);
      planDoc = result.doc;
      core = result.diagnostics;
      if (result.sharedFiles) {
        sharedFiles = result.sharedFiles.map((f) => f.path);
        const text = doc.getText();
        const alone = { ...options, shared: false };
        let own: PlanDocument | undefined;
        ownDoc = () => (own ??= checkPlan(text, alone).doc);
      }
      diagnostics = publishedDiagnostics(result, doc);
      if (options.config?.schemaIgnored) {
        const message = `This workspace is not trusted, so the ICB's schema extension named in continuity.config.json (${options.config.schemaIgnored}) is not loaded: the ICB's own required sections and fields are not checked. Trust the workspace to check them.`;
        diagnostics.push({
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } },
          severity: 3,
          source: 'continuity',
          code: 'config',
          message,
        });
      }
    } catch (e) {
      // Bad continuity.config.json: say so on the first line rather than checking with the wrong rules.
      options = { today: this.today(), path };
      const message = e instanceof ConfigError ? e.message : `The plan could not be checked: ${(e as Error).message}`;
      diagnostics = [
        {
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } },
          severity: 1,
          source: 'continuity',
          code: e instanceof ConfigError ? 'config' : 'internal-error',
          message,
        },
      ];
    }
    // A newer version arrived while checking: drop this result, the newer check will publish.
    if (this.documents.get(uri)?.version !== version) return;
    const entry: CheckedPlan = { version, doc: planDoc, ownDoc, core, sharedFiles, options };
    this.parsed.set(uri, entry);
    this.published.set(uri, diagnostics);
    void this.connection.sendDiagnostics({ uri, version, diagnostics });
    const next = planDoc?.model.frontMatter.next_review;
    const own = planDoc ? (sharedFiles ? ownDoc() : planDoc) : undefined;
    const readiness = own ? readinessOf(uri, own, core, undefined, planDoc) : undefined;
    sendNotification(this.connection, 'continuity/status', {
      uri,
      isPlan: true,
      errors: core.filter((d) => d.severity === 'error').length || diagnostics.filter((d) => d.severity === 1).length,
      warnings: core.filter((d) => d.severity === 'warning').length,
      reviewInDays: isIsoDate(next) ? daysBetween(this.today(), next) : undefined,
      ...(readiness ? { sectionsComplete: readiness.complete, sectionsTotal: readiness.total } : {}),
    });
  }

  /** The plan at the document's current version (checking now if the debounce has not run). */
  current(uri: string): (CheckedPlan & { text: TextDocument }) | undefined {
    const doc = this.documents.get(uri);
    // Files not read yet: a check now would publish the plan as if its shared content were missing.
    if (!doc || (this.files && !this.gathered.has(uri))) return undefined;
    const hit = this.parsed.get(uri);
    if (hit && hit.version === doc.version) return { text: doc, ...hit };
    this.scheduler.cancel(uri);
    this.check(uri);
    const fresh = this.parsed.get(uri);
    return fresh && fresh.version === doc.version ? { text: doc, ...fresh } : undefined;
  }
}
