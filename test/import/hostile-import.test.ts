// `continuity import` on documents made to hurt it (issue 19): each is refused with exit 2, a message
// saying what is wrong and what the practice can do, no stack trace, and nothing written.
import { describe, expect, it } from 'vitest';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { IMPORT_LIMITS } from '../../core/import/import-limits.js';
import { runCliAsync, tempWorkspace, type CliRun } from '../helpers/cli.js';
import { makeDocx, makeZip, wordParagraph, WORD_NS } from './zip-builder.js';

const MB = 1024 * 1024;

/** Writes each file into a fresh folder, imports them side by side, and returns each run with its folder. */
async function importEach(files: Record<string, Buffer | string>): Promise<Record<string, CliRun & { dir: string }>> {
  const dir = tempWorkspace(false);
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
  const names = Object.keys(files);
  const runs = await Promise.all(names.map((name) => runCliAsync(['import', name, '--out', `${name}.md`], dir)));
  return Object.fromEntries(names.map((name, i) => [name, { ...runs[i], dir }]));
}

function expectRefused(run: CliRun & { dir: string }, name: string, message: RegExp): void {
  expect(run.stderr, name).toMatch(new RegExp(`^continuity: cannot import ${name.replace(/\./g, '\\.')}: `));
  expect(run.stderr, name).toMatch(message);
  expect(run.stderr, name).not.toMatch(/internal error|RangeError|Maximum call stack|\n\s+at /);
  expect(run.code, name).toBe(2);
  expect(run.stdout, name).toBe('');
  expect(existsSync(join(run.dir, `${name}.md`)), `${name}: nothing written`).toBe(false);
}

const RESAVE =
  /Open it in Word and save it again as a Word document \(\.docx\); if that does not help, save it as a web page \(\.htm\) and import that\.$/m;

describe('a .docx that inflates', () => {
  it('is refused whatever the shape of the zip: one huge part, a part whose header lies, thousands of parts, a 7 KB file of paragraphs', async () => {
    // One part that inflates past the limit (a 24 MB run of one letter deflates to about 25 KB).
    const huge = `<w:document xmlns:w="${WORD_NS}"><w:body>${wordParagraph('a'.repeat(IMPORT_LIMITS.partBytes + MB))}</w:body></w:document>`;
    const hugePart = makeDocx('', [], { document: huge });
    // The same part with a header saying it is 1 KB: the bytes are counted as they come out.
    const lying = makeZip([
      {
        name: '[Content_Types].xml',
        data: '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
      },
      { name: 'word/document.xml', data: huge, declaredSize: 1024 },
    ]);
    const manyParts = makeDocx(
      wordParagraph('Ring 999.'),
      Array.from({ length: IMPORT_LIMITS.zipEntries + 1 }, (_, i) => ({
        name: `customXml/item${i}.xml`,
        data: '<a/>',
      })),
    );
    // Empty paragraphs compress to almost nothing: a few KB of zip, more paragraphs than any plan.
    const emptyParagraphs = makeDocx('<w:p/>'.repeat(IMPORT_LIMITS.wordPieces + 1));
    expect(emptyParagraphs.length).toBeLessThan(8 * 1024);
    const r = await importEach({
      'huge.docx': hugePart,
      'lying.docx': lying,
      'many.docx': manyParts,
      'small.docx': emptyParagraphs,
    });
    expectRefused(
      r['huge.docx'],
      'huge.docx',
      /its part 'word\/document\.xml' unpacks to more than 24 MB, more than any practice plan needs, so it was not read\./,
    );
    expect(r['huge.docx'].stderr).toMatch(RESAVE);
    expectRefused(r['lying.docx'], 'lying.docx', /it is damaged: its contents cannot be unpacked\./);
    expectRefused(
      r['many.docx'],
      'many.docx',
      /it is a zip of 5,004 parts \(a Word document has a few dozen, and one per picture\)/,
    );
    expectRefused(r['small.docx'], 'small.docx', /it has more than 120,000 paragraphs and runs of formatted text/);
  }, 120_000);

  it('reads only the parts a plan needs: a zip bomb inside the document (an embedded file) is never unpacked', async () => {
    const bomb = makeZip(Array.from({ length: 8 }, (_, i) => ({ name: `zeros${i}.bin`, data: Buffer.alloc(8 * MB) })));
    const docx = makeDocx(wordParagraph('Castle Street Surgery business continuity plan'), [
      { name: 'word/embeddings/oleObject1.bin', data: bomb, store: true },
      { name: 'word/media/image1.png', data: Buffer.alloc(IMPORT_LIMITS.partBytes + MB) },
    ]);
    const r = await importEach({ 'nested.docx': docx });
    expect(r['nested.docx'].stderr).toBe('');
    expect(r['nested.docx'].code).toBe(0);
  }, 120_000);
});

describe('XML inside a .docx', () => {
  it('is refused when nested deeper than Word writes, or when it declares a document type (entity expansion)', async () => {
    const depth = IMPORT_LIMITS.xmlDepth + 10;
    const deep = makeDocx(
      `<w:p>${'<w:hyperlink>'.repeat(depth)}<w:r><w:t>a</w:t></w:r>${'</w:hyperlink>'.repeat(depth)}</w:p>`,
    );
    const deepTables = makeDocx(
      `${'<w:tbl><w:tr><w:tc>'.repeat(depth)}${wordParagraph('a')}${'</w:tc></w:tr></w:tbl>'.repeat(depth)}`,
    );
    const laughs = makeDocx('', [], {
      document: `<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><w:document xmlns:w="${WORD_NS}"><w:body>${wordParagraph('&b;')}</w:body></w:document>`,
    });
    const r = await importEach({ 'deep.docx': deep, 'tables.docx': deepTables, 'laughs.docx': laughs });
    expectRefused(
      r['deep.docx'],
      'deep.docx',
      /its part 'word\/document\.xml' has formatting nested more than 128 levels deep/,
    );
    expectRefused(r['tables.docx'], 'tables.docx', /nested more than 128 levels deep/);
    expectRefused(
      r['laughs.docx'],
      'laughs.docx',
      /its part 'word\/document\.xml' declares a document type, which Word never writes/,
    );
  }, 120_000);
});

describe('deep or wide HTML and markdown', () => {
  it('is refused clearly, never "Maximum call stack size exceeded"', async () => {
    const n = IMPORT_LIMITS.treeWidth + 10;
    const r = await importEach({
      'deep.html': `${'<div>'.repeat(5000)}Ring 999${'</div>'.repeat(5000)}`,
      'deep-bold.html': `<p>${'<b>'.repeat(5000)}Ring 999</p>`,
      'wide.html': '<p>Ring the service desk.</p>'.repeat(n),
      'wide-row.html': `<table><tr>${'<td>x</td>'.repeat(n)}</tr></table>`,
      // Formatting closed off by a block and reopened in every paragraph after it: 15 KB of HTML, and
      // a million elements made by the parser.
      'reopened.html': `<div>${Array.from({ length: 1000 }, (_, i) => `<b id="b${i}">`).join('')}</div>${'<p>x'.repeat(1000)}`,
      'wide.md': 'Ring the service desk.\n\n'.repeat(n),
      'headings.md': '## Telephony\n\n'.repeat(n),
    });
    const deep =
      /it has lists, tables or other parts nested more than 128 levels deep, more than any practice plan needs, so it was not read\./;
    const wide = /it has more than 30,000 paragraphs, rows or items side by side in one place/;
    expectRefused(r['deep.html'], 'deep.html', deep);
    expectRefused(r['deep-bold.html'], 'deep-bold.html', deep);
    expectRefused(r['wide.html'], 'wide.html', wide);
    expectRefused(r['wide-row.html'], 'wide-row.html', wide);
    expectRefused(
      r['reopened.html'],
      'reopened.html',
      /it holds more than 200,000 paragraphs, cells, words in bold and other pieces/,
    );
    expectRefused(r['wide.md'], 'wide.md', wide);
    expectRefused(r['headings.md'], 'headings.md', wide);
    expect(r['wide.html'].stderr).toMatch(/Check it is the practice plan and not another page or pasted data/);
  }, 180_000);

  it('markdown nested deeper than the checker reads is kept as plain text, every word, with a note', async () => {
    const text = `# Plan\n\n${'>'.repeat(5000)} Ring 999 first.\n\n${Array.from({ length: 200 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n')}\n`;
    const r = await importEach({ 'nested.md': text });
    expect(r['nested.md'].stderr).toBe('');
    expect(r['nested.md'].code).toBe(0);
    expect(r['nested.md'].stdout).toMatch(
      /Notes:\n {2}- 2 passages were kept as plain text \(nested or marked up more than the plan tools read\)/,
    );
  }, 120_000);
});
