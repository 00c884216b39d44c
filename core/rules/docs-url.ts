/** Where each rule's documentation lives: the README section generated from the rule's metadata. */
export const DOCS_BASE = 'https://continuity-plans.nhs.invalid/docs/rules';

export function ruleDocsUrl(ruleId: string): string {
  return `${DOCS_BASE}#${ruleId.replace(/\//g, '-')}`;
}
