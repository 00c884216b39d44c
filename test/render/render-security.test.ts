// Printing is offline and reads nothing outside the plan's folder. Each defence is tested on its own
// (the browser's, without the sanitiser; the file policy, with every file access recorded), and the
// harness is first shown to catch a script and a request when the defences are off.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import fs, { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { checkPlan } from '../../core/check-plan.js';
import { findBrowser } from '../../core/print/find-browser.js';
import { launch } from 'puppeteer-core';
import { closeBrowser } from '../../core/print/launch.js';
import { renderBatch } from '../../core/print/render-batch.js';
import { buildPrintDocument } from '../../core/render/print-document.js';
import { cleanPlan, replaceOnce, TODAY } from '../helpers/plans.js';

const browserPath = findBrowser().path;

// A loopback server that records every connection and request: printing must cause neither.
let server: Server;
let base = '';
const requests: string[] = [];
let connections = 0;
beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    res.setHeader('content-type', req.url?.endsWith('.png') ? 'image/png' : 'text/html');
    res.end(req.url?.endsWith('.png') ? Buffer.from('89504e470d0a1a0a', 'hex') : '<p>remote</p>');
  });
  server.on('connection', () => connections++);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

/** A page straight from an attacker: scripts, remote resources, refresh, resource hints, speculation rules. No sanitiser, no CSP. */
const rawHostilePage = () => `<!DOCTYPE html><html><head>
<meta http-equiv="refresh" content="1;url=${base}/refresh">
<link rel="stylesheet" href="${base}/style.css"><link rel="preconnect" href="${base}"><link rel="prefetch" href="${base}/prefetch">
<script type="speculationrules">{"prefetch":[{"source":"list","urls":["${base}/speculation"]}]}</script>
</head><body><h1 id="t">Plan</h1>
<script>document.getElementById('t').textContent = 'SCRIPT RAN'; fetch('${base}/fetch');</script>
<img src="${base}/img.png"><iframe src="${base}/frame"></iframe><object data="${base}/object"></object>
<picture><source srcset="${base}/srcset.png"><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></picture>
<div style="background:url(${base}/bg.png)">styled</div></body></html>`;

function pdfText(file: string): string {
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
}

describe('printing makes no request and runs no script', () => {
  it('control: with the defences off, the harness sees the script run and the requests arrive', async () => {
    requests.length = 0;
    // a bare browser: none of launchBrowser's flags (its dead proxy would stop the requests too)
    const browser = await launch({
      executablePath: browserPath,
      headless: true,
      args: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
    });
    try {
      const page = await browser.newPage();
      await page.setContent(rawHostilePage(), { waitUntil: 'load' });
      await page.waitForFunction(() => document.getElementById('t')?.textContent === 'SCRIPT RAN');
      const out = join(mkdtempSync(join(tmpdir(), 'continuity-sec-')), 'control.pdf');
      writeFileSync(out, await page.pdf());
      expect(pdfText(out)).toContain('SCRIPT RAN');
    } finally {
      await closeBrowser(browser);
    }
    expect(requests).toEqual(expect.arrayContaining(['/img.png', '/fetch']));
  });

  it('the browser layer alone (no sanitiser, no CSP): the raw page runs nothing and reaches nothing; every attempt is reported', async () => {
    const { doc } = checkPlan(cleanPlan(), { today: TODAY });
    const real = buildPrintDocument(doc!, { revision: 'x', printedDate: TODAY });
    const out = join(mkdtempSync(join(tmpdir(), 'continuity-sec-')), 'raw.pdf');
    requests.length = 0;
    connections = 0;
    const [outcome] = await renderBatch(
      [{ name: 'raw', outFile: out, build: () => ({ ...real, toc: [], html: rawHostilePage() }) }],
      { browserPath, concurrency: 1, sourceDate: new Date(0) },
    );
    expect(outcome.error).toBeUndefined();
    // a request that got out would have been answered before the browser closed; none did, and no connection was opened
    expect(requests).toEqual([]);
    expect(connections).toBe(0);
    const text = pdfText(out);
    expect(text).toContain('Plan');
    expect(text).not.toContain('SCRIPT RAN');
    expect(text).not.toContain('remote');
    // what the page tried, blocked and reported to the user
    expect(outcome.blocked).toEqual(expect.arrayContaining([`${base}/img.png`, `${base}/style.css`]));
    expect(outcome.blocked!.every((u) => u.startsWith(base))).toBe(true);
  });

  it('a plan with <picture><source srcset>: no source URL reaches the browser (the fallback picture note is printed)', async () => {
    const text = replaceOnce(
      cleanPlan(),
      /^## Telephony failure\n/m,
      `## Telephony failure\n\n<picture><source srcset="${base}/srcset.png"><img src="${base}/fallback.png" alt="map"></picture>\n\n`,
    );
    const { doc } = checkPlan(text, { today: TODAY });
    const { html } = buildPrintDocument(doc!, { revision: 'x', printedDate: TODAY });
    expect(html.slice(html.indexOf('<body>'))).not.toContain(base);
    expect(html).toContain("'map' is not printed: only pictures stored with the plan are printed");
    const out = join(mkdtempSync(join(tmpdir(), 'continuity-sec-')), 'picture.pdf');
    requests.length = 0;
    const [outcome] = await renderBatch(
      [
        {
          name: 'picture',
          outFile: out,
          build: (pages) => buildPrintDocument(doc!, { revision: 'x', printedDate: TODAY, pages }),
        },
      ],
      { browserPath, concurrency: 1, sourceDate: new Date(0) },
    );
    expect(outcome.ok).toBe(true);
    expect(outcome.blocked).toEqual([]);
    expect(requests).toEqual([]);
  });
});

describe('printing reads no file outside the plan folder', () => {
  /** Record every path the fs functions the print code uses are asked about, while `fn` runs. */
  function recordFileAccess<T>(fn: () => T): { result: T; paths: string[] } {
    const names = [
      'readFileSync',
      'existsSync',
      'statSync',
      'lstatSync',
      'realpathSync',
      'openSync',
      'accessSync',
      'readlinkSync',
    ] as const;
    const original = new Map(names.map((n) => [n, fs[n]]));
    const paths: string[] = [];
    for (const n of names) {
      const real = original.get(n) as (...a: unknown[]) => unknown;
      const recorded =
        (fn: (...a: unknown[]) => unknown) =>
        (...args: unknown[]) => {
          if (typeof args[0] === 'string') paths.push(resolve(args[0]));
          return fn(...args);
        };
      const wrapper = recorded(real) as ((...a: unknown[]) => unknown) & { native?: unknown };
      // realpathSync.native too: the file reader resolves links with it
      const native = (real as { native?: (...a: unknown[]) => unknown }).native;
      if (native) wrapper.native = recorded(native);
      (fs as unknown as Record<string, unknown>)[n] = wrapper;
    }
    syncBuiltinESMExports();
    try {
      return { result: fn(), paths };
    } finally {
      for (const n of names) (fs as unknown as Record<string, unknown>)[n] = original.get(n);
      syncBuiltinESMExports();
    }
  }

  it('images by ../, absolute path, encoded path, file://, symlinked file or folder leading out: none read (nor even looked for); a picture inside is printed', async () => {
    const root = mkdtempSync(join(tmpdir(), 'continuity-files-'));
    const plans = join(root, 'practice', 'plans');
    mkdirSync(join(plans, 'img'), { recursive: true });
    mkdirSync(join(root, 'private'));
    const secret = join(root, 'private', 'secret.png');
    writeFileSync(secret, 'SECRET-BYTES-7f3a'); // base64: U0VDUkVULUJZVEVTLTdmM2E=
    const gif = Buffer.from('R0lGODlhAQABAIAAAAAAAP///ywAAAAAAQABAAACAUwAOw==', 'base64');
    writeFileSync(join(plans, 'img', 'map.gif'), gif);
    writeFileSync(join(plans, 'img', '..dots.gif'), gif); // a name starting with '..' is still inside
    symlinkSync(secret, join(plans, 'img', 'link.png'));
    symlinkSync(join(root, 'private'), join(plans, 'img', 'dirlink'));
    const outside = [
      '![up](../../private/secret.png)',
      '![missing](../../private/no-such.png)',
      `![absolute](${secret})`,
      '![encoded](%2e%2e/%2e%2e/private/secret.png)',
      '![sneaky](img/../../../private/secret.png)',
      `![fileurl](file://${secret})`,
      '![link](img/link.png)',
      '![dirlink](img/dirlink/secret.png)',
      '<img src="../../private/secret.png" alt="rawhtml">',
      '<picture><source srcset="../../private/secret.png"><img src="img/dirlink/secret.png" alt="picture"></picture>',
      '[a document](../../private/secret.png) and [a file link](file:///etc/passwd)',
    ];
    const inside = ['![map](img/map.gif)', '![dots](img/..dots.gif)'];
    const text = replaceOnce(
      cleanPlan(),
      /^## Telephony failure\n/m,
      `## Telephony failure\n\n${[...outside, ...inside].join('\n\n')}\n\n`,
    );
    const { doc } = checkPlan(text, { today: TODAY });
    const images = { root: plans, base: plans };
    const { result, paths } = recordFileAccess(() =>
      buildPrintDocument(doc!, { revision: 'x', printedDate: TODAY, images }),
    );
    const body = result.html.slice(result.html.indexOf('<body>'));

    // nothing outside the plan folder was read, or even looked for (existence would show in the note)
    const outsidePaths = paths.filter((p) => !(p + sep).startsWith(plans + sep));
    expect(outsidePaths).toEqual([]);
    // the symbolic links were resolved (that is how they are caught) but their target never read
    expect(paths).toContain(join(plans, 'img', 'link.png'));
    expect(body).not.toContain(Buffer.from('SECRET-BYTES-7f3a').toString('base64'));
    expect(body).not.toMatch(/private|secret|file:|etc\/passwd/);
    for (const alt of ['up', 'missing', 'absolute', 'encoded', 'sneaky', 'link', 'dirlink', 'rawhtml', 'picture']) {
      expect(body, alt).toContain(`'${alt}' is not printed: it is outside the plan's folder`);
    }
    // (a file: picture loses its address to the sanitiser before the image policy sees it)
    expect(body).toContain("'fileurl' is not printed]");
    // the pictures inside the folder are printed, so the test would see a leak
    expect(body.match(/<img src="data:image\/gif;base64,/g)).toHaveLength(2);

    // and printed for real: the PDF holds the two pictures from inside, made without a request
    const out = join(root, 'out', 'plan.pdf');
    requests.length = 0;
    const [outcome] = await renderBatch(
      [
        {
          name: 'files',
          outFile: out,
          build: (pages) => buildPrintDocument(doc!, { revision: 'x', printedDate: TODAY, images, pages }),
        },
      ],
      { browserPath, concurrency: 1, sourceDate: new Date(0) },
    );
    expect(outcome.ok).toBe(true);
    expect(outcome.blocked).toEqual([]);
    expect(requests).toEqual([]);
    const listed = execFileSync('pdfimages', ['-list', out], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(listed).toHaveLength(2);
  });
});
