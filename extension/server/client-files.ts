/**
 * Files through the editor. In a browser Worker (vscode.dev, github.dev) the language server has no
 * file system: the files a check needs (continuity.config.json, the ICB's schema extension, shared
 * content, pictures for the print copy) are asked of the client, which reads them with
 * vscode.workspace.fs, so github.dev's vscode-vfs:// and every other scheme work. They are kept in
 * the memory host by path until the client's file watcher says they changed.
 *
 * Core's checks are synchronous, so they are not made to wait on the editor. Instead a cheap probe
 * (finding the configuration, following the shared content) runs against the memory host, which
 * notes each path it was asked for and did not have; those are fetched, and the probe runs again,
 * until it asks for nothing new (a chain of includes takes a round per level, so rounds are
 * bounded). The check itself then runs once, on complete files, and its result is published.
 */
import type { Connection, InitializeParams } from 'vscode-languageserver';
import {
  fromBase64,
  host,
  MemoryHost,
  RESOURCE_NAMES,
  useHost,
  type MemoryEntry,
  type ResourceName,
} from '../../core/index.js';
import type { ReadFilesParams, ReadFilesResult, WorkspaceEntry } from '../shared/protocol.js';

/** The largest file core reads (a picture for the print copy, 5 MB): larger ones are answered with their size. */
export const MAX_FETCH_BYTES = 5 * 1024 * 1024;
/** Rounds of fetching for one probe: the include depth limit (8), the config, its extension, and spare. */
const MAX_ROUNDS = 12;
/** Paths asked for at once: more wait for the next round. */
const MAX_PER_REQUEST = 200;

/** What the client answered, as the memory host keeps it; anything malformed reads as unreadable, not as a fault. */
function entryOf(answer: WorkspaceEntry | undefined): MemoryEntry {
  const unreadable = (reason: string): MemoryEntry => ({ type: 'refused', refused: 'unreadable', reason });
  if (!answer || typeof answer !== 'object') return { type: 'missing' };
  switch (answer.type) {
    case 'file': {
      if (typeof answer.size !== 'number' || !(answer.size >= 0)) return unreadable('the editor gave no size for it');
      if (answer.base64 === undefined) return { type: 'file', size: answer.size };
      try {
        return { type: 'file', size: answer.size, bytes: fromBase64(String(answer.base64)) };
      } catch {
        return unreadable('the editor gave it in a form that could not be read');
      }
    }
    case 'folder':
    case 'missing':
    case 'link':
      return { type: answer.type };
    case 'refused':
      return {
        type: 'refused',
        refused: answer.refused === 'denied' ? 'denied' : 'unreadable',
        reason: String(answer.reason).slice(0, 300),
      };
    default:
      return unreadable('the editor did not say what it is');
  }
}

/**
 * Read files through the client from now on: a memory host (holding the shipped schema and
 * template core has now) becomes core's host. For a browser Worker, and for the desktop server in a
 * virtual workspace, whose files are not on this computer.
 */
export function useClientFiles(connection: Connection): ClientFiles {
  const resources = Object.fromEntries(RESOURCE_NAMES.map((name) => [name, host().resource(name)])) as Record<
    ResourceName,
    string
  >;
  const files = new MemoryHost({ roots: [], files: {}, resources });
  useHost(files);
  return new ClientFiles(connection, files);
}

export class ClientFiles {
  private told = new Set<string>();

  constructor(
    private readonly connection: Connection,
    readonly host: MemoryHost,
  ) {}

  /**
   * The workspace folders (containment: nothing outside them is asked for; and how URIs become
   * paths), and where the rule docs are (the extension's copy, as the client can reach it).
   */
  initialize(params: InitializeParams): void {
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    this.host.setRoots(folders);
    const docs = (params.initializationOptions as { rulesDocUrl?: unknown } | undefined)?.rulesDocUrl;
    if (typeof docs === 'string' && /^[a-z][a-z0-9+.-]*:/i.test(docs)) this.host.setRulesDocUrl(docs);
  }

  /**
   * Run `probe` until it asks for no file the host does not have, fetching what it asks for between
   * rounds; `fetched` runs after each fetch (caches built on provisional answers are dropped then).
   * True when anything was fetched.
   */
  async gather(probe: () => void, fetched: () => void): Promise<boolean> {
    let any = false;
    this.host.takeWanted();
    for (let round = 0; round < MAX_ROUNDS; round++) {
      try {
        probe();
      } catch {
        // a round may fail on a file not fetched yet (a config naming an extension): the next one will not
      }
      const wanted = this.host.takeWanted();
      if (wanted.length === 0) return this.afterGathering(any);
      await this.fetch(wanted.slice(0, MAX_PER_REQUEST));
      fetched();
      any = true;
    }
    this.tellOnce(
      'rounds',
      `continuity: shared files include each other more than ${MAX_ROUNDS} levels deep; the plan is checked with the files read so far.`,
    );
    return this.afterGathering(any);
  }

  /** The client's file watcher says these URIs changed: forget them. True when any was known. */
  changed(uris: string[]): boolean {
    let known = false;
    for (const uri of uris) {
      const path = this.host.pathOfUri(uri);
      if (path !== undefined && this.host.has(path)) {
        this.host.forget(path);
        known = true;
      }
    }
    return known;
  }

  private async fetch(paths: string[]): Promise<void> {
    const params: ReadFilesParams = { uris: paths.map((p) => this.host.uriOfPath(p)), maxBytes: MAX_FETCH_BYTES };
    let result: ReadFilesResult | undefined;
    try {
      result = (await this.connection.sendRequest('continuity/readFiles', params)) as ReadFilesResult;
    } catch (e) {
      // An editor that does not answer (a Monaco page of an ICB's own): plans are checked alone.
      this.tellOnce(
        'no-files',
        `continuity: the editor did not give the files a plan refers to (${(e as Error)?.message ?? String(e)}), so continuity.config.json and shared content are not read; each plan is checked on its own.`,
      );
    }
    const files = Array.isArray(result?.files) ? result.files : [];
    // Answers come in the order asked; anything unanswered reads as missing.
    paths.forEach((path, i) => this.host.put(path, entryOf(files[i])));
  }

  private afterGathering(fetched: boolean): boolean {
    if (this.host.askedGitIgnore)
      this.tellOnce(
        'git-ignore',
        'continuity: in the browser the editor cannot ask git which files it ignores, so a shared file listed in .gitignore is not refused here as it is by the CLI and CI (which still refuse it). Files in .git and .env files are refused here too.',
      );
    return fetched;
  }

  private tellOnce(key: string, message: string): void {
    if (this.told.has(key)) return;
    this.told.add(key);
    this.connection.console.info(message);
  }
}
