// `npm run bench:build`: a full `continuity build` of an estate (check every plan, print PDF + paper
// forms + print page for each, write the site) cold, then warm with one plan changed, then warm with
// nothing changed. Figures only, never asserted. Goal: the warm rebuild under 5% of the cold build.
// Options: --plans N (default 200), --outputs LIST (default pdf,forms,html), --concurrency N
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeEstate } from './estate.js';
import { opt, ROOT } from './options.js';

const count = Number(opt('--plans', '200'));
const outputs = opt('--outputs', 'pdf,forms,html');
const concurrency = opt('--concurrency', '2');
const dir = join(ROOT, 'bench', '.build-estate');
const cli = join(ROOT, 'bin', 'continuity.js');

function build(label) {
  const start = process.hrtime.bigint();
  const r = spawnSync(
    process.execPath,
    [cli, 'build', 'plans', '--out', 'site', '--outputs', outputs, '--concurrency', concurrency],
    { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 },
  );
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.status !== 0) throw new Error(`${label}: continuity build exited ${r.status}: ${r.stderr.slice(0, 2000)}`);
  const summary = r.stdout.split('\n').find((l) => l.startsWith('Checked ')) ?? '';
  console.log(`  ${label.padEnd(26)} ${seconds.toFixed(1).padStart(7)} s   ${summary}`);
  return seconds;
}

rmSync(dir, { recursive: true, force: true });
const { files, lines } = writeEstate(join(dir, 'plans'), count, 400);
console.log(
  `continuity build: ${files} plans (${Math.round(lines / files)} lines each), outputs ${outputs}, concurrency ${concurrency}`,
);
const cold = build('cold (nothing cached)');
const one = join(dir, 'plans', `practice-${String(Math.floor(count / 2)).padStart(4, '0')}.md`);
writeFileSync(
  one,
  readFileSync(one, 'utf8').replace(
    '## Mutual aid\n\n',
    '## Mutual aid\n\nThe buddy practice agreement was renewed this month.\n\n',
  ),
);
const warm = build('warm, one plan changed');
const idle = build('warm, nothing changed');
console.log(
  `  warm rebuild / cold build   ${((warm / cold) * 100).toFixed(1)}%   (goal < 5%); nothing changed: ${((idle / cold) * 100).toFixed(1)}%`,
);
