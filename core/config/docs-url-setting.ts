/**
 * `docsUrl` in continuity.config.json: where every rule's link points (SARIF help on GitHub's alert
 * pages, CI annotations, the editor's links). The config arrives in pull requests, and the address is
 * pasted into markdown links (`[Rule documentation](URL)`) and HTML attributes, so it must be a plain
 * https address made only of characters that cannot end either: no spaces, quotes, brackets,
 * parentheses, angle brackets, backslashes or `@` (a user name before the host hides where a link
 * goes), every `%` a real escape, and no `#anchor` (each rule's is added).
 */

/** The same test as a JSON Schema pattern, so an editor flags a bad address while the config is edited. */
const DOCS_URL =
  /^https:\/\/[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?::[0-9]{1,5})?(?:[/?](?:[A-Za-z0-9._~:/?!$&+,;=-]|%[0-9A-Fa-f]{2})*)?$/;
export const DOCS_URL_PATTERN = DOCS_URL.source;
const MAX_DOCS_URL = 2000;

/** What is wrong with a `docsUrl` value, in words for the person editing the config; undefined when it is fine. */
export function docsUrlProblem(value: unknown): string | undefined {
  if (typeof value !== 'string') return 'it is not text';
  if (value.length > MAX_DOCS_URL) return `it is ${value.length} characters long; at most ${MAX_DOCS_URL} are allowed`;
  if (!/^https:\/\//i.test(value))
    return /^http:\/\//i.test(value)
      ? 'it starts http://; only https:// is accepted, so nobody on the way can change the page the links open'
      : 'it does not start https://';
  if (value.includes('#')) return "it has a #anchor; leave it off, each rule's anchor is added";
  const bad = [...value.slice('https://'.length)].find((c) => !/[A-Za-z0-9._~:/?!$&+,;=%-]/.test(c));
  if (bad !== undefined)
    return `it contains ${JSON.stringify(bad)}, which is not allowed: spaces, quotes, brackets, parentheses, < >, backslashes and @ could break out of the links made from it`;
  if (/%(?![0-9A-Fa-f]{2})/.test(value))
    return 'every % in it must begin an escape of two hexadecimal digits, such as %20';
  if (!DOCS_URL.test(value) || !URL.canParse(value))
    return "it is not a well-formed web address: https://, the server's name, then the page's path";
  return undefined;
}
