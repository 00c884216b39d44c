/**
 * Where each rule's documentation lives. By default the copy of docs/rules.md shipped with the tools
 * (the npm package and the VS Code extension both carry it), as a file: link that opens on the machine
 * that ran the check; an ICB that publishes its own copy sets `docsUrl` in continuity.config.json.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The anchor GitHub and VS Code's preview give the rule's heading in docs/rules.md ("schema/required-row" -> "schemarequired-row"). */
export function ruleAnchor(ruleId: string): string {
  return ruleId
    .toLowerCase()
    .replace(/[^a-z0-9 _-]/g, '')
    .replace(/ /g, '-');
}

let shipped: string | undefined;

/** The shipped docs/rules.md, found upward from this module (source, dist/ or the extension's bundle). */
export function shippedRulesDoc(): string | undefined {
  if (shipped) return shipped;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'docs', 'rules.md');
    if (existsSync(candidate)) return (shipped = candidate);
    dir = dirname(dir);
  }
  return undefined;
}

/** The rule's link: `base#anchor` with a configured base, else the shipped docs as a file: URL. */
export function ruleDocsUrl(ruleId: string, base?: string): string {
  if (base) return `${base}#${ruleAnchor(ruleId)}`;
  const doc = shippedRulesDoc();
  // Only when the tools were installed without their docs: the relative path the repository has.
  return `${doc ? pathToFileURL(doc).href : 'docs/rules.md'}#${ruleAnchor(ruleId)}`;
}
