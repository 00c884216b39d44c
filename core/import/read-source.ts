/**
 * Read a practice's existing plan, whatever it was written in: a Word document (.docx, see
 * read-docx.ts), a web page (.html/.htm) or text (.md/.txt). Anything else, a file that cannot be
 * read, or one larger than any plan, is an ImportError with a plain reason and what to do.
 */
import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { decodePlanBytes, isDecodeProblem } from '../input/decode-text.js';
import { formatMegabytes, IMPORT_LIMITS, ImportError, SIMPLIFY_PAGE, tooComplex } from './import-limits.js';
import { readDocx } from './read-docx.js';

export { ImportError };

export type SourceKind = 'docx' | 'html' | 'markdown';

export interface SourceDocument {
  kind: SourceKind;
  /** HTML for docx and html; markdown for md and txt. */
  content: string;
  /** For a Word document, the text it shows, read from its own XML (a web page's is read from its HTML). */
  shownText?: string;
  /** A Word document's title and company properties. */
  properties?: { title?: string; company?: string };
  /** A Word document's page headers and footers, a line each. */
  margins?: string[];
  /** What the practice should know about the file. */
  notes: string[];
  /** Word elements the reader could not convert, to name if words would be lost. */
  unconverted?: string[];
}

/** Larger than any real plan; a bound so a wrong file cannot fill memory. */
export const MAX_SOURCE_BYTES = IMPORT_LIMITS.fileBytes;

const KINDS: Record<string, SourceKind> = {
  '.docx': 'docx',
  '.html': 'html',
  '.htm': 'html',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.txt': 'markdown',
};

export function sourceKindOf(path: string): SourceKind | undefined {
  return KINDS[extname(path).toLowerCase()];
}

function readBytes(path: string): Buffer {
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new ImportError('it is a folder, not a file.');
    if (!st.isFile()) throw new ImportError('it is not a regular file.');
    size = st.size;
  } catch (e) {
    if (e instanceof ImportError) throw e;
    const code = (e as NodeJS.ErrnoException)?.code;
    throw new ImportError(
      code === 'ENOENT' ? 'it does not exist.' : `it could not be read (${code ?? 'unknown error'}).`,
    );
  }
  if (size > MAX_SOURCE_BYTES)
    throw new ImportError(
      `it is ${formatMegabytes(size)}, larger than any plan (the limit is ${formatMegabytes(MAX_SOURCE_BYTES)}). Check it is the practice plan; if pictures make it large, remove them in Word and save it again.`,
    );
  try {
    return readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException)?.code;
    throw new ImportError(
      `it could not be read (${code === 'EACCES' ? 'permission denied' : (code ?? 'unknown error')}).`,
    );
  }
}

/** Word's older .doc and password-protected documents are both OLE files: D0 CF 11 E0. */
function isOleFile(bytes: Buffer): boolean {
  return bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
}

export async function readSource(path: string): Promise<SourceDocument> {
  const kind = sourceKindOf(path);
  if (!kind)
    throw new ImportError(
      'only Word (.docx), web pages (.html, .htm) and text (.md, .txt) can be imported. Save a .doc or .pdf as .docx from Word first.',
    );
  const bytes = readBytes(path);
  if (kind === 'docx') {
    // A .docx is a zip file: "PK" first. A .doc renamed, or a damaged download, is said so plainly.
    if (isOleFile(bytes))
      throw new ImportError(
        'it is not a Word .docx document: it is an older .doc file or a password-protected document. Open it in Word, remove any password, and save it as .docx.',
      );
    if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b)
      throw new ImportError(
        'it is not a Word .docx document (it may be an older .doc file: open it in Word and save it as .docx).',
      );
    const docx = await readDocx(bytes);
    return {
      kind,
      content: docx.html,
      shownText: docx.text,
      properties: docx.properties,
      margins: docx.margins,
      notes: docx.notes,
      unconverted: docx.unconverted,
    };
  }
  const limit = kind === 'html' ? IMPORT_LIMITS.htmlBytes : IMPORT_LIMITS.textBytes;
  if (bytes.length > limit)
    throw tooComplex(
      `it is ${formatMegabytes(bytes.length)} of ${kind === 'html' ? 'web page' : 'text'} (the limit is ${formatMegabytes(limit)})`,
      SIMPLIFY_PAGE,
    );
  const decoded = decodePlanBytes(bytes);
  if (isDecodeProblem(decoded)) throw new ImportError(decoded.message);
  return { kind, content: decoded.text, notes: [] };
}
