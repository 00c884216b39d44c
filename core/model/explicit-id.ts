/**
 * An explicit section id written after a heading, `## Our phones {#telephony}`, or the practice's word
 * that a heading is not a section, `## IT problem form {#not-quick-start}`. Found by string
 * search rather than a regular expression with `\s*` on both sides, which backtracks quadratically on
 * a long line of spaces (a heading is repository content: any length).
 */
const ID = /^[a-z0-9][a-z0-9-]*$/i;

/** The id (lower case) and where the ` {#...}` starts in the heading, or undefined without one. */
export function explicitId(heading: string): { id: string; index: number } | undefined {
  const end = heading.trimEnd();
  if (!end.endsWith('}')) return undefined;
  const open = end.lastIndexOf('{#');
  if (open === -1) return undefined;
  const id = end.slice(open + 2, -1);
  if (!ID.test(id)) return undefined;
  return { id: id.toLowerCase(), index: heading.slice(0, open).trimEnd().length };
}

const NOT = 'not-';

/** `{#not-quick-start}` says the heading is not the quick-start section: the id it declines. */
export function declinedId(explicit: { id: string } | undefined): string | undefined {
  return explicit && explicit.id.startsWith(NOT) && explicit.id.length > NOT.length
    ? explicit.id.slice(NOT.length)
    : undefined;
}

/** What a practice writes at the end of a heading to say it is not the section `id`. */
export function declineTag(id: string): string {
  return `{#${NOT}${id}}`;
}
