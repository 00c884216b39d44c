/**
 * The language server two ways, behind one interface, so the same LSP scenarios run against both:
 * the Node server over stdio (test/helpers/lsp-client.ts), and the web bundle (server.js, built
 * from the sources as the extension's web build makes it, and run as vscode.dev runs it) in a Worker in headless Chromium, its
 * messages carried over postMessage, and its requests for files answered here from the disk as the
 * VS Code client answers them (extension/client/workspace-files.ts): files inside the workspace
 * folder only, never in .git or .env files, a link reported as a link.
 */
import { lstatSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launch, type Browser, type Page } from 'puppeteer-core';
import { spawn } from 'node:child_process';
import {
  AbstractMessageReader,
  AbstractMessageWriter,
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type DataCallback,
  type Disposable,
  type Message,
  type MessageReader,
  type MessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node.js';
import type { ReadFilesParams, ReadFilesResult, WorkspaceEntry } from '../../extension/shared/protocol.js';
import { startTestServer } from '../helpers/lsp-client.js';
import { ROOT } from '../helpers/plans.js';

export interface ScenarioServer {
  /** The desktop server reading the disk, the same reading files through the client, or the web bundle. */
  kind: 'node' | 'node-files' | 'web';
  connection: ProtocolConnection;
  published: PublishDiagnosticsParams[];
  statuses: Record<string, unknown>[];
  /** The files the server asked the client for (the web server only), as paths relative to the workspace. */
  fileRequests: string[];
  waitFor<T>(predicate: () => T | undefined, timeoutMs?: number): Promise<T>;
  /** What the server logged (stderr on Node; window/logMessage on the web). */
  log(): string;
  stop(): Promise<void>;
}

export type StartServer = (
  rootDir: string,
  initializationOptions?: Record<string, unknown>,
  capabilities?: Record<string, unknown>,
) => Promise<ScenarioServer>;

const INIT = { today: '2026-11-22', debounceMs: 50 };

export const startNodeServer: StartServer = async (rootDir, init = {}, capabilities) => {
  const s = await startTestServer(rootDir, init, capabilities ? { capabilities } : {});
  return {
    kind: 'node',
    connection: s.connection,
    published: s.published,
    statuses: s.statuses,
    fileRequests: [],
    waitFor: s.waitFor,
    log: s.stderr,
    stop: s.stop,
  };
};

/** What the editor has at `uri`, read from the disk with the VS Code client's containment. */
function entryFor(root: string, uri: string, maxBytes: number): WorkspaceEntry {
  let path: string;
  try {
    path = fileURLToPath(uri);
  } catch {
    return { type: 'missing' };
  }
  const rel = relative(root, path);
  if (rel.startsWith('..') || rel.split(sep).some((p) => p.toLowerCase() === '.git'))
    return { type: 'refused', refused: 'denied', reason: 'not given to the server' };
  if (/^\.env(?:\.|$)/i.test(path.split(sep).pop() ?? ''))
    return { type: 'refused', refused: 'denied', reason: 'not given to the server' };
  const stat = lstatSync(path, { throwIfNoEntry: false });
  if (!stat) return { type: 'missing' };
  if (stat.isSymbolicLink()) return { type: 'link' };
  if (stat.isDirectory()) return { type: 'folder' };
  if (stat.size > maxBytes) return { type: 'file', size: stat.size };
  return { type: 'file', size: stat.size, base64: readFileSync(path).toString('base64') };
}

/**
 * The client's side of a server that reads files through it: diagnostics and statuses collected,
 * file requests answered from the disk (and recorded), initialized with the workspace folder.
 */
async function asClient(
  connection: ProtocolConnection,
  rootDir: string,
  init: Record<string, unknown>,
  capabilities: Record<string, unknown>,
  failure: Promise<never>,
  failed: () => string | undefined,
): Promise<Omit<ScenarioServer, 'kind'>> {
  const published: PublishDiagnosticsParams[] = [];
  const statuses: Record<string, unknown>[] = [];
  const fileRequests: string[] = [];
  let log = '';
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => published.push(p));
  connection.onNotification('continuity/status', (p: Record<string, unknown>) => statuses.push(p));
  connection.onNotification('window/logMessage', (p: { message: string }) => (log += `${p.message}\n`));
  connection.onRequest('continuity/readFiles', (p: ReadFilesParams): ReadFilesResult => {
    for (const uri of p.uris) fileRequests.push(relative(rootDir, fileURLToPath(uri)).split(sep).join('/'));
    return { files: p.uris.map((uri) => ({ uri, ...entryFor(rootDir, uri, p.maxBytes) })) };
  });
  connection.listen();
  const rootUri = pathToFileURL(rootDir).href;
  const initialized = connection.sendRequest('initialize', {
    processId: null,
    rootUri,
    workspaceFolders: [{ uri: rootUri, name: 'plans' }],
    capabilities,
    initializationOptions: { ...INIT, rulesDocUrl: pathToFileURL(join(ROOT, 'docs', 'rules.md')).href, ...init },
  });
  await Promise.race([initialized, failure]);
  await connection.sendNotification('initialized', {});
  const waitFor = <T>(predicate: () => T | undefined, timeoutMs = 60_000) =>
    new Promise<T>((resolve, reject) => {
      const started = Date.now();
      const tick = () => {
        const v = predicate();
        if (v !== undefined && v !== false) return resolve(v);
        if (failed()) return reject(new Error(`${failed()}; log: ${log}`));
        if (Date.now() - started > timeoutMs) return reject(new Error(`timed out waiting; server log: ${log}`));
        setTimeout(tick, 10);
      };
      tick();
    });
  return {
    connection,
    published,
    statuses,
    fileRequests,
    waitFor,
    log: () => log,
    async stop() {
      await Promise.resolve()
        .then(() => connection.sendRequest('shutdown'))
        .catch(() => undefined);
      connection.dispose();
    },
  };
}

/** The desktop server as the VS Code client starts it in a virtual workspace: files through the client. */
export const startNodeServerReadingThroughClient: StartServer = async (rootDir, init = {}, capabilities = {}) => {
  const child = spawn(
    process.execPath,
    [join(ROOT, 'dist', 'extension', 'server', 'main.js'), '--stdio', '--files-from-client'],
    {
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  let exited: string | undefined;
  const failure = new Promise<never>((_, reject) =>
    child.on('exit', (code, signal) =>
      reject(new Error((exited = `the server exited (${code ?? signal}): ${stderr}`))),
    ),
  );
  failure.catch(() => undefined);
  const connection = createProtocolConnection(
    new StreamMessageReader(child.stdout),
    new StreamMessageWriter(child.stdin),
  );
  const client = await asClient(connection, rootDir, init, capabilities, failure, () => exited);
  return {
    ...client,
    kind: 'node-files',
    log: () => client.log() + stderr,
    async stop() {
      await client.stop();
      child.kill();
    },
  };
};

/** Carries JSON-RPC messages between this process and the Worker in the page. */
class WorkerReader extends AbstractMessageReader implements MessageReader {
  private callback: DataCallback | undefined;
  private readonly early: Message[] = [];
  deliver(message: Message): void {
    if (this.callback) this.callback(message);
    else this.early.push(message);
  }
  listen(callback: DataCallback): Disposable {
    this.callback = callback;
    for (const m of this.early.splice(0)) callback(m);
    return { dispose: () => (this.callback = undefined) };
  }
}

class WorkerWriter extends AbstractMessageWriter implements MessageWriter {
  private queue: Promise<unknown> = Promise.resolve();
  constructor(private readonly page: Page) {
    super();
  }
  write(message: Message): Promise<void> {
    // One after another, in order.
    const json = JSON.stringify(message);
    const sent = this.queue.then(() =>
      this.page.evaluate(
        (m) => (window as unknown as { lspWorker: Worker }).lspWorker.postMessage(JSON.parse(m)),
        json,
      ),
    );
    this.queue = sent.catch(() => undefined);
    return sent.then(() => undefined);
  }
  end(): void {}
}

export interface WebServers {
  start: StartServer;
  close(): Promise<void>;
}

/**
 * The web bundles built now from the sources (into a folder of their own, so tests running at the
 * same time never see each other's half-written files); the language server's path in there.
 */
export async function buildWebServer(): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), 'continuity-web-bundle-'));
  const { buildWebBundles } = (await import('../../extension/web-bundles.mjs')) as {
    buildWebBundles: (dir: string) => Promise<unknown>;
  };
  await buildWebBundles(out);
  return join(out, 'server.js');
}

/** One headless Chromium and a local web server for the bundle; each start() is a fresh page and Worker. */
export async function webServers(bundle: string): Promise<WebServers> {
  const http: Server = createServer((req, res) => {
    if (req.url === '/server.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(readFileSync(bundle));
    } else {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!DOCTYPE html><title>continuity worker</title>');
    }
  });
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const browser: Browser = await launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });

  const start: StartServer = async (rootDir, init = {}, capabilities = {}) => {
    const page = await browser.newPage();
    const reader = new WorkerReader();
    let failed: string | undefined;
    let failedNow: (e: Error) => void = () => undefined;
    // A Worker that dies (a script error) answers nothing: every wait ends on that instead.
    const failure = new Promise<never>((_, reject) => (failedNow = reject));
    failure.catch(() => undefined);
    await page.exposeFunction('lspFromWorker', (json: string) => reader.deliver(JSON.parse(json)));
    await page.exposeFunction('lspWorkerFailed', (message: string) => {
      failed = message;
      failedNow(new Error(`the worker failed: ${message}`));
    });
    await page.goto(`${origin}/`);
    await page.evaluate(() => {
      const w = new Worker('/server.js');
      const page = window as unknown as {
        lspWorker: Worker;
        lspFromWorker: (s: string) => void;
        lspWorkerFailed: (s: string) => void;
      };
      page.lspWorker = w;
      w.onmessage = (e) => page.lspFromWorker(JSON.stringify(e.data));
      w.onerror = (e) => page.lspWorkerFailed(e.message);
    });
    const connection = createProtocolConnection(reader, new WorkerWriter(page));
    const client = await asClient(connection, rootDir, init, capabilities, failure, () =>
      failed ? `the worker failed: ${failed}` : undefined,
    );
    return {
      ...client,
      kind: 'web',
      async stop() {
        await client.stop();
        await page.close().catch(() => undefined);
      },
    };
  };

  return {
    start,
    async close() {
      await browser.close().catch(() => undefined);
      await new Promise((r) => http.close(r));
    },
  };
}
