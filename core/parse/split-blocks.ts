/**
 * Split a plan into independently parseable chunks at H1/H2 headings, outside fenced code and HTML
 * comments. Each chunk parses the same alone as in the whole document, so an edit re-parses only its
 * own chunk (remark-parse with GFM tables costs about 3 ms per KB: too slow to re-parse a 2,000-line
 * plan on every keystroke).
 */
import { frontMatterBlock, LineContext } from './line-context.js';
import { countLineEnds } from '../input/line-ends.js';

export interface Chunk {
  text: string;
  /** 0-based offset of the chunk in the document. */
  offset: number;
  /** 1-based line the chunk starts on. */
  line: number;
}

const HEADING = /^ {0,3}#{1,2}(?:[ \t]|$)/;

export function splitBlocks(text: string): Chunk[] {
  const chunks: Chunk[] = [];
  let chunkStart = 0;
  let chunkLine = 1;
  let pos = 0;
  let line = 1;
  const context = new LineContext();

  // Front matter stays in the first chunk whatever it contains.
  const fm = frontMatterBlock(text);
  if (fm) {
    line += countLineEnds(text, 0, fm.end);
    pos = fm.end;
  }

  while (pos < text.length) {
    const nl = text.indexOf('\n', pos);
    const lineEnd = nl === -1 ? text.length : nl;
    const content = text.slice(pos, lineEnd);
    if (context.next(content) === 'text' && HEADING.test(content) && pos > chunkStart) {
      chunks.push({ text: text.slice(chunkStart, pos), offset: chunkStart, line: chunkLine });
      chunkStart = pos;
      chunkLine = line;
    }
    // A lone CR inside the line also ends a line for markdown (and so in the chunk's positions).
    // (Searched in the line only: searching the text would scan to its end on every line.)
    for (let cr = content.indexOf('\r'); cr !== -1; cr = content.indexOf('\r', cr + 1))
      if (text.charCodeAt(pos + cr + 1) !== 10) line++;
    pos = nl === -1 ? text.length : nl + 1;
    line++;
  }
  if (chunkStart < text.length || chunks.length === 0) {
    chunks.push({ text: text.slice(chunkStart), offset: chunkStart, line: chunkLine });
  }
  return chunks;
}
