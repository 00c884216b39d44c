// `npm run bench:render`: print N example-sized plans to PDF with `continuity render` and with
// md-to-pdf (which also shares one browser) over the same markdown files, side by side in one run.
// Prints wall seconds, seconds per plan and per page, the ratio, and peak memory of each process tree
// (the browser included). Figures only, never asserted. Options: --plans N (default 100), --concurrency N
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copySharedContent, makePlan, seedPlans } from './estate.js';
import { opt, ROOT } from './options.js';

const count = Number(opt('--plans', '100'));
const concurrency = opt('--concurrency', '2');
const dir = join(ROOT, 'bench', '.render-estate');
const { findBrowser } = await import(join(ROOT, 'dist', 'core', 'print', 'find-browser.js'));
const browser = findBrowser().path;

/** The shipped examples, each copy its own practice (name, ODS code, numbers). */
function writePlans() {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'plans'), { recursive: true });
  copySharedContent(join(dir, 'plans'));
  const seeds = seedPlans();
  for (let i = 0; i < count; i++) {
    const text = makePlan(seeds[i % seeds.length], i + 1, 0);
    writeFileSync(join(dir, 'plans', `plan-${String(i + 1).padStart(3, '0')}.md`), text);
  }
}

/** Sum of resident memory of a process and all its descendants (the browser's processes too). */
function treeRss(pid) {
  try {
    const out = execFileSync('ps', ['-e', '-o', 'pid=,ppid=,rss='], { encoding: 'utf8' });
    const rows = out
      .trim()
      .split('\n')
      .map((l) => l.trim().split(/\s+/).map(Number));
    const kids = new Map();
    for (const [p, pp] of rows) kids.set(pp, [...(kids.get(pp) ?? []), p]);
    const rss = new Map(rows.map(([p, , r]) => [p, r]));
    let total = 0;
    const stack = [pid];
    while (stack.length) {
      const p = stack.pop();
      total += rss.get(p) ?? 0;
      stack.push(...(kids.get(p) ?? []));
    }
    return total * 1024;
  } catch {
    return 0;
  }
}

function run(cmd, cmdArgs, cwd) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(cmd, cmdArgs, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    let peak = 0;
    const timer = setInterval(() => (peak = Math.max(peak, treeRss(child.pid))), 200);
    child.on('close', (code) => {
      clearInterval(timer);
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      if (code !== 0) reject(new Error(`${cmd} exited ${code}: ${stderr.slice(0, 2000)}`));
      else resolve({ seconds, peak });
    });
  });
}

function pagesIn(folder) {
  let pages = 0;
  for (const f of readdirSync(folder).filter((x) => x.endsWith('.pdf')))
    pages += Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [join(folder, f)], { encoding: 'utf8' }))[1]);
  return pages;
}

writePlans();
console.log(`Render ${count} example-sized plans to PDF with ${browser} (concurrency ${concurrency})`);
const ours = await run(
  process.execPath,
  [join(ROOT, 'bin', 'continuity.js'), 'render', 'plans', '--out', 'ours', '--concurrency', concurrency],
  dir,
);
const ourPages = pagesIn(join(dir, 'ours'));
// md-to-pdf writes each PDF beside its markdown file and shares one browser across the files given.
const mdToPdf = join(ROOT, 'node_modules', 'md-to-pdf', 'dist', 'cli.js');
const launch = JSON.stringify({
  executablePath: browser,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
const files = readdirSync(join(dir, 'plans')).filter((f) => f.endsWith('.md'));
// Given all 100 files at once, md-to-pdf opens 100 pages together and its network-idle waits time out
// on 2 cores, so it is run in batches of 10 files (one shared browser per batch), one batch at a time.
const theirs = { seconds: 0, peak: 0 };
for (let i = 0; i < files.length; i += 10) {
  const r = await run(
    process.execPath,
    [mdToPdf, '--launch-options', launch, ...files.slice(i, i + 10)],
    join(dir, 'plans'),
  );
  theirs.seconds += r.seconds;
  theirs.peak = Math.max(theirs.peak, r.peak);
}
const theirPages = pagesIn(join(dir, 'plans'));
const mb = (b) => `${Math.round(b / 1024 / 1024)} MB`;
console.log(
  `  continuity render   ${ours.seconds.toFixed(1)} s  ${(ours.seconds / count).toFixed(2)} s/plan  ${ourPages} pages (${((ours.seconds / ourPages) * 1000).toFixed(0)} ms/page)  peak ${mb(ours.peak)}`,
);
console.log(
  `  md-to-pdf (x10)     ${theirs.seconds.toFixed(1)} s  ${(theirs.seconds / count).toFixed(2)} s/plan  ${theirPages} pages (${((theirs.seconds / theirPages) * 1000).toFixed(0)} ms/page)  peak ${mb(theirs.peak)}`,
);
console.log(`  speed-up, per plan  ${(theirs.seconds / ours.seconds).toFixed(2)}x   (goal >= 3x)`);
console.log(
  `  speed-up, per page  ${(theirs.seconds / theirPages / (ours.seconds / ourPages)).toFixed(2)}x   (ours prints the emergency page, cover, contents, action cards and forms too)`,
);
