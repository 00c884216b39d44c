/**
 * A file name as printed to a terminal or CI log. Names come from the repository: one holding a line
 * break could forge a line of its own (`::error ...` in a GitHub Actions log), one holding escape
 * sequences could rewrite the terminal, and bidirectional controls could make a name read as another.
 * Every such character is shown as a visible `\uXXXX` escape instead.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

export function displayName(name: string): string {
  return name.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
