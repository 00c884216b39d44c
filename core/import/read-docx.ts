/**
 * A Word document (.docx) to HTML with mammoth, which keeps headings, lists and tables, read safely:
 * mammoth is handed the document's parts through a bounded package (docx-package.ts), each XML part
 * is measured before mammoth parses it (xml-scan.ts), and the words the document shows are read from
 * that XML in the same pass (word-text.ts) so the import can prove none was dropped.
 *
 * A .docx may carry its own mammoth style map (a hidden part): it could silently drop chosen
 * paragraphs ("ring 999", a divert number), so it is never used, and the report says it was there.
 */
import mammoth from 'mammoth';
import { openDocxPackage, type DocxPackage } from './docx-package.js';
import { scanXmlPart, type XmlVisitor } from './xml-scan.js';
import { WordText } from './word-text.js';
import { IMPORT_LIMITS, ImportError, RESAVE_WORD } from './import-limits.js';

export interface DocxContent {
  html: string;
  /** What the document shows, a line per paragraph: the words the plan must keep. */
  text: string;
  /** The title and company in the document's properties (File > Info in Word). */
  properties: { title?: string; company?: string };
  /** The text of its page headers and footers (which the plan does not take), a line each, once. */
  margins: string[];
  /** Things the practice should know about the file. */
  notes: string[];
  /** Word elements mammoth could not convert (named when words would be lost). */
  unconverted: string[];
}

/** Where mammoth looks for a style map stored in the document itself. */
const EMBEDDED_STYLE_MAP = 'mammoth/style-map';

/**
 * Word's built-in styles that mammoth does not map: the title is the plan's title, and headings in
 * a style derived from Word's ("Heading 1 numbered") are headings. Every other style is kept as an
 * ordinary paragraph with all its words.
 */
const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  ...[1, 2, 3, 4, 5, 6].map((n) => `p[style-name^='Heading ${n}'] => h${n}:fresh`),
  ...[1, 2, 3, 4, 5, 6].map((n) => `p[style-name^='heading ${n}'] => h${n}:fresh`),
];

const utf8 = new TextDecoder('utf-8');

/** The part's text, measured (and read by the visitor) before anyone parses it. */
async function readXml(pkg: DocxPackage, name: string, visitor?: XmlVisitor): Promise<string> {
  const text = utf8.decode(await pkg.read(name));
  scanXmlPart(text, name, visitor);
  return text;
}

/** Each part read and counted once, however often mammoth asks for it. */
function cachedReader(pkg: DocxPackage, visitor: XmlVisitor): (name: string) => Promise<string> {
  const read = new Map<string, Promise<string>>();
  return (name) => {
    let text = read.get(name);
    if (!text) read.set(name, (text = readXml(pkg, name, visitor)));
    return text;
  };
}

const CORE_PROPERTIES = 'docProps/core.xml';
const APP_PROPERTIES = 'docProps/app.xml';
const DUBLIN_CORE = 'http://purl.org/dc/elements/1.1/';
const EXTENDED_PROPERTIES = 'http://schemas.openxmlformats.org/officeDocument/2006/extended-properties';

/** One element's text from a properties part (dc:title, Company). */
async function readProperty(pkg: DocxPackage, part: string, uri: string, local: string): Promise<string | undefined> {
  if (!pkg.has(part)) return undefined;
  let inside = 0;
  let value = '';
  await readXml(pkg, part, {
    open: (tag) => void (tag.uri === uri && tag.local === local && inside++),
    close: (tag) => void (tag.uri === uri && tag.local === local && inside--),
    text: (t) => void (inside > 0 && value.length < 500 && (value += t)),
  });
  return value.replace(/\s+/g, ' ').trim() || undefined;
}

/** A page header's or footer's part: word/header1.xml, word/footer2.xml. */
const MARGIN_PART = /^word\/(?:header|footer)\d{0,3}\.xml$/;

/** The lines of the page headers and footers, each once (Word repeats them per section and page kind). */
async function readMargins(pkg: DocxPackage): Promise<string[]> {
  const lines = new Set<string>();
  for (const name of pkg
    .names()
    .filter((n) => MARGIN_PART.test(n))
    .slice(0, 30)) {
    const text = new WordText(IMPORT_LIMITS, ['hdr', 'ftr']);
    await readXml(pkg, name, text);
    for (const line of text.result().split('\n'))
      if (/[\p{L}\p{N}]/u.test(line)) lines.add(line.replace(/\s+/g, ' ').trim());
  }
  return [...lines];
}

export async function readDocx(bytes: Buffer): Promise<DocxContent> {
  const pkg = await openDocxPackage(bytes);
  try {
    const notes: string[] = [];
    if (pkg.has(EMBEDDED_STYLE_MAP))
      notes.push(
        'The Word file carries hidden conversion instructions (a style map) that could leave paragraphs out: they were ignored, and every paragraph was read.',
      );
    const words = new WordText();
    const readPart = cachedReader(pkg, words);
    // The interface mammoth reads a zip through (its `file` input): every part comes from the bounded
    // package, every XML part measured first; the embedded style map is not offered at all.
    const file = {
      exists: (name: string) => name !== EMBEDDED_STYLE_MAP && pkg.has(name),
      read: async (name: string, encoding?: string) => {
        // mammoth asks for text only of XML parts (pictures come as bytes, and are never asked for).
        return encoding ? readPart(name) : pkg.read(name);
      },
    };
    let result: Awaited<ReturnType<typeof mammoth.convertToHtml>>;
    try {
      result = await mammoth.convertToHtml({ file } as unknown as { buffer: Buffer }, {
        includeEmbeddedStyleMap: false,
        styleMap: STYLE_MAP,
        externalFileAccess: false,
        // Pictures are never read: a printed plan cannot use them (their descriptions are kept).
        convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
      });
    } catch (e) {
      if (e instanceof ImportError) throw e;
      throw new ImportError(`it could not be read as a Word document. ${RESAVE_WORD}`);
    }
    const unconverted = new Set<string>();
    for (const m of result.messages) {
      const element = /unrecognised element was ignored: (\S+)/i.exec(m.message)?.[1];
      if (element) unconverted.add(element);
    }
    return {
      html: result.value,
      text: words.result(),
      margins: await readMargins(pkg),
      properties: {
        title: await readProperty(pkg, CORE_PROPERTIES, DUBLIN_CORE, 'title'),
        company: await readProperty(pkg, APP_PROPERTIES, EXTENDED_PROPERTIES, 'Company'),
      },
      notes,
      unconverted: [...unconverted],
    };
  } finally {
    pkg.close();
  }
}
