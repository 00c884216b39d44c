/**
 * The commonest YAML slip of people who have never seen YAML: a value with a colon and a space in it
 * (`address: 14 Wharf Road: Maidstone`), which YAML reads as a second field inside the first. Found
 * on the line the YAML reader complains about, it becomes a message that says to quote the value and
 * a fix that does, so no word of the value is lost.
 */

export interface ColonSlip {
  key: string;
  value: string;
  /** Offsets of the value within the YAML text. */
  start: number;
  end: number;
  /** The value quoted so YAML reads it as written. */
  quoted: string;
}

/** Lines longer than this are not examined (the scan is linear anyway). */
const MAX_LINE = 2000;

// key: value-with-": "-inside, optionally after a list dash; the value is plain (not quoted, not a
// flow collection or block scalar) and a comment after ' #' is left alone. What
//   /^([ \t]*(?:-[ \t]+)?)([A-Za-z_][\w-]{0,100})[ \t]*:[ \t]+([^\s'"[{|>#&*!%@`][^\n#]*?:[ \t][^\n#]*?)[ \t]*(?:[ \t]#.*)?$/
// matched, read by a scan: its lazy parts backtrack quadratically on a long line.
const NOT_FIRST = `'"[{|>#&*!%@\``;
const isTab = (ch: string | undefined) => ch === ' ' || ch === '\t';
const KEY_START = /^[A-Za-z_]$/;
const KEY_CHAR = /^[\w-]$/;

/** [indent and dash, key, value] of a slip line, as the regular expression above captured them. */
function slipParts(line: string): [string, string, string] | undefined {
  // No part may hold a line feed (the value's parts, and the comment's `.`, exclude it).
  if (line.includes('\n')) return undefined;
  let i = 0;
  while (isTab(line[i])) i++;
  if (line[i] === '-') {
    let j = i + 1;
    while (isTab(line[j])) j++;
    if (j === i + 1) return undefined; // a dash not followed by a blank cannot start a key either
    i = j;
  }
  const indent = line.slice(0, i);
  if (!KEY_START.test(line[i] ?? '')) return undefined;
  let k = i + 1;
  while (k < line.length && KEY_CHAR.test(line[k])) k++;
  if (k - i > 101) return undefined; // a shorter key would be followed by a key character, not ':'
  const key = line.slice(i, k);
  while (isTab(line[k])) k++;
  if (line[k] !== ':') return undefined;
  let valueStart = k + 1;
  while (isTab(line[valueStart])) valueStart++;
  if (valueStart === k + 1) return undefined;
  const first = line[valueStart];
  if (first === undefined || first.trim() === '' || NOT_FIRST.includes(first)) return undefined;
  // The value and its trailing blanks hold no '#': the first '#' after the value starts (the first
  // character is not one) must be a comment's, after a blank, with no line break after it.
  let end = line.length;
  const hash = line.indexOf('#', valueStart + 1);
  if (hash !== -1) {
    if (!isTab(line[hash - 1]) || /[\r\u2028\u2029]/.test(line.slice(hash + 1))) return undefined;
    end = hash - 1;
  }
  const span = line.slice(valueStart, end);
  // The first ': ' (or ':\t') after the value's first character; the value then runs on to its
  // trailing blanks (the lazy parts take as little as the rest allows).
  let colon = span.indexOf(':', 1);
  while (colon !== -1 && !(colon + 1 < span.length && isTab(span[colon + 1]))) colon = span.indexOf(':', colon + 1);
  if (colon === -1) return undefined;
  let valueEnd = span.length;
  while (valueEnd > colon + 2 && isTab(span[valueEnd - 1])) valueEnd--;
  return [indent, key, span.slice(0, valueEnd)];
}

export function quoteYamlValue(value: string): string {
  if (!value.includes('"') && !value.includes('\\')) return `"${value}"`;
  return `'${value.replace(/'/g, "''")}'`;
}

/** The slip on the line holding `offset` in the YAML `source`, if that line has one. */
export function colonSlipAt(source: string, offset: number): ColonSlip | undefined {
  const lineStart = source.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
  let lineEnd = source.indexOf('\n', lineStart);
  if (lineEnd === -1) lineEnd = source.length;
  const line = source.slice(lineStart, lineEnd).replace(/\r$/, '');
  if (line.length > MAX_LINE) return undefined;
  const m = slipParts(line);
  if (!m) return undefined;
  const [indent, key, value] = m;
  const start = lineStart + indent.length + line.slice(indent.length).indexOf(value, key.length);
  return { key, value, start, end: start + value.length, quoted: quoteYamlValue(value) };
}

export function colonSlipMessage(slip: ColonSlip): string {
  return `The value of '${slip.key}' has a colon followed by a space in it, which YAML reads as the start of another field, so the plan's details cannot be read. Put the whole value in quotes: ${slip.key}: ${slip.quoted}`;
}
