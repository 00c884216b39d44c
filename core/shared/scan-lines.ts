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

const H2 = /^ {0,3}##(?!#)(?:[ \t]+(.*?))?[ \t]*$/;
const INCLUDE = /^ {0,3}<!--\s*include:?\s+(.+?)\s*-->\s*$/i;

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
    const h = H2.exec(l.line);
    if (h) {
      scan.headings.push({ start: l.start, text: (h[1] ?? '').replace(/[ \t]+#+$/, '').trim() });
      continue;
    }
    const inc = INCLUDE.exec(l.line);
    if (inc) scan.includes.push({ start: l.start, end: l.end, target: inc[1] });
  }
  return scan;
}

/** Quick test before any scan: does this text refer to shared content at all? */
export function mayReferToSharedContent(text: string): boolean {
  return /^shared[ \t]*:/m.test(text) || /<!--\s*include/i.test(text);
}
