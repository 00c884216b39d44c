/**
 * Line endings, in one place: how markdown counts them (LF, CRLF and a lone CR each end a line) and
 * which one a plan uses, so text the tools insert matches the lines around it.
 */

/** Line endings between two offsets, counted as markdown does: LF, CRLF and a lone CR each end a line. */
export function countLineEnds(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) n++;
  }
  return n;
}

/** The line ending to write into this text: CRLF when it has any, else LF. */
export function eolOf(text: string): '\r\n' | '\n' {
  return text.includes('\r\n') ? '\r\n' : '\n';
}
