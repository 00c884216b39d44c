// Real Chromium (the tests install Debian's chromium where missing), PDFs read back with poppler.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { checkPlan } from '../../core/check-plan.js';
import { findBrowser } from '../../core/print/find-browser.js';
import { renderBatch } from '../../core/print/render-batch.js';
import { buildPrintDocument } from '../../core/render/print-document.js';
import { runCli, TEMPLATE_LEFT_OUT, tempWorkspace } from '../helpers/cli.js';
import { ROOT, TODAY, cleanPlan, replaceOnce } from '../helpers/plans.js';

const browserPath = findBrowser().path;

function pageTexts(pdf: string): string[] {
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
  const all = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  const texts = all.split('\f').slice(0, pages);
  expect(texts).toHaveLength(pages);
  return texts;
}

function outline(pdf: string): string[] {
  const xml = execFileSync('pdftohtml', ['-xml', '-i', '-stdout', '-q', pdf], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return [...xml.matchAll(/<item page="\d+">([^<]*)<\/item>/g)].map((m) => m[1]);
}

function renderCli(
  dir: string,
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolvePromise) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'continuity.js'), 'render', ...args], {
      cwd: dir,
      env: { ...process.env, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolvePromise({ code: code ?? -1, stdout, stderr }));
  });
}

describe('continuity render with real Chromium', () => {
  let dir: string;
  beforeAll(async () => {
    dir = tempWorkspace();
    const r = await renderCli(dir, ['plans', '--out', 'out', '--today', TODAY], { SOURCE_DATE_EPOCH: '1795305600' });
    expect(r.stderr).toBe(TEMPLATE_LEFT_OUT);
    expect(r.code).toBe(0);
  }, 300_000);

  it('prints every example (not the template), one PDF each', () => {
    const pdfs = readdirSync(join(dir, 'out')).sort();
    const examples = readdirSync(join(dir, 'plans'))
      .filter((f) => f.startsWith('example-'))
      .map((f) => f.replace(/\.md$/, '.pdf'))
      .sort();
    expect(pdfs).toEqual(examples);
  });

  it('emergency page first; header and footer on every page; contents numbered', () => {
    const file = join(dir, 'out', 'example-riverside-medical-centre.pdf');
    const pages = pageTexts(file);
    expect(pages.length).toBeGreaterThan(20);
    expect(pages[0]).toContain('IT has failed: do this first');
    expect(pages[0]).toContain('Numbers to ring');
    pages.forEach((text, i) => {
      expect(text, `page ${i + 1}`).toContain('Riverside Medical Centre · IT outage business continuity plan');
      expect(text.replace(/\s+/g, ' '), `page ${i + 1}`).toMatch(
        new RegExp(
          `Page ${i + 1} of ${pages.length} · Version \\S+ · rev .+? · printed \\d+ \\w+ \\d{4} · Uncontrolled when printed: check the review date \\d+ \\w+ \\d{4} · OFFICIAL`,
        ),
      );
    });
    const contents = pages.find((p) => /^\s*Contents\s*$/m.test(p))!;
    const telephony =
      /Telephony failure \.*\s+(\d+)/.exec(contents.replace(/ +/g, ' '))?.[1] ??
      /Telephony failure\s+(\d+)/.exec(contents)?.[1];
    expect(Number(telephony)).toBeGreaterThan(2);
    expect(pages[Number(telephony) - 1]).toMatch(/Telephony failure/);
  });

  it('has bookmarks for every section, tagged structure and metadata from the front matter', () => {
    const file = join(dir, 'out', 'example-riverside-medical-centre.pdf');
    const items = outline(file);
    for (const title of [
      'Contacts and escalation',
      'Telephony failure',
      'Prescribing fallback',
      'Recovery and back-entry of records',
    ])
      expect(items).toContain(title);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Title:\s+Riverside Medical Centre: IT outage business continuity plan/);
    expect(info).toMatch(/Author:\s+\S+/);
    expect(info).toMatch(/Subject:\s+IT outage business continuity plan, version/);
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(info).toMatch(/Page size:\s+595.* x 841.* \(A4\)/);
  });

  it('action cards and every paper form start their own page', () => {
    const pages = pageTexts(join(dir, 'out', 'example-moorland-surgery.pdf'));
    const starts = (heading: string) =>
      pages.filter((p) =>
        p
          .split('\n')
          .slice(0, 8)
          .some((l) => l.trim().startsWith(heading)),
      ).length;
    expect(pages.filter((p) => /ACTION CARD · MOORLAND SURGERY/.test(p)).length).toBeGreaterThanOrEqual(4);
    for (const form of [
      'Telephone triage log',
      'Consultation record',
      'FP10 serial number register',
      'Cost log',
      'Staff sign-in sheet',
      'Decision and action log',
    ]) {
      expect(starts(form), form).toBeGreaterThanOrEqual(1);
    }
  });

  it('is reproducible: same plan and SOURCE_DATE_EPOCH give the same text and page count', async () => {
    const again = await renderCli(
      dir,
      ['plans/example-castle-street-practice.md', '--out', 'again', '--today', TODAY],
      { SOURCE_DATE_EPOCH: '1795305600' },
    );
    expect(again.code).toBe(0);
    const a = pageTexts(join(dir, 'out', 'example-castle-street-practice.pdf'));
    const b = pageTexts(join(dir, 'again', 'example-castle-street-practice.pdf'));
    expect(b).toEqual(a);
    expect(
      execFileSync('pdfinfo', [join(dir, 'again', 'example-castle-street-practice.pdf')], { encoding: 'utf8' }),
    ).toMatch(/CreationDate:\s+\w+ Nov 22 00:00:00 2026 UTC/);
  });

  it('--forms-only prints just the grab pack', async () => {
    const r = await renderCli(dir, [
      'plans/example-moorland-surgery.md',
      '--forms-only',
      '--out',
      'forms',
      '--today',
      TODAY,
    ]);
    expect(r.code).toBe(0);
    const pages = pageTexts(join(dir, 'forms', 'example-moorland-surgery-forms.pdf'));
    expect(pages[0]).toMatch(/Day appointment list/);
    expect(pages.join('\n')).not.toMatch(/IT has failed: do this first/);
  });

  it('refuses a plan with errors unless --allow-errors, which stamps every page DRAFT', async () => {
    writeFileSync(
      join(dir, 'plans', 'broken.md'),
      replaceOnce(cleanPlan(), /^## Telephony failure[\s\S]*?(?=^## )/m, ''),
    );
    const refused = await renderCli(dir, ['plans/broken.md', '--out', 'draft', '--today', TODAY]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /plans\/broken.md not printed: it has 1 error\. Run 'continuity lint plans\/broken.md'/,
    );
    expect(existsSync(join(dir, 'draft', 'broken.pdf'))).toBe(false);
    const allowed = await renderCli(dir, ['plans/broken.md', '--out', 'draft', '--allow-errors', '--today', TODAY]);
    expect(allowed.code).toBe(0);
    const pages = pageTexts(join(dir, 'draft', 'broken.pdf'));
    for (const p of pages) expect(p).toMatch(/DRAFT - FAILS CHECKS \(1 error\)/);
  });

  it('says how to get a browser when the given one does not exist (exit 2)', () => {
    const r = runCli(['render', 'plans/example-moorland-surgery.md', '--browser', '/no/such/chrome'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/browser set by the --browser option \(\/no\/such\/chrome\) does not exist/);
  });

  it('--format html writes the same print document for a browser print dialog', () => {
    const r = runCli(['render', 'plans/example-moorland-surgery.md', '--format', 'html', '--out', 'html'], dir);
    expect(r.code).toBe(0);
    const html = readFileSync(join(dir, 'html', 'example-moorland-surgery.html'), 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('@page { size: A4;');
  });
});

describe('a hostile plan', () => {
  let server: Server;
  let hits: string[] = [];
  let port = 0;
  beforeAll(async () => {
    server = createServer((req, res) => {
      hits.push(req.url ?? '');
      res.end('x');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('runs no script and makes no request, even with remote images, scripts, styles and links', async () => {
    const base = `http://127.0.0.1:${port}`;
    const hostile = [
      `<script>document.body.innerHTML = 'SCRIPT RAN'; fetch('${base}/script')</script>`,
      `<img src="${base}/img-raw.png" onerror="fetch('${base}/onerror')">`,
      `![remote](${base}/img-md.png)`,
      `<link rel="stylesheet" href="${base}/style.css">`,
      `<iframe src="${base}/frame"></iframe>`,
      `<object data="${base}/object"></object>`,
      `<video src="${base}/video" autoplay></video>`,
      `<div style="background:url(${base}/bg.png)">styled</div>`,
      `[local file](file:///etc/passwd)`,
    ].join('\n\n');
    const text = replaceOnce(cleanPlan(), /^## Telephony failure\n/m, `## Telephony failure\n\n${hostile}\n\n`);
    const { doc } = checkPlan(text, { today: TODAY });
    const out = join(tempWorkspace(false), 'hostile.pdf');
    hits = [];
    const [outcome] = await renderBatch(
      [
        {
          name: 'hostile',
          outFile: out,
          build: (pages) =>
            buildPrintDocument(doc!, { revision: 'x', printedDate: TODAY, pages, images: { root: ROOT, base: ROOT } }),
        },
      ],
      { browserPath, concurrency: 1, sourceDate: new Date(0) },
    );
    expect(outcome.error).toBeUndefined();
    expect(outcome.ok).toBe(true);
    // give any stray request time to arrive
    await new Promise((r) => setTimeout(r, 500));
    expect(hits).toEqual([]);
    const textOut = execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' });
    expect(textOut).not.toContain('SCRIPT RAN');
    expect(textOut).toContain("'remote' is not printed");
    expect(textOut).toContain('IT has failed: do this first');
  });

  it('a page that hangs or a browser that cannot start ends in a reported failure, not a hang', async () => {
    const out = join(tempWorkspace(false), 'x', 'never.pdf');
    const outcomes = await renderBatch(
      [
        {
          name: 'never',
          outFile: out,
          build: () => {
            throw new Error('layout exploded');
          },
        },
      ],
      { browserPath, concurrency: 1, sourceDate: new Date(0) },
    );
    expect(outcomes[0]).toMatchObject({ ok: false, error: 'layout exploded' });
    expect(existsSync(out)).toBe(false);
    mkdirSync(join(out, '..'), { recursive: true });
    const failed = await renderBatch(
      [
        {
          name: 'a',
          outFile: out,
          build: () => {
            throw new Error('unused');
          },
        },
      ],
      { browserPath: '/no/such/browser', concurrency: 1, sourceDate: new Date(0) },
    );
    expect(failed[0].ok).toBe(false);
    expect(failed[0].error).toMatch(/not found|no such|ENOENT/i);
  });
});
