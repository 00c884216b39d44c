/** Where each rule's documentation lives: the README section generated from the rule's metadata. */
export const DOCS_BASE = 'https://continuity-plans.nhs.invalid/docs/rules';

export function ruleDocsUrl(ruleId: string): string {
  // The anchor GitHub gives the rule's heading in docs/rules.md ("schema/required-row" -> "schemarequired-row").
  return `${DOCS_BASE}#${ruleId.toLowerCase().replace(/[^a-z0-9 _-]/g, '').replace(/ /g, '-')}`;
}
