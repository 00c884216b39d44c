/**
 * Where each rule's documentation lives. By default the copy of docs/rules.md shipped with the tools
 * (the npm package and the VS Code extension both carry it), as a file: link that opens on the machine
 * that ran the check; an ICB that publishes its own copy sets `docsUrl` in continuity.config.json.
 */
import { host } from '../host/host.js';

/** The anchor GitHub and VS Code's preview give the rule's heading in docs/rules.md ("schema/required-row" -> "schemarequired-row"). */
export function ruleAnchor(ruleId: string): string {
  return ruleId
    .toLowerCase()
    .replace(/[^a-z0-9 _-]/g, '')
    .replace(/ /g, '-');
}

/** The rule's link: `base#anchor` with a configured base, else the shipped docs (a file: URL on Node). */
export function ruleDocsUrl(ruleId: string, base?: string): string {
  if (base) return `${base}#${ruleAnchor(ruleId)}`;
  // Without a shipped copy (tools installed without their docs): the relative path the repository has.
  return `${host().rulesDocUrl() ?? 'docs/rules.md'}#${ruleAnchor(ruleId)}`;
}
