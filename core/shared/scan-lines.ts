/**
 * A line scan of a plan or shared file, cheap enough to run before parsing: where the front matter
 * ends, where each H2 section starts, and where the `<!-- include: path -->` lines are. Fenced code
 * and multi-line comments are skipped, so an example include inside a code block stays an example.
 */
import { frontMatterBlock, LineContext } from '../parse/line-context.js';

export interface ScannedHeading {
  /** Offset of the start of the heading line. */
  start: number;
  /** The heading's words as written (without `##` and closing hashes). */
  text: string;
}

export interface IncludeLine {
  /** The directive line, without its line ending. */
  start: number;
  end: number;
  /** What follows `include:`, e.g. `../shared/messages.md#patient-communications`. */
  target: string;
}

export interface LineScan {
  /** Offset where the body starts (after the front matter's closing line), 0 without front matter. */
  bodyStart: number;
  /** The YAML between the front matter fences, when there is front matter. */
  frontMatter?: { start: number; end: number };
  headings: ScannedHeading[];
  includes: IncludeLine[];
}

// Headings and include lines are taken apart by string search, not by one pattern with blank runs
// on both sides of the words (`[ \t]+(.*?)[ \t]*$`), which backtracks quadratically on a long line.
const H2_OPEN = /^ {0,3}##(?:[ \t]|$)/;
const INCLUDE_OPEN = /^ {0,3}<!--/;
const INCLUDE_WORD = /^include:?/i;

/** The words of a `## heading` line, without closing hashes; undefined for any other line. */
export function h2Text(line: string): string | undefined {
  const open = H2_OPEN.exec(line);
  if (!open) return undefined;
  const words = line.slice(open[0].length).trim();
  let hashes = words.length;
  while (hashes > 0 && words[hashes - 1] === '#') hashes--;
  const closed = hashes < words.length && hashes > 0 && (words[hashes - 1] === ' ' || words[hashes - 1] === '\t');
  return closed ? words.slice(0, hashes).trim() : words;
}

/** What an `<!-- include: path -->` line names; undefined for any other line. */
export function includeTarget(line: string): string | undefined {
  const open = INCLUDE_OPEN.exec(line);
  if (!open) return undefined;
  const rest = line.slice(open[0].length).trimEnd();
  if (!rest.endsWith('-->')) return undefined;
  const inner = rest.slice(0, -3).trimStart();
  const word = INCLUDE_WORD.exec(inner);
  if (!word) return undefined;
  const after = inner.slice(word[0].length);
  const target = after.trim();
  return target && after.trimStart() !== after ? target : undefined;
}

function* lines(text: string, from: number): Generator<{ start: number; end: number; line: string }> {
  let start = from;
  while (start <= text.length) {
    let nl = text.indexOf('\n', start);
    if (nl === -1) nl = text.length;
    const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    yield { start, end, line: text.slice(start, end) };
    if (nl === text.length) return;
    start = nl + 1;
  }
}

export function scanLines(text: string): LineScan {
  const fm = frontMatterBlock(text);
  const scan: LineScan = { bodyStart: fm?.end ?? 0, headings: [], includes: [] };
  if (fm) scan.frontMatter = { start: fm.valueStart, end: fm.valueEnd };
  const context = new LineContext();
  for (const l of lines(text, scan.bodyStart)) {
    if (context.next(l.line) !== 'text') continue;
    const heading = h2Text(l.line);
    if (heading !== undefined) {
      scan.headings.push({ start: l.start, text: heading });
      continue;
    }
    const target = includeTarget(l.line);
    if (target !== undefined) scan.includes.push({ start: l.start, end: l.end, target });
  }
  return scan;
}

/** Quick test before any scan: does this text refer to shared content at all? */
export function mayReferToSharedContent(text: string): boolean {
  return /^shared[ \t]*:/m.test(text) || /<!--\s*include/i.test(text);
}
