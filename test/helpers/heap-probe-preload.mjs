// Loaded into a language server under test only, as `node --expose-gc --import <this file> main.js`
// (see heap-probe.ts); the product knows nothing of it. Asked over the test's IPC channel, it answers
// with the server's live heap: what is still reachable after full garbage collections.
//
// Why not the process's RSS: V8 grows its heap in steps that depend on when collections happen to run,
// and gives memory back to the system lazily, so RSS moves by tens of MB with machine load alone. The
// heap used after a forced full collection holds only what is reachable, whatever the timing.
//
// One thing reachable on purpose grows with the edits: the engine's parsed-chunk cache (bounded near
// 50 MB; its bounds and its not holding old documents are tested in test/core/parse-cache.test.ts).
// So that it does not hide or fake a leak, each probe first fills the cache with tiny chunks of its
// own, as many as the cache holds entries: everything the server had cached is evicted, and at every
// probe the cache holds the same number of same-sized entries, whatever the edits before were.
import v8 from 'node:v8';

/**
 * The engine module the server itself loaded (the same URL, so the same module instance). Were the
 * server ever bundled into one file, this would fill a second, unused cache, and the server's own
 * would show as growth: a false alarm, never a leak passed over.
 */
const PARSER = new URL('../../dist/core/parse/parse-markdown.js', import.meta.url).href;

let probes = 0;

async function fillChunkCache() {
  const { parseMarkdown, chunkCacheStats } = await import(PARSER);
  const { maxEntries } = chunkCacheStats();
  const probe = String(probes++).padStart(6, '0');
  // One heading per chunk (chunks split at H1/H2), distinct from any earlier probe's, all the same length.
  const sections = Array.from(
    { length: maxEntries },
    (_, i) => `## Heap probe ${probe} ${String(i).padStart(6, '0')}\n`,
  );
  const text = sections.join('');
  parseMarkdown(text);
  // what the cache holds now is the probe's chunks and nothing else (if not, its bounds have changed)
  const { entries, chars } = chunkCacheStats();
  if (entries !== maxEntries || chars !== text.length)
    throw new Error(`the chunk cache holds ${entries} entries of ${chars} characters, not only the probe's`);
}

/** What is reachable after full collections, in all and by V8 heap space (for a failure message). */
function liveHeap() {
  // twice: the first collection can leave objects that only a weak callback or finaliser released
  globalThis.gc();
  globalThis.gc();
  const bySpace = Object.fromEntries(v8.getHeapSpaceStatistics().map((s) => [s.space_name, s.space_used_size]));
  return { bytes: v8.getHeapStatistics().used_heap_size, bySpace };
}

process.on('message', (message) => {
  if (message?.type !== 'heap-probe') return;
  const answer = (fields) => process.send({ type: 'heap-probe', id: message.id, ...fields });
  fillChunkCache()
    .then(() => answer({ reading: liveHeap() }))
    .catch((e) => answer({ error: String(e?.stack ?? e) }));
});
