/**
 * The language server: the core engine behind LSP, for VS Code and any other editor. This module
 * only wires the pieces together: the open plans and their checks (plan-checker.ts), configuration
 * (workspace-config.ts, settings.ts), and one module per feature (code actions, completion, hover,
 * readiness, edits the client applies, printing). Custom requests are typed in ../shared/protocol.ts.
 */
import {
  CodeActionKind,
  TextDocumentSyncKind,
  TextDocuments,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { daysBetween, isIsoDate } from '../../core/index.js';
import { codeActionsFor, INSERT_ALL_COMMAND, NO_CLIENT_COMMANDS, type ClientCommands } from './code-actions.js';
import { resolveInsertAll } from './insert-all-action.js';
import { REVEAL_COMMAND } from './changed-range.js';
import { completionsAt } from './completion.js';
import { detailsFormOf, setDetail } from './details-form.js';
import { filePathOf } from './file-path.js';
import { hoverAt } from './hover.js';
import { insertAllMissing, insertSection } from './insert-sections.js';
import { markReviewed } from './mark-reviewed.js';
import { newPlan } from './new-plan.js';
import { PlanChecker } from './plan-checker.js';
import { printHtml } from './print-copy.js';
import type { printPlan } from './print.js';
import type { ClientFiles } from './client-files.js';
import { readinessOf } from './readiness.js';
import { DEFAULT_SETTINGS, readSettings } from './settings.js';
import { onNotification, onRequest } from './typed-connection.js';
import { WorkspaceConfig } from './workspace-config.js';
import type { PrintParams, PrintResult } from '../shared/protocol.js';

export { readSettings, type Settings } from './settings.js';
export { filePathOf } from './file-path.js';
export type { StatusParams } from '../shared/protocol.js';

const NOT_A_PLAN = 'This file is not a continuity plan, or it could not be read.';
const NO_PDF_HERE =
  'A PDF cannot be printed here: printing one needs Chrome or Edge started on this computer and a folder on it for the PDF, and a browser tab (or a plan in a virtual workspace) has neither. Use Save print copy, then open the saved file and print it with Ctrl+P; the official printed copies are the PDFs your ICB publishes.';

/** What differs between the desktop (Node) server and the one in a browser Worker. */
export interface ServerOptions {
  /** Prints a PDF with Chromium; absent where files are not on this computer (a browser Worker, a virtual workspace). */
  printPdf?: typeof printPlan;
  /** Files read through the client (a browser Worker has no file system); absent: from the disk. */
  files?: ClientFiles;
}

/**
 * What the client needs to word the outcome: a refused plan (not a missing browser or a failed
 * render) can be printed as a DRAFT, and a PDF of a plan with errors is one.
 */
function withDraftOffer(result: PrintResult, request: PrintParams, errors: number): PrintResult {
  if (!result.ok)
    return {
      ...result,
      ...(!result.noBrowser && !request.allowErrors && /DRAFT/.test(result.message) ? { canPrintDraft: true } : {}),
    };
  return { ...result, ...(request.format !== 'html' && errors > 0 ? { draft: true } : {}) };
}

export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const documents = new TextDocuments(TextDocument);
  const workspace = new WorkspaceConfig();
  const plans = new PlanChecker(connection, documents, workspace, options.files);
  let canPullSettings = false;
  /**
   * The settings from initializationOptions: what pulled settings are read over, field by field. A
   * client that answers the settings request with null for a section it has no settings for (Neovim,
   * with settings only in init_options) then keeps the init_options rather than the defaults.
   */
  let initialSettings = DEFAULT_SETTINGS;
  let clientCommands: ClientCommands = NO_CLIENT_COMMANDS;

  /** The client's settings; when it cannot give them, the ones we have are kept. */
  async function pullSettings(): Promise<void> {
    if (!canPullSettings) return;
    let s: unknown;
    try {
      s = await connection.workspace.getConfiguration('continuity');
    } catch (e) {
      connection.console.warn(
        `continuity: could not read the editor's settings (${(e as Error)?.message ?? String(e)}); keeping the current ones.`,
      );
      return;
    }
    plans.settings = readSettings(s, initialSettings);
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    options.files?.initialize(params);
    const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
    workspace.root = folder ? filePathOf(folder) : undefined;
    canPullSettings = !!params.capabilities.workspace?.configuration;
    if (params.initializationOptions) plans.settings = readSettings(params.initializationOptions, plans.settings);
    initialSettings = plans.settings;
    // Workspace trust, from the editor (VS Code sends it; other editors are trusted). Untrusted: an ICB
    // schema extension named in continuity.config.json is not loaded.
    const init = params.initializationOptions as { trusted?: unknown; clientCommands?: unknown } | undefined;
    if (init?.trusted === false) workspace.setTrusted(false);
    // Code actions carry a follow-up command only for a client that runs it (the VS Code extension).
    const known = Array.isArray(init?.clientCommands) ? init.clientCommands : [];
    clientCommands = {
      reveal: known.includes(REVEAL_COMMAND),
      insertAll: known.includes(INSERT_ALL_COMMAND),
      resolve: !!params.capabilities.textDocument?.codeAction?.resolveSupport?.properties?.includes('edit'),
    };
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        codeActionProvider: {
          codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll],
          resolveProvider: true,
        },
        completionProvider: { triggerCharacters: [':', ' ', '#', '|'] },
        hoverProvider: true,
      },
      serverInfo: { name: 'continuity-language-server' },
    };
  });
  connection.onInitialized(() => void pullSettings().then(() => plans.recheckAll(true)));
  connection.onDidChangeConfiguration(async (change) => {
    const pushed = (change?.settings as { continuity?: unknown } | null | undefined)?.continuity;
    if (pushed && !canPullSettings) plans.settings = readSettings(pushed, plans.settings);
    await pullSettings();
    workspace.reload();
    plans.recheckAll(true);
  });
  onNotification(connection, 'continuity/trust', (p) => {
    workspace.setTrusted(p?.trusted === true);
    plans.recheckAll(true);
  });
  connection.onDidChangeWatchedFiles((params) => {
    options.files?.changed(params.changes.map((c) => c.uri));
    const changed = params.changes.map((c) => filePathOf(c.uri)).filter((p): p is string => !!p);
    if (changed.length === 0 || changed.some((p) => !/\.md$/i.test(p))) {
      // continuity.config.json or a schema extension changed: reload and re-check every plan.
      workspace.reload();
      plans.recheckAll();
      return;
    }
    // A shared content file changed on disk: re-check the open plans that take content from it.
    for (const [uri, entry] of plans.parsed)
      if (entry.sharedFiles?.some((f) => changed.includes(f))) plans.scheduler.schedule(uri);
  });

  documents.onDidOpen((e) => plans.scheduler.schedule(e.document.uri, true));
  documents.onDidChangeContent((e) => plans.scheduler.schedule(e.document.uri));
  documents.onDidClose((e) => {
    plans.forget(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onCodeAction((params) => {
    const now = plans.current(params.textDocument.uri);
    if (!now) return [];
    return codeActionsFor(
      params,
      now.text,
      now.options,
      plans.published.get(params.textDocument.uri) ?? [],
      clientCommands,
    );
  });
  connection.onCodeActionResolve((action) => resolveInsertAll(action, (uri) => plans.current(uri)));
  connection.onCompletion((params) => {
    const now = plans.current(params.textDocument.uri);
    const doc = now?.ownDoc();
    if (!now || !doc) return [];
    return completionsAt(doc, params.position, now.text.offsetAt(params.position));
  });
  connection.onHover((params) => {
    const now = plans.current(params.textDocument.uri);
    const doc = now?.ownDoc();
    if (!now || !doc) return null;
    return hoverAt(doc, now.text.offsetAt(params.position), params.position) ?? null;
  });

  onRequest(connection, 'continuity/newPlan', (p) => newPlan(p, plans.today()));
  onRequest(connection, 'continuity/print', async (p) => {
    const now = plans.current(p.uri);
    if (!now?.doc) return { ok: false, message: NOT_A_PLAN };
    const errors = now.core.filter((d) => d.severity === 'error').length;
    const path = filePathOf(p.uri);
    if (p.format !== 'pdf')
      return withDraftOffer(await printHtml(now.doc, path, errors, plans.today(), p, options.files), p, errors);
    if (!options.printPdf) return { ok: false, message: NO_PDF_HERE };
    return withDraftOffer(await options.printPdf(now.doc, path, errors, plans.today(), p), p, errors);
  });
  onRequest(connection, 'continuity/readiness', (p) => {
    const now = plans.current(p.uri);
    const doc = now?.ownDoc();
    if (!now || !doc)
      return {
        uri: p.uri,
        isPlan: false,
        sections: [],
        complete: 0,
        total: 0,
        doFirst: [],
        errors: 0,
        warnings: 0,
        detailsProblems: 0,
      };
    const next = doc.model.frontMatter.next_review;
    return readinessOf(p.uri, doc, now.core, isIsoDate(next) ? daysBetween(plans.today(), next) : undefined, now.doc);
  });
  onRequest(connection, 'continuity/insertSection', (p) => {
    const now = plans.current(p.uri);
    const doc = now?.ownDoc();
    return now && doc ? insertSection(doc, p.id, now.options) : { ok: false, message: NOT_A_PLAN };
  });
  onRequest(connection, 'continuity/insertAllMissing', (p) => {
    const now = plans.current(p.uri);
    return now ? insertAllMissing(now.text, now.options) : { ok: false, message: NOT_A_PLAN };
  });
  onRequest(connection, 'continuity/markReviewed', (p) => {
    const doc = plans.current(p.uri)?.ownDoc();
    return doc ? markReviewed(doc, plans.today()) : { ok: false, message: NOT_A_PLAN };
  });
  onRequest(connection, 'continuity/detailsForm', (p) => {
    const now = plans.current(p.uri);
    const doc = now?.ownDoc();
    return now && doc ? detailsFormOf(doc, now.core, now.version) : { ok: false, message: NOT_A_PLAN };
  });
  onRequest(connection, 'continuity/setDetail', (p) => {
    const doc = plans.current(p.uri)?.ownDoc();
    return doc ? setDetail(doc, p) : { ok: false, message: NOT_A_PLAN };
  });

  documents.listen(connection);
  connection.onShutdown(() => plans.scheduler.dispose());
  connection.listen();
}
