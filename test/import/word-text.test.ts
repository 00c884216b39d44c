// The words a Word document shows, read from its XML: what the import's word check compares with.
import { describe, expect, it } from 'vitest';
import { scanXmlPart } from '../../core/import/xml-scan.js';
import { WordText } from '../../core/import/word-text.js';
import { openDocxPackage } from '../../core/import/docx-package.js';
import { IMPORT_LIMITS, ImportError } from '../../core/import/import-limits.js';
import { makeZip, WORD_NS } from './zip-builder.js';

const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

function shown(parts: string[]): string {
  const words = new WordText();
  parts.forEach((xml, i) => scanXmlPart(xml, `part${i}.xml`, words));
  return words.result();
}

const documentXml = (body: string, prefix = 'w') =>
  `<${prefix}:document xmlns:${prefix}="${WORD_NS}" xmlns:mc="${MC}"><${prefix}:body>${body}</${prefix}:body></${prefix}:document>`;

describe('the text a Word document shows', () => {
  it('joins runs into words, puts each paragraph on a line and keeps tabs and breaks between words', () => {
    const body =
      '<w:p><w:r><w:t>Cas</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>tle</w:t></w:r><w:r><w:tab/><w:t>Surgery</w:t><w:br/><w:t>Plan</w:t></w:r></w:p>' +
      '<w:p><w:r><w:t>Ring 999.</w:t></w:r></w:p>';
    expect(shown([documentXml(body)])).toBe('Castle Surgery Plan\nRing 999.\n');
  });

  it('leaves out what Word does not show: deleted and moved-away text, deleted rows, instructions of fields', () => {
    const body =
      '<w:p><w:r><w:t>Kept </w:t></w:r><w:del><w:r><w:delText>gone</w:delText><w:t>gone too</w:t></w:r></w:del><w:moveFrom><w:r><w:t>moved</w:t></w:r></w:moveFrom><w:ins><w:r><w:t>inserted</w:t></w:r></w:ins></w:p>' +
      '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>' +
      '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>row one</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:trPr><w:del/></w:trPr><w:tc><w:p><w:r><w:t>deleted row</w:t></w:r></w:p></w:tc></w:tr></w:tbl>';
    expect(shown([documentXml(body)])).toBe('Kept inserted\n7\nrow one\n ');
  });

  it('joins a paragraph whose mark is deleted to the next, as mammoth does', () => {
    const body =
      '<w:p><w:pPr><w:rPr><w:del/></w:rPr></w:pPr><w:r><w:t>first</w:t></w:r></w:p><w:p><w:r><w:t>second</w:t></w:r></w:p>';
    expect(shown([documentXml(body)])).toBe('firstsecond\n');
  });

  it('counts a text box once (the fallback of mc:AlternateContent), or its choice when there is no fallback', () => {
    const box = (t: string) => `<w:txbxContent><w:p><w:r><w:t>${t}</w:t></w:r></w:p></w:txbxContent>`;
    const body =
      `<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps">${box('Divert the phones')}</mc:Choice><mc:Fallback>${box('Divert the phones')}</mc:Fallback></mc:AlternateContent></w:r></w:p>` +
      `<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps">${box('only here')}</mc:Choice></mc:AlternateContent></w:r></w:p>`;
    expect(shown([documentXml(body)])).toBe('Divert the phones\n\nonly here\n\n');
  });

  it('knows Word elements by their namespace, not the prefix the file chose', () => {
    const body = '<x:p><x:r><x:t>Any prefix</x:t></x:r></x:p><x:p><x:del><x:r><x:t>hidden</x:t></x:r></x:del></x:p>';
    expect(shown([documentXml(body, 'x')])).toBe('Any prefix\n\n');
    // Another namespace's "t" is not Word text.
    expect(
      shown([
        `<w:document xmlns:w="urn:other"><w:body><w:p><w:r><w:t>not Word</w:t></w:r></w:p></w:body></w:document>`,
      ]),
    ).toBe('');
  });

  it('adds the footnotes the document refers to, after it, and not the others', () => {
    const notes = `<w:footnotes xmlns:w="${WORD_NS}"><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:id="1"><w:p><w:r><w:t>Referred to</w:t></w:r></w:p></w:footnote><w:footnote w:id="2"><w:p><w:r><w:t>Never referred to</w:t></w:r></w:p></w:footnote></w:footnotes>`;
    const body = '<w:p><w:r><w:t>Text</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>';
    expect(shown([notes, documentXml(body)])).toBe('Text\n\nReferred to\n');
  });
});

describe('the bounds of one XML part', () => {
  it('counts elements, attributes and text against the limit, and nesting', () => {
    const limits = { ...IMPORT_LIMITS, xmlNodes: 10, xmlDepth: 3 };
    expect(() => scanXmlPart('<a x="1"><b>t</b><c/></a>', 'p.xml', {}, limits)).not.toThrow();
    expect(() => scanXmlPart('<a x="1" y="2"><b>t</b><c/><d/><e/><f/><g/><h/></a>', 'p.xml', {}, limits)).toThrow(
      /its part 'p\.xml' holds more than 10 pieces of text and formatting/,
    );
    expect(() => scanXmlPart('<a><b><c><d/></c></b></a>', 'p.xml', {}, limits)).toThrow(
      /nested more than 3 levels deep/,
    );
    expect(() => scanXmlPart('<a><b></a>', 'p.xml', {}, limits)).toThrow(
      /it is damaged: its part 'p\.xml' is not well-formed XML/,
    );
  });
});

describe('the zip of a .docx', () => {
  it('counts what every part read inflates to, together, and refuses past the limit', async () => {
    const zip = makeZip([
      { name: 'a.xml', data: 'a'.repeat(800) },
      { name: 'b.xml', data: 'b'.repeat(800) },
    ]);
    const pkg = await openDocxPackage(zip, { ...IMPORT_LIMITS, partBytes: 1000, totalBytes: 1500 });
    expect((await pkg.read('a.xml')).length).toBe(800);
    expect((await pkg.read('a.xml')).length).toBe(800); // read once, kept: not counted twice
    await expect(pkg.read('b.xml')).rejects.toThrow(/its parts unpack to more than 2 KB in all/);
    await expect(pkg.read('missing.xml')).rejects.toBeInstanceOf(ImportError);
    pkg.close();
  });

  it('refuses two parts with the same name (which one would be read is anybody’s guess)', async () => {
    const zip = makeZip([
      { name: 'word/document.xml', data: '<a/>' },
      { name: 'word/document.xml', data: '<b/>' },
    ]);
    await expect(openDocxPackage(zip)).rejects.toThrow(/it holds two parts named 'word\/document\.xml'/);
  });
});
