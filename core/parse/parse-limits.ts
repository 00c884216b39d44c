/**
 * Limits that keep parsing a plan bounded in time and memory whatever the file holds.
 *
 * remark-parse (micromark) is fast on anything a person writes, but some shapes cost it time that grows
 * with the square of their size (a 20 KB paragraph of nested brackets takes half a minute; a quote
 * nested 10,000 deep overflows the stack of every tree walk after it), and its working memory is about
 * 800 times the size of the block it parses (a 5 MB table needs 4 GB). So before a chunk is parsed it
 * is scanned once, line by line:
 *
 * - a block (lines without a blank line between them) that is nested too deeply, holds too many
 *   brackets, asterisks or backticks in one paragraph, continues a quote or list "lazily" for too
 *   many lines, has a row with too many columns, or is too long, is not parsed as markdown: it
 *   becomes one plain-text paragraph (every character kept, positions exact) marked with the reason,
 *   and the engine reports it;
 * - a chunk larger than `unitChars` is parsed in parts split at blank lines, so the parser's working
 *   memory stays small.
 *
 * Nothing a real plan contains comes near these limits.
 */
import { frontMatterBlock, LineContext } from './line-context.js';

export const PARSE_LIMITS = {
  /** Lists and quotes inside each other, estimated per line from its markers and indentation. */
  nesting: 32,
  /** `[`, `]`, `*`, `_`, backticks and `<` in one paragraph (each table row counts alone). */
  inlineMarks: 500,
  /** `|` on one line: the columns of a table row. */
  cellsPerRow: 1000,
  /** Lines that continue a quote or list item without its `>` or indentation. */
  lazyLines: 1000,
  /** Lines in one block without a blank line (a table, paragraph or list). */
  blockLines: 5000,
  /** Characters parsed at once. */
  unitChars: 64 * 1024,
};

export type UnreadReason = 'nesting' | 'inline-marks' | 'cells' | 'lazy-lines' | 'block-lines';

export interface Segment {
  /** Offsets in the chunk, end exclusive. */
  start: number;
  end: number;
  /** Set when the segment is read as plain text rather than parsed. */
  unread?: UnreadReason;
}

const ATX_HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;
/** A table's delimiter row: `| --- | :-: |` (pipes optional at the ends, one needed for a single column). */
const DELIMITER_CELL = /^:?-+:?$/;

/** Cell by cell, not one pattern with a `[ \t]*` either side of each cell, which backtracks on long blank runs. */
export function isDelimiterRow(line: string): boolean {
  let row = line.trim();
  if (row.startsWith('|')) row = row.slice(1);
  if (row.endsWith('|')) row = row.slice(0, -1);
  return row.split('|').every((cell) => DELIMITER_CELL.test(cell.trim()));
}

/** Length of the YAML front matter block at the start of a text (0 when there is none). */
export function frontMatterLength(text: string): number {
  return frontMatterBlock(text)?.end ?? 0;
}

interface LineShape {
  /** Estimated depth of lists and quotes. */
  depth: number;
  /** The line starts a list item or quote. */
  opensContainer: boolean;
  /** The line starts a list item (a new paragraph), not only a quote line (which may continue one). */
  listItem: boolean;
  /** Offset (in the line) of the content after the container markers. */
  contentStart: number;
  /** Columns of indentation before the first non-space character. */
  indent: number;
}

/** Container markers at the start of a line: `>`, `-`, `*`, `+`, `1.` or `1)`, with the spaces between. */
function shapeOf(line: string): LineShape {
  let i = 0;
  let markers = 0;
  let listItem = false;
  let columns = 0;
  let indent = -1;
  for (;;) {
    while (i < line.length && (line[i] === ' ' || line[i] === '\t')) {
      columns += line[i] === '\t' ? 4 : 1;
      i++;
    }
    if (indent < 0) indent = columns;
    const c = line[i];
    if (c === '>') {
      markers++;
      i++;
      continue;
    }
    if (
      (c === '-' || c === '*' || c === '+') &&
      (i + 1 === line.length || line[i + 1] === ' ' || line[i + 1] === '\t')
    ) {
      markers++;
      listItem = true;
      i++;
      continue;
    }
    if (c !== undefined && c >= '0' && c <= '9') {
      let j = i;
      while (j < line.length && j - i < 9 && line[j] >= '0' && line[j] <= '9') j++;
      if (
        (line[j] === '.' || line[j] === ')') &&
        (j + 1 === line.length || line[j + 1] === ' ' || line[j + 1] === '\t')
      ) {
        markers++;
        listItem = true;
        i = j + 1;
        continue;
      }
    }
    break;
  }
  // Indentation nests list items too (two columns at least per level), but only counts on a line
  // that has a marker: an indented paragraph line opens nothing.
  const depth = markers === 0 ? 0 : markers + Math.floor(columns / 2);
  return { depth, opensContainer: markers > 0, listItem, contentStart: i, indent };
}

function countInlineMarks(line: string, from: number): number {
  let n = 0;
  for (let i = from; i < line.length; i++) {
    const c = line.charCodeAt(i);
    // [ ] * _ ` <
    if (c === 91 || c === 93 || c === 42 || c === 95 || c === 96 || c === 60) n++;
  }
  return n;
}

function countPipes(line: string): number {
  let n = 0;
  for (let i = line.indexOf('|'); i !== -1; i = line.indexOf('|', i + 1)) n++;
  return n;
}

interface Block {
  start: number;
  /** End of the last line (before its line ending). */
  end: number;
  /** Offset after the last line's line ending. */
  next: number;
  unread?: UnreadReason;
  /** The block may start a new parse unit (it does not continue the block before it). */
  splittable: boolean;
}

/** The chunk's blocks: runs of lines between blank lines (blank lines in fences and comments do not count). */
function scanBlocks(text: string, from: number): Block[] {
  const L = PARSE_LIMITS;
  const blocks: Block[] = [];
  let block: Block | undefined;
  let lines = 0;
  let lazy = 0;
  let containerOpen = false;
  let marks = 0;
  let inTable = false;
  const context = new LineContext();
  const close = () => {
    if (block) blocks.push(block);
    block = undefined;
  };
  const flag = (reason: UnreadReason) => {
    if (block && !block.unread) block.unread = reason;
  };
  let pos = from;
  while (pos < text.length) {
    const nl = text.indexOf('\n', pos);
    const next = nl === -1 ? text.length : nl + 1;
    let lineEnd = nl === -1 ? text.length : nl;
    if (lineEnd > pos && text.charCodeAt(lineEnd - 1) === 13) lineEnd--;
    const line = text.slice(pos, lineEnd);
    const blank = line.trim() === '';
    if (blank && !context.inside) {
      close();
      pos = next;
      continue;
    }
    const heading = !context.inside && ATX_HEADING.test(line);
    if (!block || heading) {
      close();
      const shape = shapeOf(line);
      block = { start: pos, end: lineEnd, next, splittable: shape.indent === 0 };
      lines = 0;
      lazy = 0;
      containerOpen = false;
      marks = 0;
      inTable = false;
    }
    block.end = lineEnd;
    block.next = next;
    lines++;
    if (lines > L.blockLines) flag('block-lines');
    const kind = context.next(line);
    if (kind === 'fence-open') marks = 0;
    else if (kind === 'text') {
      const shape = shapeOf(line);
      if (shape.depth > L.nesting) flag('nesting');
      if (countPipes(line) > L.cellsPerRow) flag('cells');
      const rest = line.slice(shape.contentStart).trimStart();
      if (shape.opensContainer) containerOpen = true;
      else if (containerOpen && shape.indent <= 1 && ++lazy > L.lazyLines) flag('lazy-lines');
      // Table rows are parsed one by one (a row's cells apart, in fact); after a delimiter row every
      // line of the block is a row.
      if (!inTable && rest.includes('-') && isDelimiterRow(rest) && rest.includes('|')) inTable = true;
      const row = inTable || rest.startsWith('|');
      // A paragraph runs on until a line starts something else: count its marks together.
      if (row || shape.listItem || heading || rest === '' || rest[0] === '#' || rest[0] === '<') marks = 0;
      marks += countInlineMarks(line, shape.contentStart);
      if (marks > L.inlineMarks) flag('inline-marks');
    }
    if (heading) close();
    pos = next;
  }
  close();
  return blocks;
}

/**
 * How to parse a chunk: the segments to parse as markdown and the blocks to read as plain text. For a
 * chunk within every limit this is one segment, the whole chunk (parsed exactly as before).
 */
export function planSegments(text: string): Segment[] {
  const fm = frontMatterLength(text);
  const blocks = scanBlocks(text, fm);
  const whole: Segment[] = [{ start: 0, end: text.length }];
  if (text.length <= PARSE_LIMITS.unitChars && !blocks.some((b) => b.unread)) return whole;

  const segments: Segment[] = [];
  let unitStart = 0;
  const flush = (to: number) => {
    if (to > unitStart) segments.push({ start: unitStart, end: to });
    unitStart = to;
  };
  for (const b of blocks) {
    if (b.unread) {
      flush(b.start);
      segments.push({ start: b.start, end: b.end, unread: b.unread });
      unitStart = b.next;
      continue;
    }
    // Start a new part at a block that begins at the left margin once the current part is large
    // (front matter always stays at the start of the first part).
    if (b.splittable && b.start > fm && b.start - unitStart >= PARSE_LIMITS.unitChars) flush(b.start);
  }
  flush(text.length);
  return segments.length > 0 ? segments : whole;
}

/** 12345 -> "12,345" (without Intl, which costs 20 ms to start). */
const fmt = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

const UNREAD_WORDS: Record<UnreadReason, { what: string; fix: string }> = {
  nesting: {
    what: `lists or quotes nested more than ${fmt(PARSE_LIMITS.nesting)} levels deep`,
    fix: 'Use no more than a few levels of lists inside lists.',
  },
  'inline-marks': {
    what: `a paragraph with more than ${fmt(PARSE_LIMITS.inlineMarks)} brackets, asterisks, underscores, backticks or '<' signs`,
    fix: 'Split it into shorter paragraphs, or remove formatting pasted from another program.',
  },
  cells: {
    what: `a table row with more than ${fmt(PARSE_LIMITS.cellsPerRow)} columns`,
    fix: "Check this is the plan and not pasted data: a plan's tables need only a few columns.",
  },
  'lazy-lines': {
    what: `a quote or list item continued for more than ${fmt(PARSE_LIMITS.lazyLines)} lines without its '>' or indentation`,
    fix: 'Put a blank line after the quote or list.',
  },
  'block-lines': {
    what: `more than ${fmt(PARSE_LIMITS.blockLines)} lines without a blank line`,
    fix: 'Check this is the plan and not pasted data or a log, and break long text up with blank lines.',
  },
};

/** The plain-English diagnostic for a block read as plain text. */
export function describeUnread(reason: UnreadReason, startLine: number, endLine: number): string {
  const where = startLine === endLine ? `Line ${fmt(startLine)}` : `Lines ${fmt(startLine)} to ${fmt(endLine)}`;
  const { what, fix } = UNREAD_WORDS[reason];
  const them = startLine === endLine ? { were: 'It was', in: 'in it' } : { were: 'They were', in: 'in them' };
  return `${where} could not be read as markdown: ${what}, more than the plan tools read. ${them.were} checked as plain text, so any heading, steps or table ${them.in} is not recognised. ${fix}`;
}
