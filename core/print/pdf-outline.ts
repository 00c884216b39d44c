/**
 * Read a PDF's bookmarks (outline) with their page numbers, using pdf-lib. Used to put page numbers
 * in the contents list after a first layout pass, and by tests.
 */
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString, type PDFObject } from 'pdf-lib';

export interface OutlineItem {
  title: string;
  /** 1-based page number, when the destination could be resolved. */
  page?: number;
  depth: number;
}

function text(o: PDFObject | undefined): string {
  return o instanceof PDFString || o instanceof PDFHexString ? o.decodeText() : '';
}

export async function readOutline(pdf: Uint8Array | PDFDocument): Promise<OutlineItem[]> {
  const doc = pdf instanceof PDFDocument ? pdf : await PDFDocument.load(pdf, { updateMetadata: false });
  const pageIndex = new Map<string, number>(doc.getPages().map((p, i) => [p.ref.toString(), i + 1]));
  const ctx = doc.context;
  const outlines = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  const out: OutlineItem[] = [];
  const seen = new Set<string>();
  const pageOf = (dest: PDFObject | undefined): number | undefined => {
    const arr = dest instanceof PDFRef ? ctx.lookup(dest) : dest;
    if (arr instanceof PDFArray && arr.size() > 0) {
      const target = arr.get(0);
      if (target instanceof PDFRef) return pageIndex.get(target.toString());
    }
    return undefined;
  };
  const walk = (first: PDFObject | undefined, depth: number) => {
    let ref = first;
    while (ref instanceof PDFRef && !seen.has(ref.toString()) && out.length < 10_000) {
      seen.add(ref.toString());
      const item = ctx.lookup(ref);
      if (!(item instanceof PDFDict)) break;
      let page = pageOf(item.get(PDFName.of('Dest')));
      const action = item.lookupMaybe(PDFName.of('A'), PDFDict);
      if (page === undefined && action) page = pageOf(action.get(PDFName.of('D')));
      out.push({ title: text(item.lookup(PDFName.of('Title'))), page, depth });
      walk(item.get(PDFName.of('First')), depth + 1);
      ref = item.get(PDFName.of('Next'));
    }
  };
  if (outlines) walk(outlines.get(PDFName.of('First')), 0);
  return out;
}
