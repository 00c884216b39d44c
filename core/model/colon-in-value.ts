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

/** Lines longer than this are not examined (the regular expression stays linear anyway). */
const MAX_LINE = 2000;

// key: value-with-": "-inside, optionally after a list dash; the value is plain (not quoted, not a
// flow collection or block scalar) and a comment after ' #' is left alone.
const SLIP = /^([ \t]*(?:-[ \t]+)?)([A-Za-z_][\w-]{0,100})[ \t]*:[ \t]+([^\s'"[{|>#&*!%@`][^\n#]*?:[ \t][^\n#]*?)[ \t]*(?:[ \t]#.*)?$/;

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
  const m = SLIP.exec(line);
  if (!m) return undefined;
  const start = lineStart + m[1].length + line.slice(m[1].length).indexOf(m[3], m[2].length);
  return { key: m[2], value: m[3], start, end: start + m[3].length, quoted: quoteYamlValue(m[3]) };
}

export function colonSlipMessage(slip: ColonSlip): string {
  return `The value of '${slip.key}' has a colon followed by a space in it, which YAML reads as the start of another field, so the plan's details cannot be read. Put the whole value in quotes: ${slip.key}: ${slip.quoted}`;
}
