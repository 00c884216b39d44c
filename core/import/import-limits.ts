/**
 * How much of a document `continuity import` reads, and the words it refuses with. Imported files
 * come from anywhere (a plan mailed in, a download from a practice website), so every format is
 * bounded before the step that could run away with it: the zip inside a .docx (entries, and the bytes
 * each inflates to, counted as they come out), the XML inside it (nodes, nesting, paragraphs), and HTML
 * or markdown (bytes, nodes, nesting and the children of one node) before any recursive step reads them.
 *
 * Each limit is a few times what the largest real plan needs and low enough that a document at the
 * limit converts in seconds, not minutes. Measured here (2 cores, Node 20): a Word plan of 10,000
 * paragraphs and 1,600 table rows is 11.8 MB and 846,000 nodes of XML; mammoth reads it in about
 * 5 s of CPU at 760 MB, and the whole import takes about 12 s. mammoth's memory grows with the
 * paragraphs and runs (stretches of one formatting) it reads more than with bytes: 100,000 one-letter
 * paragraphs (5.5 MB) take it to 880 MB, 100,000 runs in one paragraph (2.3 MB) to 700 MB; hence a
 * limit on them.
 */
export const IMPORT_LIMITS = {
  /** The file itself, whatever its kind. */
  fileBytes: 30 * 1024 * 1024,
  /** A web page (Word's own HTML is wordy: a 150-page plan saved as a web page is about 5 MB). */
  htmlBytes: 20 * 1024 * 1024,
  /** Markdown or text read, and the markdown a document becomes (a 150-page plan is about 0.5 MB). */
  textBytes: 3 * 1024 * 1024,
  /** Entries in a .docx (a real one has 10 to 50, and one per picture). */
  zipEntries: 5000,
  /** What one part of a .docx inflates to. */
  partBytes: 24 * 1024 * 1024,
  /** What every part read inflates to, together. */
  totalBytes: 48 * 1024 * 1024,
  /** Elements, attributes and text nodes in one XML part. */
  xmlNodes: 1_000_000,
  /** Elements inside each other in one XML part (Word writes fewer than 30). */
  xmlDepth: 128,
  /**
   * Paragraphs and runs in a Word document, table cells' included (the plan of 10,000 paragraphs above
   * has 53,000; Word splits a paragraph into more runs as it is edited).
   */
  wordPieces: 120_000,
  /** Elements and text in an HTML page or what Word's text becomes, or nodes of markdown. */
  treeNodes: 200_000,
  /** Elements inside each other (a web page rarely has 40). */
  treeDepth: 128,
  /** Children of one element: paragraphs of one page, cells of one row, items of one list. */
  treeWidth: 30_000,
};

export class ImportError extends Error {}

/** 12345 -> "12,345" (without Intl, which costs 20 ms to start). */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function formatMegabytes(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${Math.round(bytes / (1024 * 1024))} MB`;
}

/** What a practice can do with a Word document the tools will not read as it is. */
export const RESAVE_WORD =
  'Open it in Word and save it again as a Word document (.docx); if that does not help, save it as a web page (.htm) and import that.';

/** The same for a web page or a text file. */
export const SIMPLIFY_PAGE =
  'Check it is the practice plan and not another page or pasted data; if it is, open it in Word, save it as a Word document (.docx) and import that.';

/** A document too big or too complex for any plan: what is wrong, and what to do. */
export function tooComplex(what: string, advice: string): ImportError {
  return new ImportError(`${what}, more than any practice plan needs, so it was not read. ${advice}`);
}
