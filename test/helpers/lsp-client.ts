// A minimal LSP client over stdio for tests: starts the real server binary, speaks JSON-RPC.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node.js';
import { ROOT } from './plans.js';

export interface TestServer {
  connection: ProtocolConnection;
  process: ChildProcess;
  /** Every publishDiagnostics received, in order. */
  published: PublishDiagnosticsParams[];
  statuses: Record<string, unknown>[];
  /** Everything the server wrote to stderr so far. */
  stderr(): string;
  /** The server's exit code or signal, once it has exited. */
  exited(): { code: number | null; signal: NodeJS.Signals | null } | undefined;
  waitFor<T>(predicate: () => T | undefined, timeoutMs?: number): Promise<T>;
  stop(): Promise<void>;
}

export interface TestServerOptions {
  /** Client capabilities sent with initialize (default: none). */
  capabilities?: Record<string, unknown>;
  /** Called before initialize, to register client-side handlers (e.g. workspace/configuration). */
  beforeInitialize?: (connection: ProtocolConnection) => void;
  /** Options for node before the server's script (e.g. a test-only preload; see heap-probe.ts). */
  nodeArgs?: string[];
  /** Open an IPC channel to the server process besides stdio (for a test-only preload to answer on). */
  ipc?: boolean;
}

export async function startTestServer(
  rootDir: string,
  initializationOptions: Record<string, unknown> = {},
  options: TestServerOptions = {},
): Promise<TestServer> {
  const serverArgs = [join(ROOT, 'dist', 'extension', 'server', 'main.js'), '--stdio'];
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), ...serverArgs], {
    stdio: options.ipc ? ['pipe', 'pipe', 'pipe', 'ipc'] : ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  child.stderr!.on('data', (d) => (stderr += d));
  child.on('exit', (code, signal) => (exit = { code, signal }));
  const connection = createProtocolConnection(
    new StreamMessageReader(child.stdout!),
    new StreamMessageWriter(child.stdin!),
  );
  const published: PublishDiagnosticsParams[] = [];
  const statuses: Record<string, unknown>[] = [];
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => published.push(p));
  connection.onNotification('continuity/status', (p: Record<string, unknown>) => statuses.push(p));
  options.beforeInitialize?.(connection);
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(rootDir).href,
    workspaceFolders: [{ uri: pathToFileURL(rootDir).href, name: 'plans' }],
    capabilities: options.capabilities ?? {},
    initializationOptions: { today: '2026-11-22', debounceMs: 50, ...initializationOptions },
  });
  await connection.sendNotification('initialized', {});
  // The bound is a safety net for a loaded machine; the wait ends on the event itself.
  const waitFor = <T>(predicate: () => T | undefined, timeoutMs = 60_000) =>
    new Promise<T>((resolve, reject) => {
      const started = Date.now();
      const tick = () => {
        const v = predicate();
        if (v !== undefined && v !== false) return resolve(v);
        if (exit) return reject(new Error(`the server exited (${exit.code ?? exit.signal}); stderr: ${stderr}`));
        if (Date.now() - started > timeoutMs) return reject(new Error(`timed out waiting; server stderr: ${stderr}`));
        setTimeout(tick, 10);
      };
      tick();
    });
  return {
    connection,
    process: child,
    published,
    statuses,
    stderr: () => stderr,
    exited: () => exit,
    waitFor,
    async stop() {
      // sendRequest throws at once (rather than rejecting) when the server has gone
      if (!exit)
        await Promise.resolve()
          .then(() => connection.sendRequest('shutdown'))
          .catch(() => undefined);
      if (!exit)
        await Promise.resolve()
          .then(() => connection.sendNotification('exit'))
          .catch(() => undefined);
      connection.dispose();
      child.kill();
    },
  };
}
