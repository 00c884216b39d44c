#!/usr/bin/env node
// Folder-level import cycles inside core/: reads every core/**/*.ts import, folds files into their
// folder (core/rules, core/fix ...; a file directly in core/, such as the entry points and
// diagnostic.ts, stands for itself) and reports each cycle between them. Exit 1 when there is one. Run: node scripts/check-core-cycles.mjs
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const core = join(root, 'core');
const IMPORT = /(?:import|export)\s[^'"]*?from\s+['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g;

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const folderOf = (file) => (dirname(file) === core ? relative(root, file) : relative(root, dirname(file)));
const edges = new Map(); // folder -> Map(folder -> example "file -> target")
for (const file of files(core)) {
  const text = readFileSync(file, 'utf8');
  for (const m of text.matchAll(IMPORT)) {
    const target = resolve(dirname(file), (m[1] ?? m[2]).replace(/\.js$/, '.ts'));
    if (!target.startsWith(core)) continue;
    const from = folderOf(file);
    const to = folderOf(target);
    if (from === to) continue;
    if (!edges.has(from)) edges.set(from, new Map());
    if (!edges.get(from).has(to)) edges.get(from).set(to, `${relative(root, file)} -> ${relative(root, target)}`);
  }
}

// Strongly connected components (Tarjan): any with more than one folder is a cycle.
let index = 0;
const stack = [];
const info = new Map();
const cycles = [];
function visit(v) {
  info.set(v, { index, low: index, onStack: true });
  index++;
  stack.push(v);
  for (const w of edges.get(v)?.keys() ?? []) {
    if (!info.has(w)) {
      visit(w);
      info.get(v).low = Math.min(info.get(v).low, info.get(w).low);
    } else if (info.get(w).onStack) info.get(v).low = Math.min(info.get(v).low, info.get(w).index);
  }
  if (info.get(v).low === info.get(v).index) {
    const component = [];
    let w;
    do {
      w = stack.pop();
      info.get(w).onStack = false;
      component.push(w);
    } while (w !== v);
    if (component.length > 1) cycles.push(component.sort());
  }
}
for (const v of edges.keys()) if (!info.has(v)) visit(v);

if (cycles.length === 0) {
  console.log(`no folder-level cycles in core (${edges.size} folders with imports)`);
} else {
  for (const component of cycles) {
    console.log(`cycle between: ${component.join(', ')}`);
    for (const from of component) {
      for (const [to, example] of edges.get(from) ?? [])
        if (component.includes(to)) console.log(`  ${from} -> ${to}  (${example})`);
    }
  }
  process.exitCode = 1;
}
