// The live heap of a language server under test: spawn it with HEAP_PROBE (node --expose-gc and a
// test-only preload, heap-probe-preload.mjs, over an IPC channel), then ask with readLiveHeap().
// A leak check that compares two such readings does not depend on when V8 happened to collect or how
// busy the machine is, as RSS does.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TestServer, TestServerOptions } from './lsp-client.js';
import { ROOT } from './plans.js';

export const HEAP_PROBE: Pick<TestServerOptions, 'nodeArgs' | 'ipc'> = {
  nodeArgs: ['--expose-gc', '--import', pathToFileURL(join(ROOT, 'test', 'helpers', 'heap-probe-preload.mjs')).href],
  ipc: true,
};

export interface HeapReading {
  /** Bytes still reachable after full garbage collections. */
  bytes: number;
  /** The same by V8 heap space (old_space, code_space, large_object_space, ...). */
  bySpace: Record<string, number>;
}

interface ProbeAnswer {
  type: 'heap-probe';
  id: number;
  reading?: HeapReading;
  error?: string;
}

let nextId = 1;

/**
 * The server's live heap (the engine's chunk cache first filled with the probe's own chunks, so it
 * weighs the same at every reading). Ask when the server is idle: after the diagnostics of the last
 * edit have been published.
 */
export function readLiveHeap(server: TestServer, timeoutMs = 60_000): Promise<HeapReading> {
  const child = server.process;
  const id = nextId++;
  return new Promise<HeapReading>((resolve, reject) => {
    const done = (finish: () => void) => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      finish();
    };
    const onMessage = (m: ProbeAnswer) => {
      if (m?.type !== 'heap-probe' || m.id !== id) return;
      if (m.reading) done(() => resolve(m.reading!));
      else done(() => reject(new Error(`the heap probe failed in the server: ${m.error}`)));
    };
    const onExit = () =>
      done(() => reject(new Error(`the server exited during a heap probe; stderr: ${server.stderr()}`)));
    // a safety net for a loaded machine; the answer itself ends the wait
    const timer = setTimeout(() => done(() => reject(new Error('no answer from the heap probe'))), timeoutMs);
    child.on('message', onMessage);
    child.on('exit', onExit);
    if (!child.send)
      return done(() => reject(new Error('the server was not started with HEAP_PROBE (no IPC channel)')));
    child.send({ type: 'heap-probe', id });
  });
}

/** Growth from one reading to another in MB, in all and for each heap space that changed by 0.1 MB or more. */
export function heapGrowth(early: HeapReading, late: HeapReading): { mb: number; bySpace: string } {
  const mb = (bytes: number) => bytes / 1024 / 1024;
  const bySpace = Object.keys(late.bySpace)
    .map((space) => [space, mb(late.bySpace[space] - (early.bySpace[space] ?? 0))] as const)
    .filter(([, growth]) => Math.abs(growth) >= 0.1)
    .map(([space, growth]) => `${space} ${growth >= 0 ? '+' : ''}${growth.toFixed(1)} MB`)
    .join(', ');
  return { mb: mb(late.bytes - early.bytes), bySpace: bySpace || 'no space changed by 0.1 MB' };
}
