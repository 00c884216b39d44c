// A minimal LSP client over stdio for tests: starts the real server binary, speaks JSON-RPC.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node.js';
import { ROOT } from './plans.js';

export interface TestServer {
  connection: ProtocolConnection;
  process: ChildProcess;
  /** Every publishDiagnostics received, in order. */
  published: PublishDiagnosticsParams[];
  statuses: Record<string, unknown>[];
  waitFor<T>(predicate: () => T | undefined, timeoutMs?: number): Promise<T>;
  stop(): Promise<void>;
}

export async function startTestServer(rootDir: string, initializationOptions: Record<string, unknown> = {}): Promise<TestServer> {
  const child = spawn(process.execPath, [join(ROOT, 'dist', 'extension', 'server', 'main.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const published: PublishDiagnosticsParams[] = [];
  const statuses: Record<string, unknown>[] = [];
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => published.push(p));
  connection.onNotification('continuity/status', (p: Record<string, unknown>) => statuses.push(p));
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(rootDir).href,
    workspaceFolders: [{ uri: pathToFileURL(rootDir).href, name: 'plans' }],
    capabilities: {},
    initializationOptions: { today: '2026-11-22', debounceMs: 50, ...initializationOptions },
  });
  await connection.sendNotification('initialized', {});
  const waitFor = <T>(predicate: () => T | undefined, timeoutMs = 10_000) =>
    new Promise<T>((resolve, reject) => {
      const started = Date.now();
      const tick = () => {
        const v = predicate();
        if (v !== undefined && v !== false) return resolve(v);
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
    waitFor,
    async stop() {
      await connection.sendRequest('shutdown').catch(() => undefined);
      await connection.sendNotification('exit').catch(() => undefined);
      connection.dispose();
      child.kill();
    },
  };
}
