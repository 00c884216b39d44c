import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Take the H2 section `heading` out of a plan: the plan without it, and the section's text. */
export function takeSection(plan: string, heading: string): { plan: string; section: string } {
  const start = plan.indexOf(`\n## ${heading}\n`);
  if (start === -1) throw new Error(`no section '## ${heading}' in the plan`);
  const next = plan.indexOf('\n## ', start + 1);
  const end = next === -1 ? plan.length : next;
  return { plan: plan.slice(0, start + 1) + plan.slice(end + 1), section: plan.slice(start + 1, end + 1) };
}

/** Add `shared:` entries to a plan's front matter (before its closing line). */
export function withShared(plan: string, paths: string[]): string {
  const close = plan.indexOf('\n---\n', 4);
  if (close === -1) throw new Error('the plan has no front matter');
  return plan.slice(0, close + 1) + `shared:\n${paths.map((p) => `  - ${p}\n`).join('')}` + plan.slice(close + 1);
}

export function sharedFile(title: string, body: string): string {
  return `---\nshared_content: ${title}\n---\n${body}`;
}

/** A temp repository (a `.git` folder marks its root) with the given files written into it. */
export function tempRepository(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'continuity-shared-'));
  mkdirSync(join(root, '.git'));
  writeFiles(root, files);
  return root;
}

export function writeFiles(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

/** 1-based line of the first occurrence of `needle` in `text`. */
export function lineOf(text: string, needle: string): number {
  const at = text.indexOf(needle);
  if (at === -1) throw new Error(`'${needle}' is not in the text`);
  return text.slice(0, at).split('\n').length;
}

/** 1-based line:column of the first occurrence of `needle` in `text`. */
export function placeOf(text: string, needle: string): string {
  const at = text.indexOf(needle);
  if (at === -1) throw new Error(`'${needle}' is not in the text`);
  const before = text.slice(0, at).split('\n');
  return `${before.length}:${before[before.length - 1].length + 1}`;
}
