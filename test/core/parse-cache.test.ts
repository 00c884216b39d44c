// The parsed-chunk cache under an editor's load: bounded, and never holding old versions of a document.
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chunkCacheStats, parseMarkdown } from '../../core/parse/parse-markdown.js';
import { ROOT } from '../helpers/plans.js';

describe('parsed-chunk cache', () => {
  it('stays within its entry and character bounds however many distinct chunks it sees', async () => {
    const { maxChars, maxEntries } = chunkCacheStats();
    // ~2.4 million characters of distinct sections, more than the cache may hold
    const section = (i: number) =>
      `## Section ${i}\n\n${`Line ${i} of a long section with some words in it.\n`.repeat(120)}\n`;
    for (let doc = 0; doc < 40; doc++) {
      parseMarkdown(Array.from({ length: 10 }, (_, k) => section(doc * 10 + k)).join(''));
      await new Promise((resolve) => setImmediate(resolve)); // vitest's worker keeps answering under load
    }
    const after = chunkCacheStats();
    expect(after.chars).toBeGreaterThan(maxChars * 0.9);
    expect(after.chars).toBeLessThanOrEqual(maxChars);
    expect(after.entries).toBeLessThanOrEqual(maxEntries);
  });

  it('does not keep old versions of an edited document alive (heap measured after a forced GC)', async () => {
    // In a separate process with --expose-gc: a 650,000-character plan (non-ASCII, so two bytes a character in V8)
    // edited 200 times, one section at a time, as someone typing. Each version is parsed. If a cached
    // chunk kept the document it was sliced from, the heap would grow by about 1.3 MB a version.
    const script = `
      const { parseMarkdown } = await import(${JSON.stringify(pathToFileURL(join(ROOT, 'dist', 'core', 'parse', 'parse-markdown.js')).href)});
      const sections = Array.from({ length: 250 }, (_, i) => '## Section ' + i + ' \\u2013 caf\\u00e9\\n\\n' + 'Ring the desk on 01632 960500 and note the time.\\n'.repeat(50) + '\\n');
      const heap = () => { gc(); gc(); return process.memoryUsage().heapUsed; };
      let trees = [];
      for (let v = 0; v < 20; v++) { sections[v] += 'x'; trees.push(parseMarkdown(sections.join(''))); }
      trees = [];
      const before = heap();
      for (let v = 0; v < 200; v++) { sections[(v * 7) % 250] += 'x'; parseMarkdown(sections.join('')); }
      const after = heap();
      console.log(JSON.stringify({ before, after, docChars: sections.join('').length }));
    `;
    // Not spawnSync: waiting for it would block vitest's worker for as long as the child runs.
    const r = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) =>
      execFile(process.execPath, ['--expose-gc', '--input-type=module', '-e', script], (error, stdout, stderr) =>
        resolve({ status: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
      ),
    );
    expect(r.status, r.stderr).toBe(0);
    const { before, after, docChars } = JSON.parse(r.stdout) as { before: number; after: number; docChars: number };
    expect(docChars).toBeGreaterThan(600_000);
    const growthMb = (after - before) / 1024 / 1024;
    console.log(
      `parse cache: heap ${(before / 1048576).toFixed(1)} MB -> ${(after / 1048576).toFixed(1)} MB after 200 edited versions of a ${(docChars / 1e6).toFixed(2)} M-character plan`,
    );
    // 200 new chunks of ~2,600 characters at ~25 bytes each is at most ~13 MB; 200 retained documents ~250 MB
    expect(growthMb).toBeLessThan(30);
  });
});
