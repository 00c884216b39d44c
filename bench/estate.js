// Generates a realistic estate of plans from the shipped examples: each plan gets its own practice
// name, ODS code, phone numbers and dates, and its tables grow to the requested length, so no two
// files are byte-identical (a content cache must not make the cold run look fast).
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;

export function seedPlans() {
  const dir = join(ROOT, 'plans');
  const files = readdirSync(dir).filter((f) => f.startsWith('example-') && f.endsWith('.md')).sort();
  if (files.length === 0) throw new Error('no plans/example-*.md to build an estate from');
  return files.map((f) => readFileSync(join(dir, f), 'utf8'));
}

function pad(n, width) {
  return String(n).padStart(width, '0');
}

/** A row appended to the lessons log / first table with a date, to vary content and length. */
function extraRows(text, i, targetLines) {
  const lines = text.split('\n');
  if (lines.length >= targetLines) return text;
  const needed = targetLines - lines.length;
  const rows = [];
  for (let k = 0; k < needed; k++) {
    rows.push(`- Note ${k + 1} for practice ${i}: checked the grab pack stock and the divert on extension ${100 + ((i + k) % 800)}; both in order.`);
  }
  return `${text.trimEnd()}\n\n## Estate notes ${i}\n\n${rows.join('\n')}\n`;
}

export function makePlan(seed, i, targetLines = 400) {
  const ods = `Y${pad(10000 + i, 5)}`;
  let text = seed
    .replace(/^(\s*name:\s*).*$/m, `$1Practice ${i} Medical Centre`)
    .replace(/ods_code:\s*[A-Z][0-9]{5}\b/, `ods_code: ${ods}`)
    .replace(/0161 496 0(\d{3})/g, (_m, d) => `0161 496 0${pad((Number(d) + i) % 1000, 3)}`)
    .replace(/020 7946 0(\d{3})/g, (_m, d) => `020 7946 0${pad((Number(d) + i) % 1000, 3)}`);
  return extraRows(text, i, targetLines);
}

export function writeEstate(dir, count, targetLines = 400) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const seeds = seedPlans();
  let lines = 0;
  for (let i = 0; i < count; i++) {
    const text = makePlan(seeds[i % seeds.length], i, targetLines);
    lines += text.split('\n').length;
    writeFileSync(join(dir, `practice-${pad(i, 4)}.md`), text);
  }
  return { files: count, lines };
}
