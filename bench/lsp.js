// `npm run bench:lsp`: the language server over stdio, as an editor drives it. A 2,000-line plan is
// opened, then edited one character at a time; each edit is timed from sending didChange to receiving
// the diagnostics for that version (debounce set to 0 so the figure is the server's own work).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node.js';
import { makePlan, seedPlans } from './estate.js';

const ROOT = new URL('..', import.meta.url).pathname;
const edits = Number(process.argv.includes('--edits') ? process.argv[process.argv.indexOf('--edits') + 1] : 100);
const child = spawn(process.execPath, [join(ROOT, 'dist', 'extension', 'server', 'main.js'), '--stdio'], {
  stdio: ['pipe', 'pipe', 'inherit'],
});
const conn = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
const waiting = new Map();
conn.onNotification('textDocument/publishDiagnostics', (p) => {
  const w = waiting.get(p.version);
  if (w) w(p);
});
conn.listen();
const startedServer = process.hrtime.bigint();
await conn.sendRequest('initialize', {
  processId: process.pid,
  rootUri: pathToFileURL(ROOT).href,
  capabilities: {},
  initializationOptions: { debounceMs: 0, today: '2026-11-22' },
});
const initMs = Number(process.hrtime.bigint() - startedServer) / 1e6;
await conn.sendNotification('initialized', {});

const text = makePlan(seedPlans()[0], 1, 2000);
const lines = text.split('\n');
const uri = pathToFileURL(join(ROOT, 'bench', 'lsp-plan.md')).href;
const published = (version) => new Promise((resolve) => waiting.set(version, resolve));
let t = process.hrtime.bigint();
let p = published(1);
await conn.sendNotification('textDocument/didOpen', {
  textDocument: { uri, languageId: 'markdown', version: 1, text },
});
await p;
const openMs = Number(process.hrtime.bigint() - t) / 1e6;

const times = [];
for (let v = 2; v < edits + 2; v++) {
  // type one character at the end of a line spread through the document
  const line = Math.floor((((v * 7919) % 997) / 997) * lines.length);
  const character = lines[line].length;
  lines[line] += 'x';
  p = published(v);
  t = process.hrtime.bigint();
  await conn.sendNotification('textDocument/didChange', {
    textDocument: { uri, version: v },
    contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: 'x' }],
  });
  await p;
  times.push(Number(process.hrtime.bigint() - t) / 1e6);
}
const sorted = [...times].sort((a, b) => a - b);
const pct = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * q) - 1)];
console.log(`\nLanguage server over stdio, a ${lines.length}-line plan:`);
console.log(`  initialize                            ${initMs.toFixed(0)} ms`);
console.log(`  open -> first diagnostics             ${openMs.toFixed(0)} ms`);
console.log(
  `  one-character edit -> diagnostics, n=${times.length}   median ${pct(0.5).toFixed(1)} ms, p95 ${pct(0.95).toFixed(1)} ms, max ${sorted.at(-1).toFixed(1)} ms   (goal: p95 < 50 ms)`,
);
conn.dispose();
child.kill();
