import type { Position, Range } from '../diagnostic.js';

/**
 * Offsets of line starts, to turn 0-based offsets into 1-based line/column positions and back.
 *
 * Diagnostics count lines as git and GitHub do: LF ends a line (CRLF too, its CR being the last
 * character of the line); a lone CR does not. Markdown (micromark, vfile-location, so remark's message
 * control) also ends a line at a lone CR: `markdownLineEnds` counts lines that way, for positions
 * that meet remark's.
 */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(
    readonly text: string,
    options: { markdownLineEnds?: boolean } = {},
  ) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && options.markdownLineEnds && text.charCodeAt(i + 1) !== 10)) this.starts.push(i + 1);
    }
  }

  get lineCount(): number {
    return this.starts.length;
  }

  position(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= clamped) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: clamped - this.starts[lo] + 1, offset: clamped };
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(Math.max(start, end)) };
  }

  /** Offset of the start of a 1-based line (the text length past the end). */
  lineStart(line: number): number {
    return line - 1 < this.starts.length ? this.starts[line - 1] : this.text.length;
  }

  /** Range of a whole 1-based line without its line ending. */
  lineRange(line: number): Range {
    const start = this.lineStart(line);
    let end = line < this.starts.length ? this.starts[line] - 1 : this.text.length;
    if (end > start && this.text.charCodeAt(end - 1) === 13) end--;
    return this.range(start, end);
  }
}
