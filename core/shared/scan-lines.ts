/**
 * A line scan of a plan or shared file, cheap enough to run before parsing: where the front matter
 * ends, where each H2 section starts, and where the `<!-- include: path -->` lines are. Fenced code
 * is skipped, so an example include inside a code block stays an example.
 */

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

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
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

function frontMatterOf(text: string): { start: number; end: number; bodyStart: number } | undefined {
  if (!/^---[ \t]*\r?\n/.test(text)) return undefined;
  const start = text.indexOf('\n') + 1;
  for (const l of lines(text, start)) {
    if (/^(---|\.\.\.)[ \t]*$/.test(l.line)) {
      const nl = text.indexOf('\n', l.end);
      return { start, end: l.start, bodyStart: nl === -1 ? text.length : nl + 1 };
    }
  }
  return undefined;
}

export function scanLines(text: string): LineScan {
  const fm = frontMatterOf(text);
  const scan: LineScan = { bodyStart: fm?.bodyStart ?? 0, headings: [], includes: [] };
  if (fm) scan.frontMatter = { start: fm.start, end: fm.end };
  let fence: string | undefined;
  for (const l of lines(text, scan.bodyStart)) {
    const f = FENCE.exec(l.line);
    if (fence) {
      if (f && f[1][0] === fence[0] && f[1].length >= fence.length && l.line.trim() === f[1]) fence = undefined;
      continue;
    }
    if (f) {
      fence = f[1];
      continue;
    }
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
