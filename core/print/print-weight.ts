/**
 * How much memory printing one plan takes, estimated from its print document before the browser sees
 * it, and the bound on it. A plan that passes its checks can still be far too big to print: Chromium
 * went past 3.5 GB on a 29 KB plan with one 1.2 MB picture of 20,000 x 20,000 pixels, and past 2.5 GB
 * (then a timeout) on a 1.2 MB plan with a 3,000-row, 40-column table. A CI runner or a practice PC
 * has a few GB in all, and `build` prints two plans at once.
 *
 * The estimate is what the browser used above its own start-up (about 460 MB) for plans of growing
 * size and shape (PSS of its whole process tree, measured with /proc/<pid>/smaps_rollup while printing):
 * - each element (table cell, paragraph, list item ...): about 21 KB (tables of 600 to 1,500 rows x 40
 *   columns, and 3,000 small tables);
 * - each byte of text and markup: up to about 600 bytes (1.6 MB of table-like lines in one paragraph
 *   took 1 GB; ordinary paragraphs take less, so this is on the safe side);
 * - each picture: about 8 bytes per pixel (decoded, then drawn into the PDF) and 20 bytes per byte of
 *   the embedded file.
 * The shipped example plans come to about 130 MB.
 */
import { pictureSize } from './picture-size.js';

/** One plan may need at most this much, and the plans printing at once no more between them. */
export const PRINT_MEMORY_LIMIT_MB = 1024;

const MB = 1024 * 1024;
const BYTES_PER_ELEMENT = 21 * 1024;
const BYTES_PER_TEXT_BYTE = 600;
const BYTES_PER_PIXEL = 8;
const BYTES_PER_PICTURE_BYTE = 20;

export interface PrintedPicture {
  /** Its alt text, as the plan names it. */
  name: string;
  width: number;
  height: number;
  megabytes: number;
}

export interface PrintWeight {
  /** Estimated memory the browser needs to print the document, above its own start-up. */
  megabytes: number;
  /** Elements (table cells, paragraphs, list items ...) and the megabytes they take. */
  elements: { count: number; megabytes: number; busiestSection?: { title: string; count: number } };
  /** Text and markup, pictures left out. */
  text: { bytes: number; megabytes: number };
  pictures: PrintedPicture[];
}

const EMBEDDED_PICTURE = /data:image\/[a-z0-9.+-]+;base64,([A-Za-z0-9+/=]*)/g;
const SECTION_OR_ELEMENT = /<h2\b[^>]*>([\s\S]*?)<\/h2>|<[a-zA-Z]/g;

function unescapeHtml(s: string): string {
  // [^<>]: a tag that never closes stops at the next '<', so the removal stays linear in the text
  // (with [^>]*, each '<' would scan to the end: quadratic on a heading of unclosed '<').
  return s
    .replace(/<[^<>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();
}

function picturesIn(html: string): { pictures: PrintedPicture[]; embeddedChars: number } {
  const pictures: PrintedPicture[] = [];
  let embeddedChars = 0;
  for (const m of html.matchAll(EMBEDDED_PICTURE)) {
    embeddedChars += m[0].length;
    const bytes = Buffer.from(m[1], 'base64');
    const size = pictureSize(bytes) ?? { width: 0, height: 0 };
    const tagStart = html.lastIndexOf('<img', m.index);
    const tagEnd = html.indexOf('>', m.index + m[0].length);
    const tag = html.slice(tagStart, m.index) + html.slice(m.index + m[0].length, tagEnd);
    const alt = /\balt="([^"]*)"/.exec(tag)?.[1];
    pictures.push({
      name: alt ? unescapeHtml(alt) : 'a picture',
      ...size,
      megabytes: (size.width * size.height * BYTES_PER_PIXEL + bytes.length * BYTES_PER_PICTURE_BYTE) / MB,
    });
  }
  return { pictures, embeddedChars };
}

export function weighPrintDocument(html: string): PrintWeight {
  const { pictures, embeddedChars } = picturesIn(html);
  let count = 0;
  let section = '';
  const bySection = new Map<string, number>();
  for (const m of html.matchAll(SECTION_OR_ELEMENT)) {
    let n = 1;
    if (m[1] !== undefined) {
      section = unescapeHtml(m[1]);
      n += (m[1].match(/<[a-zA-Z]/g) ?? []).length;
    }
    count += n;
    bySection.set(section, (bySection.get(section) ?? 0) + n);
  }
  const busiest = [...bySection].filter(([title]) => title).sort((a, b) => b[1] - a[1])[0];
  const textBytes = html.length - embeddedChars;
  const elementsMb = (count * BYTES_PER_ELEMENT) / MB;
  const textMb = (textBytes * BYTES_PER_TEXT_BYTE) / MB;
  return {
    megabytes: elementsMb + textMb + pictures.reduce((sum, p) => sum + p.megabytes, 0),
    elements: { count, megabytes: elementsMb, ...(busiest ? { busiestSection: { title: busiest[0], count: busiest[1] } } : {}) },
    text: { bytes: textBytes, megabytes: textMb },
    pictures,
  };
}

const thousands = (n: number) => Math.round(n).toLocaleString('en-GB');
const memory = (mb: number) => (mb >= 1024 ? `${(mb / 1024).toFixed(1)} GB` : `${Math.ceil(mb)} MB`);

/** What takes most of the memory, and what to do about it. */
function mostOf(w: PrintWeight): string {
  const picture = [...w.pictures].sort((a, b) => b.megabytes - a.megabytes)[0];
  const picturesMb = w.pictures.reduce((sum, p) => sum + p.megabytes, 0);
  if (picture && picturesMb >= w.elements.megabytes && picturesMb >= w.text.megabytes) {
    const size = picture.width ? ` (${thousands(picture.width)} x ${thousands(picture.height)} pixels)` : '';
    return `Most of it is for ${w.pictures.length === 1 ? 'its picture' : `its ${w.pictures.length} pictures, the largest`} '${picture.name}'${size}: save ${w.pictures.length === 1 ? 'it' : 'them'} smaller (2,000 pixels across is plenty for a printed A4 page) and print again.`;
  }
  if (w.elements.megabytes >= w.text.megabytes) {
    const where = w.elements.busiestSection
      ? `, ${thousands(w.elements.busiestSection.count)} of them in '${w.elements.busiestSection.title}'`
      : '';
    return `Most of it is for its ${thousands(w.elements.count)} table cells, paragraphs and list items${where}: keep long lists and tables (a full staff list, an asset register) in a separate document that the plan names, or split the plan.`;
  }
  return `Most of it is for its ${(w.text.bytes / MB).toFixed(1)} MB of text: a plan that long cannot be read in an outage; keep long material in a separate document that the plan names, or split the plan.`;
}

/** Why the plan is not printed, or undefined when it can be. */
export function printWeightProblem(w: PrintWeight, limitMb = PRINT_MEMORY_LIMIT_MB): string | undefined {
  if (w.megabytes <= limitMb) return undefined;
  return `it is too large to print: printing it would take about ${memory(w.megabytes)} of memory, and one plan may take at most ${memory(limitMb)} (more can stop the browser, or the whole computer or CI runner). ${mostOf(w)}`;
}
