// `npm run bench`: the lint benchmarks, printed as figures (never asserted).
//   1. continuity lint (schema + rules, cold, no cache) vs markdownlint-cli2 (style rules) over the
//      same generated estate, side by side in one run, as a ratio; plus the warm (cached) re-run and
//      the pure remark-parse floor.
//   2. One 2,000-line plan checked in-process: median and p95 after one-character edits.
// Options: --plans N (default 1000), --skip-markdownlint, --only lint|editor
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeEstate, seedPlans, makePlan } from './estate.js';
import { flag, opt, ROOT } from './options.js';

const planCount = Number(opt('--plans', '1000'));
const only = opt('--only', 'all');
const estateDir = join(ROOT, 'bench', '.estate');

function timeCommand(cmd, cmdArgs, cwd) {
  const start = process.hrtime.bigint();
  const r = spawnSync(cmd, cmdArgs, { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.status === 2 || r.error) throw new Error(`${cmd} ${cmdArgs.join(' ')} failed: ${r.error ?? r.stderr}`);
  return seconds;
}

function timeCommandEnv(cmd, cmdArgs, cwd, env) {
  const start = process.hrtime.bigint();
  const r = spawnSync(cmd, cmdArgs, { cwd, encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, ...env } });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.status === 2 || r.error) throw new Error(`${cmd} ${cmdArgs.join(' ')} failed: ${r.error ?? r.stderr}`);
  return seconds;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
function p95(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)];
}

async function lintBench() {
  const { files, lines } = writeEstate(estateDir, planCount, 400);
  console.log(`Estate: ${files} plans, ${lines} lines (${Math.round(lines / files)} per plan), in ${estateDir}`);
  const cli = join(ROOT, 'bin', 'continuity.js');
  const cacheDir = join(estateDir, '..', '.estate-cache');
  rmSync(cacheDir, { recursive: true, force: true });

  // The cold run and the warm re-run are the same command: the second finds the first one's cache.
  const lintEstate = [cli, 'lint', '.', '--format', 'json', '--output', join(cacheDir, '..', '.estate-report.json')];
  const cachedLint = [...lintEstate, '--cache-location', cacheDir];
  const ours = timeCommand(process.execPath, cachedLint, estateDir);
  // The same, with the per-section parse cache off too: estates share most text (one template), so the
  // cache helps real runs; this figure shows the cost when every file is parsed from scratch.
  const uncached = timeCommandEnv(process.execPath, [...lintEstate, '--no-cache'], estateDir, {
    CONTINUITY_CHUNK_CACHE: 'off',
  });
  const warm = timeCommand(process.execPath, cachedLint, estateDir);
  let mdl;
  if (!flag('--skip-markdownlint')) {
    const bin = join(ROOT, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
    mdl = timeCommand(process.execPath, [bin, '**/*.md'], estateDir);
  }

  // The floor: remark-parse (with front matter and GFM tables, as we use it) over the same files.
  const { markdownParser } = await import(join(ROOT, 'dist', 'core', 'parse', 'markdown-processor.js'));
  const texts = readdirSync(estateDir)
    .filter((f) => f.endsWith('.md'))
    .map((f) => readFileSync(join(estateDir, f), 'utf8'));
  const parser = markdownParser();
  const t0 = process.hrtime.bigint();
  for (const t of texts) parser.parse(t);
  const floor = Number(process.hrtime.bigint() - t0) / 1e9;

  console.log('\nLint over the estate (wall seconds, whole process):');
  console.log(
    `  continuity lint, cold (no cache)      ${ours.toFixed(2)} s  (${((ours / files) * 1000).toFixed(1)} ms per plan)`,
  );
  if (mdl !== undefined) {
    console.log(`  markdownlint-cli2 (style rules only)  ${mdl.toFixed(2)} s`);
    console.log(`  ratio continuity / markdownlint-cli2  ${(ours / mdl).toFixed(2)}   (goal <= 1.0)`);
  }
  if (mdl !== undefined)
    console.log(
      `  continuity lint, no caches at all      ${uncached.toFixed(2)} s  ratio ${(uncached / mdl).toFixed(2)}   (every section parsed from scratch)`,
    );
  console.log(
    `  continuity lint, warm (cache hit)     ${warm.toFixed(2)} s  -> ${(ours / warm).toFixed(1)}x faster than cold (goal >= 10x)`,
  );
  console.log(
    `  remark-parse floor, one thread        ${floor.toFixed(2)} s  (${((floor / files) * 1000).toFixed(1)} ms per plan, in-process)`,
  );
}

async function editorBench() {
  const { checkPlan } = await import(join(ROOT, 'dist', 'core', 'check-plan.js'));
  const seed = seedPlans()[0];
  const text = makePlan(seed, 1, 2000);
  const lineCount = text.split('\n').length;
  const today = '2026-11-22';
  const coldStart = process.hrtime.bigint();
  checkPlan(text, { today });
  const cold = Number(process.hrtime.bigint() - coldStart) / 1e6;
  // One-character edits spread over the document, as typing does: each check sees a new version.
  const times = [];
  let current = text;
  const positions = [];
  for (let i = 0; i < 60; i++) positions.push(Math.floor((((i * 7919) % 997) / 997) * current.length));
  for (const pos of positions) {
    const at = current.indexOf('\n', pos);
    if (at < 0) continue;
    current = current.slice(0, at) + 'x' + current.slice(at);
    const s = process.hrtime.bigint();
    checkPlan(current, { today });
    times.push(Number(process.hrtime.bigint() - s) / 1e6);
  }
  console.log(`\nOne ${lineCount}-line plan (${Math.round(text.length / 1024)} KB), in-process:`);
  console.log(`  first check (cold parse)              ${cold.toFixed(1)} ms`);
  console.log(
    `  after one-character edits, n=${times.length}      median ${median(times).toFixed(1)} ms, p95 ${p95(times).toFixed(1)} ms   (goal: median < 50 ms)`,
  );
}

if (only === 'all' || only === 'lint') await lintBench();
if (only === 'all' || only === 'editor') await editorBench();
