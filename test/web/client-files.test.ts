// Files through the client (extension/server/client-files.ts): fetched in rounds until the probe
// asks for nothing new, bounded, and whatever the client answers (malformed, nothing, an error) ends
// as a file the check can say something about, never a fault.
import type { Connection } from 'vscode-languageserver';
import { describe, expect, it } from 'vitest';
import { MemoryHost, RESOURCE_NAMES, type ResourceName } from '../../core/index.js';
import { nodeHost } from '../../core/host/node-host.js';
import { ClientFiles } from '../../extension/server/client-files.js';

const ROOT_URI = 'vscode-vfs://github/icb/plans';

function setUp(answer: (uris: string[]) => unknown) {
  const node = nodeHost();
  const resources = Object.fromEntries(RESOURCE_NAMES.map((n) => [n, node.resource(n)])) as Record<
    ResourceName,
    string
  >;
  const mem = new MemoryHost({ roots: [ROOT_URI], files: {}, resources });
  const asked: string[][] = [];
  const logged: string[] = [];
  const connection = {
    sendRequest: async (_method: string, params: { uris: string[] }) => {
      asked.push(params.uris);
      return answer(params.uris);
    },
    console: { info: (m: string) => logged.push(m) },
  } as unknown as Connection;
  return { mem, files: new ClientFiles(connection, mem), asked, logged };
}

describe('files through the client', () => {
  it('fetches what the probe asks for, round after round, until it asks for nothing new', async () => {
    const { mem, files, asked } = setUp((uris) => ({
      files: uris.map((uri) => ({ uri, type: 'file', size: 1, base64: 'eA==' })),
    }));
    // A chain: each file read names the next, three deep.
    const chain = ['/icb/plans/a.md', '/icb/plans/b.md', '/icb/plans/c.md'];
    const probe = () => {
      for (const path of chain) if ('refused' in mem.readFile(path, { maxBytes: 10 })) return;
    };
    expect(await files.gather(probe, () => undefined)).toBe(true);
    expect(asked).toEqual(chain.map((p) => [`${ROOT_URI}${p.slice('/icb/plans'.length)}`]));
    expect(mem.readFile('/icb/plans/c.md', { maxBytes: 10 })).toMatchObject({ bytes: Uint8Array.of(120) });
    // Known now: nothing more is asked.
    expect(await files.gather(probe, () => undefined)).toBe(false);
    expect(asked).toHaveLength(3);
  });

  it('stops after a bounded number of rounds, and says so once', async () => {
    let n = 0;
    const { mem, files, asked, logged } = setUp((uris) => ({ files: uris.map((uri) => ({ uri, type: 'missing' })) }));
    const probe = () => void mem.exists(`/icb/plans/endless-${n++}.md`);
    await files.gather(probe, () => undefined);
    await files.gather(probe, () => undefined);
    expect(asked.length).toBeLessThanOrEqual(24);
    expect(logged.filter((m) => /levels deep/.test(m))).toHaveLength(1);
  });

  it('turns malformed answers, missing answers and a failing client into files the check can word', async () => {
    const { mem, files } = setUp(() => ({
      files: [
        { type: 'file', size: 3, base64: '%%%not base64' },
        { type: 'file' },
        { type: 'refused', refused: 'rooted', reason: { long: 'object' } },
        { type: 'socket' },
        null,
      ],
    }));
    const paths = ['a', 'b', 'c', 'd', 'e', 'f'].map((x) => `/icb/plans/${x}.md`);
    await files.gather(
      () => paths.forEach((p) => mem.exists(p)),
      () => undefined,
    );
    const reads = paths.map((p) => mem.readFile(p, { maxBytes: 100 }));
    expect(reads.map((r) => ('refused' in r ? r.refused : 'read'))).toEqual([
      'unreadable',
      'unreadable',
      'unreadable',
      'unreadable',
      'missing',
      'missing',
    ]);
    const failing = setUp(() => {
      throw new Error('no handler');
    });
    await failing.files.gather(
      () => void failing.mem.exists('/icb/plans/x.md'),
      () => undefined,
    );
    expect(failing.mem.exists('/icb/plans/x.md')).toBe(false);
    expect(failing.logged.join('\n')).toMatch(/checked on its own/);
  });
});
