/**
 * A plan merged with its shared content is one text made of pieces of several files. Each piece
 * remembers where it came from, so a position in the merged text maps back to the file and offset
 * where the words really are, and a diagnostic lands there.
 */

export interface Piece {
  /** Where the piece starts in the merged text. */
  start: number;
  length: number;
  /** Absolute path of the file the text was copied from. */
  file: string;
  /** Offset of the piece's first character in that file. */
  sourceStart: number;
  /** Joining text written by the tools (blank lines between sections): maps to `sourceStart` only. */
  synthetic?: boolean;
  /** The reference in the checked plan (a `shared:` entry or an include line) that brought the piece in. */
  via?: [number, number];
}

export interface SourcePoint {
  file: string;
  offset: number;
  /** The piece holds words the tools wrote, not the user. */
  synthetic: boolean;
  via?: [number, number];
  /** Index of the piece, so two points can be compared for "same piece". */
  piece: number;
}

export class MergedText {
  text = '';
  readonly pieces: Piece[] = [];

  /** Copy `source[start, end)` of `file`. */
  copy(file: string, source: string, start: number, end: number, via?: [number, number]): void {
    if (end <= start) return;
    this.pieces.push({ start: this.text.length, length: end - start, file, sourceStart: start, via });
    this.text += source.slice(start, end);
  }

  /** Add joining text of the tools' own, mapped to `offset` in `file`. */
  join(text: string, file: string, offset: number, via?: [number, number]): void {
    if (!text) return;
    this.pieces.push({ start: this.text.length, length: text.length, file, sourceStart: offset, synthetic: true, via });
    this.text += text;
  }

  /** Append another merged text (an expanded shared file), keeping where each of its pieces came from. */
  append(other: MergedText, via?: [number, number]): void {
    const base = this.text.length;
    for (const p of other.pieces) this.pieces.push({ ...p, start: p.start + base, via: p.via ?? via });
    this.text += other.text;
  }

  /** Append `other.text[start, end)`, keeping where each of its pieces came from. */
  appendRange(other: MergedText, start: number, end: number): void {
    for (const p of other.pieces) {
      const a = Math.max(start, p.start);
      const b = Math.min(end, p.start + p.length);
      if (b <= a) continue;
      this.pieces.push({
        ...p,
        start: this.text.length,
        length: b - a,
        sourceStart: p.synthetic ? p.sourceStart : p.sourceStart + (a - p.start),
      });
      this.text += other.text.slice(a, b);
    }
  }

  /**
   * Where an offset of the merged text came from. At the boundary between two pieces the later one
   * is chosen, or the earlier one with `endOfRange` (an exclusive range end belongs to what it ends).
   */
  source(offset: number, endOfRange = false): SourcePoint | undefined {
    const pieces = this.pieces;
    if (pieces.length === 0) return undefined;
    let lo = 0;
    let hi = pieces.length - 1;
    // The last piece starting at or before the offset (or strictly before it, for a range end).
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      const starts = pieces[mid].start;
      if (endOfRange ? starts < offset : starts <= offset) lo = mid;
      else hi = mid - 1;
    }
    const p = pieces[lo];
    const into = Math.max(0, Math.min(offset - p.start, p.length));
    return {
      file: p.file,
      offset: p.synthetic ? p.sourceStart : p.sourceStart + into,
      synthetic: !!p.synthetic,
      via: p.via,
      piece: lo,
    };
  }
}
