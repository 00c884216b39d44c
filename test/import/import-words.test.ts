// Issue 19: the import keeps every word the document shows, counted from the document itself; a
// document cannot hide text through its own conversion instructions, and cannot write to the terminal.
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, Footer, Header, Packer, Paragraph } from 'docx';
import mammoth from 'mammoth';
import { runCliAsync, tempWorkspace } from '../helpers/cli.js';
import { makeDocx, wordParagraph } from './zip-builder.js';

describe('words the document shows', () => {
  it('a style map stored in the .docx cannot drop a paragraph: it is ignored, and the report says it was there', async () => {
    const [title, heading, hidden, last] = [
      'Castle Street Surgery business continuity plan',
      'Telephony failure',
      'If the phones fail, ring 999 for emergencies and divert to 01632 960999.',
      'Reception tells patients at the door.',
    ];
    const doc = new Document({
      styles: { paragraphStyles: [{ id: 'HiddenNote', name: 'Hidden note', basedOn: 'Normal' }] },
      sections: [
        {
          children: [
            new Paragraph({ text: title, heading: 'Heading1' }),
            new Paragraph(heading),
            new Paragraph({ text: hidden, style: 'HiddenNote' }),
            new Paragraph(last),
          ],
        },
      ],
    });
    const plain = await Packer.toBuffer(doc);
    // The attack as mammoth itself writes it: a hidden part that maps the style to nothing.
    const armed = (await mammoth.embedStyleMap({ buffer: plain }, "p[style-name='Hidden note'] => !")).toBuffer();
    expect((await mammoth.convertToHtml({ buffer: armed })).value).not.toMatch(/999/); // mammoth alone drops it
    const dir = tempWorkspace(false);
    writeFileSync(join(dir, 'armed.docx'), armed);
    const r = await runCliAsync(['import', 'armed.docx', '--out', 'armed.md'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'armed.md'), 'utf8')).toMatch(
      /^If the phones fail, ring 999 for emergencies and divert to 01632 960999\.$/m,
    );
    expect(r.stdout).toMatch(
      /Notes:\n {2}- The Word file carries hidden conversion instructions \(a style map\) that could leave paragraphs out: they were ignored, and every paragraph was read\./,
    );
    const words = [title, heading, hidden, last].join(' ').match(/[\p{L}\p{N}]+/gu)!.length;
    expect(r.stdout).toContain(`Every one of the ${words} words the document shows is in the plan.`);
  }, 60_000);

  it('text the Word reader cannot convert stops the import, naming where it is and what to do; nothing is written', async () => {
    // A simple field (its result, the practice's name, is what Word shows): mammoth does not convert it.
    const docx = makeDocx(
      wordParagraph('Business continuity plan') +
        '<w:p><w:r><w:t xml:space="preserve">Practice: </w:t></w:r><w:fldSimple w:instr=" DOCPROPERTY Company "><w:r><w:t>Castle Street Surgery</w:t></w:r></w:fldSimple></w:p>' +
        wordParagraph('Ring the service desk.'),
    );
    const dir = tempWorkspace(false);
    writeFileSync(join(dir, 'fields.docx'), docx);
    const r = await runCliAsync(['import', 'fields.docx'], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'continuity: cannot import fields.docx: 3 of the words it shows would be lost in conversion (Castle, Street, Surgery), so nothing was written. They are in: "Practice: Castle Street Surgery". The document uses Word fields the reader does not convert. In Word, select everything (Ctrl+A) and press Ctrl+Shift+F9 to turn fields into plain text, save it and import it again; or save it as a web page (.htm) and import that. If the words are still lost, please report it with the file.\n',
    );
  }, 60_000);

  it('a bold phrase ending in a space keeps its words readable (no "&#x6F;n" in the plan)', async () => {
    const docx = makeDocx(
      '<w:p><w:r><w:t xml:space="preserve">Reception rings the patients </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">and records each call </w:t></w:r><w:r><w:t>on the paper log.</w:t></w:r></w:p>',
    );
    const dir = tempWorkspace(false);
    writeFileSync(join(dir, 'bold.docx'), docx);
    const r = await runCliAsync(['import', 'bold.docx'], dir);
    expect(r.stderr).toBe('');
    expect(readFileSync(join(dir, 'bold.md'), 'utf8')).toMatch(
      /^Reception rings the patients \*\*and records each call\*\* on the paper log\.$/m,
    );
  }, 60_000);
});

describe('page headers and footers', () => {
  it('are not taken into the plan, so the report quotes them; the practice is named from them when nothing else names it', async () => {
    const doc = new Document({
      sections: [
        {
          headers: { default: new Header({ children: [new Paragraph('Hexley Road Surgery | IT outage plan')] }) },
          footers: {
            default: new Footer({ children: [new Paragraph('Uncontrolled when printed. Owner: Practice Manager')] }),
          },
          children: [
            new Paragraph({ text: 'Business continuity plan', heading: 'Heading1' }),
            new Paragraph('Ring the service desk.'),
          ],
        },
      ],
    });
    const dir = tempWorkspace(false);
    writeFileSync(join(dir, 'margins.docx'), await Packer.toBuffer(doc));
    const r = await runCliAsync(['import', 'margins.docx'], dir);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(
      /^ {2}practice\.name: Hexley Road Surgery {2}\(from "Hexley Road Surgery \| IT outage plan"\)$/m,
    );
    expect(r.stdout).toContain(
      `  - The Word file's page headers and footers are not part of the plan (it prints its own): "Uncontrolled when printed. Owner: Practice Manager". Put anything staff need from them into the plan.`,
    );
  }, 60_000);
});

describe('the import report', () => {
  it("shows the document's escape sequences, bell and direction overrides as visible escapes, never raw", async () => {
    const html = `<html><head><title>Plan</title></head><body>
<h1>Castle Surgery\u001b]0;owned\u0007 plan</h1>
<p>Practice name: Castle\u202eyregruS</p>
<h2>Telephony\u001b[2J failure</h2><p>Divert the phones.</p>
</body></html>`;
    const dir = tempWorkspace(false);
    writeFileSync(join(dir, 'plan.html'), html);
    const r = await runCliAsync(['import', 'plan.html'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/[\u0007\u001b\u202e]/);
    expect(r.stdout).toMatch(/^ {2}Castle Surgery\\u001b\]0;owned\\u0007 plan \(the title\)$/m);
    expect(r.stdout).toMatch(/^ {2}Telephony\\u001b\[2J failure /m);
    expect(r.stdout).toMatch(
      /^ {2}practice\.name: Castle\\u202eyregruS {2}\(from "Practice name: Castle\\u202eyregruS"\)$/m,
    );
  }, 60_000);
});
