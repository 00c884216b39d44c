// Generates a realistic estate of plans from the shipped examples: each plan gets its own practice
// name, ODS code, phone numbers and dates, and its tables grow to the requested length, so no two
// files are byte-identical (a content cache must not make the cold run look fast).
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;

export function seedPlans() {
  const dir = join(ROOT, 'plans');
  const files = readdirSync(dir)
    .filter((f) => f.startsWith('example-') && f.endsWith('.md'))
    .sort();
  if (files.length === 0) throw new Error('no plans/example-*.md to build an estate from');
  return files.map((f) => readFileSync(join(dir, f), 'utf8'));
}

function pad(n, width) {
  return String(n).padStart(width, '0');
}

/**
 * Grow a plan to the target length the way large plans really grow: a multi-site practice or PCN
 * plan carries one annex per site (a short table of local contacts and a few notes), rather than one
 * endless list.
 */
function extraRows(text, i, targetLines) {
  let out = text.trimEnd();
  let lines = out.split('\n').length;
  let site = 1;
  while (lines < targetLines) {
    const annex = [
      '',
      `## Annex ${site}: site ${site} local arrangements`,
      '',
      `Site ${site} of practice ${i} follows the main plan with these local details.`,
      '',
      '| Item | Where or who | Phone | Checked |',
      '| --- | --- | --- | --- |',
      ...Array.from(
        { length: 12 },
        (_, k) =>
          `| ${['Key holder', 'Alarm company', 'Grab pack', 'Emergency mobile', 'Landlord', 'Cleaner'][k % 6]} ${k + 1} | Room ${100 + ((i + k + site) % 800)} | 01632 960${String((i + k + site) % 1000).padStart(3, '0')} | 2026-10-${String(1 + (k % 28)).padStart(2, '0')} |`,
      ),
      '',
      `- The grab pack for site ${site} is checked on the first Monday of each month.`,
      `- Calls to site ${site} divert to the main site when the plan is active.`,
    ];
    out += '\n' + annex.join('\n');
    lines += annex.length;
    site++;
  }
  return out + '\n';
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

/** The shared content the examples include (plans/shared/), copied beside generated plans. */
export function copySharedContent(dir) {
  cpSync(join(ROOT, 'plans', 'shared'), join(dir, 'shared'), { recursive: true });
}

export function writeEstate(dir, count, targetLines = 400) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  copySharedContent(dir);
  const seeds = seedPlans();
  let lines = 0;
  for (let i = 0; i < count; i++) {
    const text = makePlan(seeds[i % seeds.length], i, targetLines);
    lines += text.split('\n').length;
    writeFileSync(join(dir, `practice-${pad(i, 4)}.md`), text);
  }
  return { files: count, lines };
}
