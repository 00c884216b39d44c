/**
 * Reading markdown line by line, as the parser would, before parsing it: where the front matter
 * ends, and whether each line is inside fenced code or a multi-line HTML comment, so that code or a
 * comment is never taken for a heading. Shared by every line scan (the chunk splitter, the parse
 * limits and the shared-content scan), which must agree with each other and with remark.
 */
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

export type LineKind = 'text' | 'fence-open' | 'code' | 'comment';

export class LineContext {
  private fence: string | null = null;
  private inComment = false;

  /** Inside fenced code or a comment before the next line is read. */
  get inside(): boolean {
    return this.fence !== null || this.inComment;
  }

  /** The kind of the next line (call once per line, in order; the line without its line ending). */
  next(line: string): LineKind {
    if (this.fence) {
      const m = FENCE.exec(line);
      if (m && m[1][0] === this.fence[0] && m[1].length >= this.fence.length && line.trim() === m[1]) this.fence = null;
      return 'code';
    }
    if (this.inComment) {
      if (line.includes('-->')) this.inComment = false;
      return 'comment';
    }
    const f = FENCE.exec(line);
    // A backtick fence's info string may not hold a backtick (then it is inline code, not a fence).
    if (f && !(f[1][0] === '`' && line.slice(f[0].length).includes('`'))) {
      this.fence = f[1];
      return 'fence-open';
    }
    if (/^ {0,3}<!--/.test(line) && !line.slice(line.indexOf('<!--') + 4).includes('-->')) {
      this.inComment = true;
      return 'comment';
    }
    return 'text';
  }
}

/** The front matter at the very start of a text: its YAML, and where the body starts. */
export interface FrontMatterBlock {
  /** The YAML between the fences. */
  valueStart: number;
  valueEnd: number;
  /** Just past the closing fence's line. */
  end: number;
}

export function frontMatterBlock(text: string): FrontMatterBlock | undefined {
  const open = /^---[ \t]*\r?\n/.exec(text);
  if (!open) return undefined;
  const close = /^(?:---|\.\.\.)[ \t]*$/m.exec(text.slice(open[0].length));
  if (!close) return undefined;
  const valueStart = open[0].length;
  const closeEnd = valueStart + close.index + close[0].length;
  const nl = text.indexOf('\n', closeEnd);
  return { valueStart, valueEnd: valueStart + close.index, end: nl === -1 ? text.length : nl + 1 };
}
