// Printing has a memory bound. A plan that passes its checks can still be far too big for the browser
// (a 29 KB plan with one 20,000 x 20,000-pixel picture took Chromium past 3.5 GB; a 40-column table
// of 3,000 rows past 2.5 GB): each print document is weighed before the browser is given it, a plan
// over the bound is refused with what is too big and what to do, and the plans printing at once share
// one budget, so two large plans never print side by side.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { PDFDocument } from 'pdf-lib';
import type { Browser } from 'puppeteer-core';
import { afterAll, describe, expect, it } from 'vitest';
import { checkPlan } from '../../core/check-plan.js';
import { MemoryBudget } from '../../core/print/memory-budget.js';
import { pictureSize } from '../../core/print/picture-size.js';
import { PRINT_MEMORY_LIMIT_MB, printWeightProblem, weighPrintDocument } from '../../core/print/print-weight.js';
import { renderBatch, type RenderJob } from '../../core/print/render-batch.js';
import { buildPrintDocument } from '../../core/render/print-document.js';
import { cleanPlan, readPlan, replaceOnce, TODAY } from '../helpers/plans.js';
import { runCliAsync } from './run-cli.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
function temp(): string {
  const dir = mkdtempSync(join(tmpdir(), 'continuity-print-memory-'));
  dirs.push(dir);
  return dir;
}

/** A PNG header saying `width` x `height` (the pixel data is a stub: only the header is read before printing). */
function pngHeader(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(25);
  ihdr.writeUInt32BE(13, 0);
  ihdr.write('IHDR', 4, 'latin1');
  ihdr.writeUInt32BE(width, 8);
  ihdr.writeUInt32BE(height, 12);
  ihdr[16] = 8;
  ihdr[17] = 2;
  const idat = deflateSync(Buffer.alloc(64));
  const len = Buffer.alloc(4);
  len.writeUInt32BE(idat.length);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    ihdr,
    len,
    Buffer.from('IDAT', 'latin1'),
    idat,
    Buffer.alloc(4),
  ]);
}

const printHtml = (plan: string) =>
  buildPrintDocument(checkPlan(plan, { today: TODAY }).doc!, { revision: 'test', printedDate: TODAY }).html;

describe('picture sizes, read from the header', () => {
  it('PNG, JPEG (after other segments), GIF and the three WebP kinds; anything else has no size', () => {
    expect(pictureSize(pngHeader(20000, 15000))).toEqual({ width: 20000, height: 15000 });
    const jpeg = Buffer.from([
      0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x4a, 0x46, 0xff, 0xdb, 0x00, 0x03, 0x00, 0xff, 0xc2, 0x00, 0x0b, 0x08, 0x0b,
      0xb8, 0x0f, 0xa0, 0x03, 0x01, 0x22, 0x00,
    ]);
    expect(pictureSize(jpeg)).toEqual({ width: 4000, height: 3000 });
    const gif = Buffer.from('GIF89a\x40\x01\xf0\x00\x00\x00', 'latin1');
    expect(pictureSize(gif)).toEqual({ width: 320, height: 240 });
    const webp = (chunk: string, body: number[]) =>
      Buffer.concat([
        Buffer.from('RIFF\0\0\0\0WEBP', 'latin1'),
        Buffer.from(chunk, 'latin1'),
        Buffer.from([0, 0, 0, 0, ...body, ...new Array(16).fill(0)]),
      ]);
    expect(pictureSize(webp('VP8 ', [0, 0, 0, 0x9d, 0x01, 0x2a, 0x80, 0x07, 0x38, 0x04]))).toEqual({
      width: 1920,
      height: 1080,
    });
    expect(pictureSize(webp('VP8L', [0x2f, 0x7f, 0xc7, 0x0d, 0x01]))).toEqual({ width: 1920, height: 1080 });
    expect(pictureSize(webp('VP8X', [0, 0, 0, 0, 0x7f, 0x07, 0x00, 0x37, 0x04, 0x00]))).toEqual({
      width: 1920,
      height: 1080,
    });
    expect(pictureSize(Buffer.from('not a picture at all, just words'))).toBeUndefined();
    expect(pictureSize(Buffer.alloc(0))).toBeUndefined();
  });
});

describe('the weight of a print document', () => {
  it('every shipped plan is well inside the bound', () => {
    for (const name of readdirSync(join(import.meta.dirname, '..', '..', 'plans')).filter((f) =>
      f.startsWith('example-'),
    )) {
      const weight = weighPrintDocument(printHtml(readPlan(name)));
      expect(printWeightProblem(weight), name).toBeUndefined();
      expect(weight.megabytes, name).toBeLessThan(PRINT_MEMORY_LIMIT_MB / 4);
    }
  });

  it('a huge table: refused, naming how many parts and the section that holds most of them', () => {
    const rows = Array.from({ length: 1500 }, (_, i) => `<tr>${'<td>x</td>'.repeat(40).replace('x', String(i))}</tr>`);
    const html = `<h2>Contacts</h2><p>Ring in order.</p><h2>Asset register &amp; stock</h2><table>${rows.join('')}</table>`;
    const problem = printWeightProblem(weighPrintDocument(html));
    expect(problem).toMatch(
      /^it is too large to print: printing it would take about 1\.\d GB of memory, and one plan may take at most 1\.0 GB \(more can stop the browser, or the whole computer or CI runner\)\. Most of it is for its 61,504 table cells, paragraphs and list items, 61,502 of them in 'Asset register & stock': keep long lists and tables \(a full staff list, an asset register\) in a separate document that the plan names, or split the plan\.$/,
    );
  });

  it('megabytes of text: refused, saying how much text', () => {
    const html = `<h2>Appendix</h2><p>${'word '.repeat(400_000)}</p>`;
    expect(printWeightProblem(weighPrintDocument(html))).toContain('Most of it is for its 1.9 MB of text');
  });

  it('pictures count by their pixels, not their file size: a small file of many pixels is refused, a real photo is not', () => {
    const picture = (png: Buffer, alt: string) =>
      `<h2>Site</h2><p><img alt="${alt}" src="data:image/png;base64,${png.toString('base64')}"></p>`;
    const bomb = pngHeader(20000, 20000);
    expect(bomb.length).toBeLessThan(200);
    const problem = printWeightProblem(weighPrintDocument(picture(bomb, 'Floor plan &amp; exits')));
    expect(problem).toContain('printing it would take about 3.0 GB of memory');
    expect(problem).toContain(
      "Most of it is for its picture 'Floor plan & exits' (20,000 x 20,000 pixels): save it smaller (2,000 pixels across is plenty for a printed A4 page) and print again.",
    );
    // A 12-megapixel phone photo prints.
    expect(printWeightProblem(weighPrintDocument(picture(pngHeader(4000, 3000), 'Server cupboard')))).toBeUndefined();
  });
});

describe('the memory budget shared by the plans printing at once', () => {
  it('lets plans in while they fit, always lets one in alone, and in the order they asked', async () => {
    const budget = new MemoryBudget(1000);
    const started: string[] = [];
    const take = (name: string, mb: number) => budget.take(mb).then(() => started.push(name));
    await take('a 600', 600);
    const big = take('b 600', 600);
    const small = take('c 100', 100); // fits beside a, but b asked first
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual(['a 600']);
    budget.give(600);
    await Promise.all([big, small]);
    expect(started).toEqual(['a 600', 'b 600', 'c 100']);
    budget.give(600);
    budget.give(100);
    await take('d 5000 (over the budget, alone)', 5000);
    expect(started.at(-1)).toBe('d 5000 (over the budget, alone)');
    budget.give(5000);
    // Fractions that do not sum back to exactly 0 never keep the next plan waiting with nothing printing.
    // (these two leave 1.1e-13 MB "in use" when summed and taken away in this order)
    await take('e', 585.7618028561504);
    await take('f', 210.8898634768762);
    budget.give(210.8898634768762);
    budget.give(585.7618028561504);
    const whole = take('g 1000, the whole budget', 1000);
    await new Promise((r) => setImmediate(r));
    expect(started.at(-1)).toBe('g 1000, the whole budget');
    await whole;
  });
});

/** A browser stand-in that counts the pages holding a document at once (from setContent to the PDF). */
function countingBrowser() {
  let active = 0;
  let most = 0;
  const waiting: (() => void)[] = [];
  const emptyPdf = PDFDocument.create().then((d) => d.save());
  const page = () => ({
    setJavaScriptEnabled: async () => undefined,
    setRequestInterception: async () => undefined,
    on: () => undefined,
    close: async () => undefined,
    setContent: async () => {
      active++;
      most = Math.max(most, active);
      // A second page holding a document ends every wait: side by side is what is being looked for.
      if (active >= 2) waiting.splice(0).forEach((go) => go());
    },
    pdf: async () => {
      // Hold the document until another page holds one too, or the others have had every chance to.
      await new Promise<void>((go) => {
        waiting.push(go);
        setTimeout(go, 2000).unref();
      });
      active--;
      return emptyPdf;
    },
  });
  const browser = {
    connected: true,
    process: () => null,
    close: async () => undefined,
    version: async () => 'stand-in',
    newPage: async () => page(),
    on: () => undefined,
    once: () => undefined,
    off: () => undefined,
  } as unknown as Browser;
  return { launch: async () => browser, most: () => most };
}

describe('renderBatch with the budget', () => {
  const { doc } = checkPlan(cleanPlan(), { today: TODAY });
  const jobs = (out: string, n: number): RenderJob[] =>
    Array.from({ length: n }, (_, i) => ({
      name: `plan ${i}`,
      outFile: join(out, `plan-${i}.pdf`),
      build: (pages) => buildPrintDocument(doc!, { revision: 'test', printedDate: TODAY, pages, formsOnly: true }),
    }));

  it('plans that fit print side by side; plans that do not fit together print one at a time', async () => {
    const out = temp();
    const weight = weighPrintDocument(jobs(out, 1)[0].build().html).megabytes;
    const roomy = countingBrowser();
    const all = await renderBatch(jobs(out, 3), {
      browserPath: 'stand-in',
      concurrency: 3,
      sourceDate: new Date(0),
      launch: roomy.launch,
      memoryLimitMb: weight * 3,
    });
    expect(all.map((o) => o.ok)).toEqual([true, true, true]);
    expect(roomy.most()).toBeGreaterThanOrEqual(2);

    const tight = countingBrowser();
    const serial = await renderBatch(jobs(out, 3), {
      browserPath: 'stand-in',
      concurrency: 3,
      sourceDate: new Date(0),
      launch: tight.launch,
      memoryLimitMb: weight * 1.5,
    });
    expect(serial.map((o) => o.ok)).toEqual([true, true, true]);
    expect(tight.most()).toBe(1);
  });

  it('a plan over the bound is refused before the browser is given it, with the reason; the others print', async () => {
    const out = temp();
    const list = jobs(out, 2);
    const weight = weighPrintDocument(list[0].build().html).megabytes;
    const heavy = { ...list[1], build: () => ({ ...list[1].build(), html: list[1].build().html.repeat(3) }) };
    const browser = countingBrowser();
    const [ok, refused] = await renderBatch([list[0], heavy], {
      browserPath: 'stand-in',
      concurrency: 2,
      sourceDate: new Date(0),
      launch: browser.launch,
      memoryLimitMb: weight * 2,
    });
    expect(ok.ok).toBe(true);
    expect(refused).toMatchObject({ ok: false, refused: true });
    expect(refused.error).toMatch(/^it is too large to print: printing it would take about \d+ MB of memory/);
    expect(existsSync(heavy.outFile)).toBe(false);
  });
});

describe('continuity render, end to end', () => {
  it('a small plan holding a picture of 400 million pixels: not printed (exit 1), the picture named, no PDF', async () => {
    const dir = temp();
    mkdirSync(join(dir, 'plans'));
    writeFileSync(join(dir, 'plans/floor-plan.png'), pngHeader(20000, 20000));
    const plan = replaceOnce(
      cleanPlan(),
      '\n## Mutual aid\n',
      '\n![Ground floor plan](floor-plan.png)\n\n## Mutual aid\n',
    );
    writeFileSync(join(dir, 'plans/riverside.md'), plan);
    const r = await runCliAsync(['render', 'plans/riverside.md', '--out', 'print'], dir, { hangMs: 240_000 });
    expect(r.stderr).toContain(
      "continuity: plans/riverside.md not printed: it is too large to print: printing it would take about 3.1 GB of memory, and one plan may take at most 1.0 GB (more can stop the browser, or the whole computer or CI runner). Most of it is for its picture 'Ground floor plan' (20,000 x 20,000 pixels): save it smaller (2,000 pixels across is plenty for a printed A4 page) and print again.\n",
    );
    expect(r.code).toBe(1);
    expect(existsSync(join(dir, 'print/riverside.pdf'))).toBe(false);
  }, 240_000);
});
