/**
 * One pass over an XML part of a .docx with saxes (a streaming, strict parser) before mammoth builds
 * a DOM of it: the part is refused if it holds more nodes, or nests deeper, than any Word document,
 * or declares a document type (Word never writes one, and a DTD is how entity expansion attacks
 * start). mammoth's own reading (a DOM, then recursive walks) is never given what would exhaust
 * its memory or its stack. A visitor may read the part in the same pass (see word-text.ts).
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { formatCount, IMPORT_LIMITS, ImportError, RESAVE_WORD, tooComplex } from './import-limits.js';

export interface XmlVisitor {
  open?(tag: SaxesTagNS, depth: number): void;
  close?(tag: SaxesTagNS, depth: number): void;
  text?(text: string): void;
}

export function scanXmlPart(xml: string, part: string, visitor: XmlVisitor = {}, limits = IMPORT_LIMITS): void {
  const parser = new SaxesParser({ xmlns: true, position: false });
  let nodes = 0;
  let depth = 0;
  const count = (n: number) => {
    nodes += n;
    if (nodes > limits.xmlNodes)
      throw tooComplex(
        `its part '${part}' holds more than ${formatCount(limits.xmlNodes)} pieces of text and formatting`,
        RESAVE_WORD,
      );
  };
  parser.on('doctype', () => {
    throw new ImportError(
      `its part '${part}' declares a document type, which Word never writes: the file was not made by a word processor, or has been tampered with. ${RESAVE_WORD}`,
    );
  });
  parser.on('opentag', (tag) => {
    count(1 + Object.keys(tag.attributes).length);
    if (++depth > limits.xmlDepth)
      throw tooComplex(
        `its part '${part}' has formatting nested more than ${formatCount(limits.xmlDepth)} levels deep`,
        RESAVE_WORD,
      );
    visitor.open?.(tag as SaxesTagNS, depth);
  });
  parser.on('closetag', (tag) => {
    visitor.close?.(tag as SaxesTagNS, depth);
    depth--;
  });
  parser.on('text', (text) => {
    count(1);
    visitor.text?.(text);
  });
  parser.on('cdata', (text) => {
    count(1);
    visitor.text?.(text);
  });
  try {
    parser.write(xml).close();
  } catch (e) {
    if (e instanceof ImportError) throw e;
    throw new ImportError(`it is damaged: its part '${part}' is not well-formed XML. ${RESAVE_WORD}`);
  }
}
