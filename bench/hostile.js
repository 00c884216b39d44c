// `node bench/hostile.js` (after `npm run build`): for each hostile plan in bench/hostile-cases.js,
// the wall time and peak memory (RSS) of `continuity lint` checking it, each case in a fresh node
// process so one case's memory never counts against another. Figures are printed, never asserted
// (the outcome of each case is asserted in test/robustness/hostile-core.test.ts).
// Options: --only NAME[,NAME...]   --timeout SECONDS (per case, default 300)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hostileCases } from './hostile-cases.js';

const ROOT = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};

if (args[0] === '--child') {
  // In the child: run the real CLI in this process, then report its time and this process's peak RSS.
  const [, file, report] = args;
  const { main } = await import(join(ROOT, 'dist', 'cli', 'main.js'));
  const io = { stdout: () => {}, stderr: (s) => process.stderr.write(s) };
  const started = performance.now();
  const code = await main(
    ['lint', file, '--no-cache', '--format', 'json', '--output', report, '--today', '2026-11-22'],
    io,
    ROOT,
  );
  const ms = performance.now() - started;
  process.stdout.write(JSON.stringify({ code, ms, maxRssKb: process.resourceUsage().maxRSS }) + '\n');
  process.exit(0);
}

const only = opt('--only', '');
const timeoutSeconds = Number(opt('--timeout', '300'));
const names = Object.keys(hostileCases).filter((n) => !only || only.split(',').includes(n));
const dir = mkdtempSync(join(tmpdir(), 'continuity-hostile-'));
const rows = [];
console.log(`continuity lint on hostile plans (one fresh process each; node ${process.version})\n`);
console.log(
  `${'case'.padEnd(28)} ${'size'.padStart(9)} ${'time'.padStart(9)} ${'peak RSS'.padStart(9)}  exit  outcome`,
);
try {
  for (const name of names) {
    const input = hostileCases[name].make();
    const file = join(dir, `${name}.md`);
    const report = join(dir, `${name}.json`);
    writeFileSync(file, input);
    const started = performance.now();
    const r = spawnSync(process.execPath, [new URL(import.meta.url).pathname, '--child', file, report], {
      encoding: 'utf8',
      timeout: timeoutSeconds * 1000,
      maxBuffer: 1 << 26,
    });
    const wall = (performance.now() - started) / 1000;
    let outcome;
    let result;
    if (r.error || r.status !== 0) {
      outcome =
        r.error?.code === 'ETIMEDOUT'
          ? `TIMED OUT after ${timeoutSeconds} s`
          : `FAILED (${r.signal ?? r.status}): ${r.stderr.split('\n')[0]}`;
    } else {
      result = JSON.parse(r.stdout.trim().split('\n').pop());
      const files = JSON.parse(readFileSync(report, 'utf8'));
      const counts = {};
      for (const d of files.flatMap((f) => f.diagnostics)) counts[d.ruleId] = (counts[d.ruleId] ?? 0) + 1;
      const notable = [
        'internal-error',
        'unreadable-file',
        'unreadable-block',
        'front-matter',
        'merge-conflict',
        'placeholder',
        'duplicate-section',
      ].filter((k) => counts[k]);
      outcome = notable.map((k) => `${k} x${counts[k]}`).join(', ') || 'checked';
    }
    const size = `${(input.length / 1024 / 1024).toFixed(2)} MB`;
    const row = {
      name,
      size,
      wall: `${wall.toFixed(1)} s`,
      rss: result ? `${Math.round(result.maxRssKb / 1024)} MB` : '-',
      exit: result ? String(result.code) : '-',
      outcome,
    };
    rows.push(row);
    console.log(
      `${name.padEnd(28)} ${row.size.padStart(9)} ${row.wall.padStart(9)} ${row.rss.padStart(9)}  ${row.exit.padStart(4)}  ${outcome}`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(
  "\ntime: wall clock of the whole child process (node start-up, reading, checking, report); peak RSS: the child's maxRSS.",
);
