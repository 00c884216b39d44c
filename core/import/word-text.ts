/**
 * The text a Word document shows, read from its own XML as mammoth reads each part: the words the
 * import compares the plan with. Counted here, not from the converted HTML, so nothing the converter
 * drops (a paragraph a style map discards, an element it does not know) can go unnoticed.
 *
 * Text Word does not show is left out, as mammoth leaves it out: deleted and moved-away text and
 * deleted table rows (tracked changes), and of the two versions of a drawing in mc:AlternateContent
 * the first (the same text box would count twice); a choice with no fallback is counted, as mammoth
 * would drop it. A paragraph whose mark is deleted runs on into the next, as mammoth joins them.
 * Footnotes and endnotes count when the document refers to them, as only those are converted.
 * Elements are known by their namespace, never by the prefix a file chose.
 *
 * Its paragraphs and runs are counted too: mammoth's memory grows with them (see import-limits.ts).
 */
import type { SaxesTagNS } from 'saxes';
import { formatCount, IMPORT_LIMITS, RESAVE_WORD, tooComplex } from './import-limits.js';
import type { XmlVisitor } from './xml-scan.js';

const WORD_NS = new Set([
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main',
]);
const COMPATIBILITY_NS = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
/** Empty Word elements that stand between words. */
const SEPARATORS = new Set(['tab', 'br', 'cr', 'noBreakHyphen', 'ptab']);

interface Frame {
  /** The local name of a Word element (w:...); undefined for any other. */
  word?: string;
  /** Nothing under it is shown. */
  hides: boolean;
  /** mc:AlternateContent: whether a fallback came, and the first choice's text meanwhile. */
  alternate?: { fallback: boolean; choice?: string[] };
  /** A paragraph whose mark is deleted: it runs on into the next. */
  joined?: boolean;
  /** Where text under this element goes. */
  sink: string[];
}

function wordAttribute(tag: SaxesTagNS, local: string): string {
  for (const a of Object.values(tag.attributes)) if (a.local === local && WORD_NS.has(a.uri)) return a.value;
  return '';
}

export class WordText implements XmlVisitor {
  private readonly body: string[] = [];
  private readonly notes = new Map<string, string[]>();
  private readonly references: string[] = [];
  private readonly stack: Frame[] = [];
  /** Text nobody shows (a second choice, a part other than the document and its notes). */
  private readonly nowhere: string[] = [];
  private hidden = 0;
  private part: 'document' | 'notes' | 'other' = 'other';
  private pieces = 0;

  /**
   * `bodies`: the root elements whose text is read (the document's; or a page header's and
   * footer's, `hdr` and `ftr`, which mammoth does not convert).
   */
  constructor(
    private readonly limits = IMPORT_LIMITS,
    private readonly bodies: readonly string[] = ['document'],
  ) {}

  open(tag: SaxesTagNS, depth: number): void {
    const local = tag.local;
    const word = WORD_NS.has(tag.uri) ? local : undefined;
    const [parent, grand, great] = [1, 2, 3].map((k) => this.stack[this.stack.length - k]);
    if (depth === 1) {
      const notes = this.bodies.includes('document') && (word === 'footnotes' || word === 'endnotes');
      this.part = word && this.bodies.includes(word) ? 'document' : notes ? 'notes' : 'other';
    }
    const frame: Frame = {
      word,
      hides: false,
      sink: parent?.sink ?? (this.part === 'document' ? this.body : this.nowhere),
    };
    if ((word === 'p' || word === 'r') && this.part !== 'other' && ++this.pieces > this.limits.wordPieces)
      throw tooComplex(
        `it has more than ${formatCount(this.limits.wordPieces)} paragraphs and runs of formatted text`,
        RESAVE_WORD,
      );
    if (word === 'del' || word === 'moveFrom') {
      if (parent?.word === 'trPr' && grand?.word === 'tr') this.hide(grand);
      else if (parent?.word === 'rPr' && grand?.word === 'pPr' && great?.word === 'p') great.joined = true;
      else if (parent?.word !== 'rPr') frame.hides = true;
    } else if ((word === 'footnote' || word === 'endnote') && depth === 2 && this.part === 'notes') {
      frame.sink = [];
      this.notes.set(`${word}:${wordAttribute(tag, 'id')}`, frame.sink);
    } else if ((word === 'footnoteReference' || word === 'endnoteReference') && this.hidden === 0) {
      this.references.push(`${word.replace('Reference', '')}:${wordAttribute(tag, 'id')}`);
    } else if (word && SEPARATORS.has(word) && this.hidden === 0) {
      frame.sink.push(' ');
    } else if (tag.uri === COMPATIBILITY_NS) {
      if (local === 'AlternateContent') frame.alternate = { fallback: false };
      else if (parent?.alternate && local === 'Choice') {
        frame.sink = parent.alternate.choice ? this.nowhere : (parent.alternate.choice = []);
      } else if (parent?.alternate && local === 'Fallback') parent.alternate.fallback = true;
    }
    if (frame.hides) this.hidden++;
    this.stack.push(frame);
  }

  close(): void {
    const frame = this.stack.pop();
    if (!frame) return;
    if (frame.hides) this.hidden--;
    const choice = frame.alternate && !frame.alternate.fallback ? frame.alternate.choice : undefined;
    if (choice) for (const piece of choice) frame.sink.push(piece);
    if (this.hidden > 0) return;
    if (frame.word === 'p' && !frame.joined) frame.sink.push('\n');
    else if (frame.word === 'tc') frame.sink.push(' ');
  }

  text(text: string): void {
    const frame = this.stack[this.stack.length - 1];
    if (this.hidden === 0 && frame?.word === 't') frame.sink.push(text);
  }

  /** The document's text, a line per paragraph, with the notes it refers to after it. */
  result(): string {
    this.nowhere.length = 0;
    const notes = this.references.map((r) => this.notes.get(r)?.join('') ?? '');
    return [this.body.join(''), ...notes].filter((t) => t.trim()).join('\n');
  }

  private hide(frame: Frame): void {
    if (frame.hides) return;
    frame.hides = true;
    this.hidden++;
  }
}
