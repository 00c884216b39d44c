/**
 * Read a practice's existing plan, whatever it was written in: a Word document (.docx, through
 * mammoth, which keeps headings, lists and tables as HTML), a web page (.html/.htm) or text
 * (.md/.txt). Anything else, or a file that cannot be read, is an ImportError with a plain reason.
 */
import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import mammoth from 'mammoth';
import { decodePlanBytes, isDecodeProblem } from '../input/decode-text.js';

export type SourceKind = 'docx' | 'html' | 'markdown';

export interface SourceDocument {
  kind: SourceKind;
  /** HTML for docx and html; markdown for md and txt. */
  content: string;
  /** What the reader said about the file (mammoth's warnings about styles it could not map). */
  warnings: string[];
}

export class ImportError extends Error {}

/** Larger than any real plan; a bound so a wrong file cannot fill memory. */
export const MAX_SOURCE_BYTES = 30 * 1024 * 1024;

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
    if (st.isDirectory()) throw new ImportError(`${path} is a folder, not a file`);
    if (!st.isFile()) throw new ImportError(`${path} is not a regular file`);
    size = st.size;
  } catch (e) {
    if (e instanceof ImportError) throw e;
    const code = (e as NodeJS.ErrnoException)?.code;
    throw new ImportError(
      code === 'ENOENT' ? `${path} does not exist` : `${path} could not be read (${code ?? (e as Error).message})`,
    );
  }
  if (size > MAX_SOURCE_BYTES)
    throw new ImportError(
      `${path} is ${Math.round(size / 1048576)} MB, larger than any plan (the limit is ${MAX_SOURCE_BYTES / 1048576} MB)`,
    );
  try {
    return readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException)?.code;
    throw new ImportError(
      `${path} could not be read (${code === 'EACCES' ? 'permission denied' : (code ?? (e as Error).message)})`,
    );
  }
}

export async function readSource(path: string): Promise<SourceDocument> {
  const kind = sourceKindOf(path);
  if (!kind)
    throw new ImportError(
      `${path}: only Word (.docx), web pages (.html, .htm) and text (.md, .txt) can be imported. Save a .doc or .pdf as .docx from Word first.`,
    );
  const bytes = readBytes(path);
  if (kind === 'docx') {
    // A .docx is a zip file: "PK" first. A .doc renamed, or a damaged download, is said so plainly.
    if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b)
      throw new ImportError(
        `${path} is not a Word .docx document (it may be an older .doc file: open it in Word and save it as .docx)`,
      );
    try {
      const result = await mammoth.convertToHtml({ buffer: bytes }, {
        externalFileAccess: false,
        convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
      } as Parameters<typeof mammoth.convertToHtml>[1]);
      return { kind, content: result.value, warnings: result.messages.map((m) => m.message) };
    } catch (e) {
      throw new ImportError(
        `${path} could not be read as a Word document (${(e as Error)?.message ?? String(e)}). Open it in Word and save it again as .docx.`,
      );
    }
  }
  const decoded = decodePlanBytes(bytes);
  if (isDecodeProblem(decoded)) throw new ImportError(`${path}: ${decoded.message}`);
  return { kind, content: decoded.text, warnings: [] };
}
