// `node bench/web.js` (`--small` for CI): the extension's web build, as vscode.dev runs it.
//   - the web bundles' sizes (client and language server), minified, against the 1.5 MB budget;
//   - the language server in a Worker in headless Chromium, timed inside the page (performance.now,
//     no DevTools round trip in the figures): start to initialize, opening the 2,000-line plan of
//     bench/lsp.js to its first diagnostics (goal: 1.5 s), and one-character edits to diagnostics
//     (goal: p95 50 ms), debounce 0 so the figure is the server's own work.
// The Worker's file requests (continuity.config.json upward from the plan) are answered at once
// with "missing", as a workspace without configuration answers them. Figures are printed, never
// asserted; `--json FILE` also writes them there (for bench/all.js).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch } from 'puppeteer-core';
import { buildWebBundles, WEB_BUDGET_BYTES } from '../extension/web-bundles.mjs';
import { makePlan, seedPlans } from './estate.js';
import { flag, opt } from './options.js';

const small = flag('--small');
const edits = Number(opt('--edits', small ? 10 : 100));
const kb = (n) => `${(n / 1024).toFixed(0)} KB`;

const out = mkdtempSync(join(tmpdir(), 'continuity-bench-web-'));
const sizes = await buildWebBundles(out);
console.log(`\nWeb bundles (minified), budget ${(WEB_BUDGET_BYTES / 1024 / 1024).toFixed(1)} MB each:`);
for (const s of sizes) {
  const top = Object.entries(s.inputs)
    .slice(0, 4)
    .map(([k, v]) => `${k} ${kb(v)}`)
    .join(', ');
  console.log(`  ${s.file.padEnd(10)} ${kb(s.bytes).padStart(8)}   (largest parts: ${top})`);
}

const bundle = readFileSync(join(out, 'server.js'));
const http = createServer((req, res) => {
  res.writeHead(200, { 'content-type': req.url === '/server.js' ? 'text/javascript' : 'text/html' });
  res.end(req.url === '/server.js' ? bundle : '<!DOCTYPE html><title>bench</title>');
});
await new Promise((r) => http.listen(0, '127.0.0.1', r));
const browser = await launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking'],
});
try {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${http.address().port}/`);
  const text = makePlan(seedPlans()[0], 1, 2000);
  const result = await page.evaluate(
    async (text, edits) => {
      const worker = new globalThis.Worker('/server.js'); // in the page
      const pending = new Map();
      const published = new Map();
      let failure;
      worker.onerror = (e) => (failure = e.message);
      worker.onmessage = ({ data }) => {
        if (data.method === 'continuity/readFiles')
          worker.postMessage({
            jsonrpc: '2.0',
            id: data.id,
            result: { files: data.params.uris.map((uri) => ({ uri, type: 'missing' })) },
          });
        else if (data.method === 'textDocument/publishDiagnostics')
          published.get(data.params.version)?.(performance.now());
        else if (data.method === 'workspace/configuration')
          worker.postMessage({ jsonrpc: '2.0', id: data.id, result: data.params.items.map(() => null) });
        else if (data.id !== undefined && pending.has(data.id)) pending.get(data.id)(data);
        else if (data.id !== undefined && data.method)
          worker.postMessage({ jsonrpc: '2.0', id: data.id, result: null });
      };
      let id = 0;
      const request = (method, params) =>
        new Promise((resolve) => {
          pending.set(++id, resolve);
          worker.postMessage({ jsonrpc: '2.0', id, method, params });
        });
      const notify = (method, params) => worker.postMessage({ jsonrpc: '2.0', method, params });
      const diagnosticsOf = (version) => new Promise((resolve) => published.set(version, resolve));

      const started = performance.now();
      await request('initialize', {
        processId: null,
        rootUri: 'file:///bench',
        workspaceFolders: [{ uri: 'file:///bench', name: 'bench' }],
        capabilities: {},
        initializationOptions: { debounceMs: 0, today: '2026-11-22' },
      });
      const initMs = performance.now() - started;
      notify('initialized', {});
      const uri = 'file:///bench/plans/lsp-plan.md';
      const lines = text.split('\n');
      let seen = diagnosticsOf(1);
      let t = performance.now();
      notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
      const openMs = (await seen) - t;
      const times = [];
      for (let v = 2; v < edits + 2; v++) {
        // one character at the end of a line spread through the document, as bench/lsp.js types
        const line = Math.floor((((v * 7919) % 997) / 997) * lines.length);
        const character = lines[line].length;
        lines[line] += 'x';
        seen = diagnosticsOf(v);
        t = performance.now();
        notify('textDocument/didChange', {
          textDocument: { uri, version: v },
          contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: 'x' }],
        });
        times.push((await seen) - t);
      }
      worker.terminate();
      return { initMs, openMs, times, lines: lines.length, failure };
    },
    text,
    edits,
  );
  if (result.failure) throw new Error(`the Worker failed: ${result.failure}`);
  const sorted = [...result.times].sort((a, b) => a - b);
  const pct = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * q) - 1)];
  console.log(`\nLanguage server in a Worker (headless Chromium), a ${result.lines}-line plan:`);
  console.log(`  start -> initialize answered          ${result.initMs.toFixed(0)} ms`);
  console.log(`  open -> first diagnostics             ${result.openMs.toFixed(0)} ms   (goal: < 1,500 ms)`);
  console.log(
    `  one-character edit -> diagnostics, n=${sorted.length}   median ${pct(0.5).toFixed(1)} ms, p95 ${pct(0.95).toFixed(1)} ms, max ${sorted.at(-1).toFixed(1)} ms   (goal: p95 < 50 ms)`,
  );
  const json = opt('--json', undefined);
  if (json)
    writeFileSync(
      json,
      JSON.stringify(
        {
          bundles: Object.fromEntries(sizes.map((s) => [s.file, s.bytes])),
          budgetBytes: WEB_BUDGET_BYTES,
          lines: result.lines,
          initMs: result.initMs,
          openMs: result.openMs,
          edits: sorted.length,
          editMedianMs: pct(0.5),
          editP95Ms: pct(0.95),
        },
        null,
        2,
      ),
    );
} finally {
  await browser.close();
  http.close();
}
