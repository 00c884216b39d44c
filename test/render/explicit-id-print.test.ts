// A heading claimed with {#id} prints without the tag: in the body, the contents (with its page
// number) and the PDF bookmarks.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkPlan } from '../../core/check-plan.js';
import { buildPrintDocument } from '../../core/render/print-document.js';
import { runCliAsync, tempWorkspace } from '../helpers/cli.js';
import { TODAY, cleanPlan, replaceOnce } from '../helpers/plans.js';

const claimed = () =>
  replaceOnce(
    replaceOnce(cleanPlan(), /^## Contacts and escalation$/m, '## Who to ring {#contacts}'),
    /^### Activation criteria$/m,
    '### When we switch to paper {#criteria}',
  );

describe('{#id} in print', () => {
  it('is not in the body or the contents, and the section is still that section', () => {
    const { doc } = checkPlan(claimed(), { today: TODAY });
    expect(doc!.model.sections.contacts.heading).toBe('Who to ring');
    const { html, toc } = buildPrintDocument(doc!, { revision: 'abc1234', printedDate: TODAY });
    expect(html).not.toMatch(/\{#/);
    expect(html).toMatch(/<h2[^>]*>Who to ring<\/h2>/);
    expect(html).toMatch(/<h3[^>]*>When we switch to paper<\/h3>/);
    expect(toc.map((t) => t.title)).toContain('Who to ring');
  });
  it('is not in the PDF text or its bookmarks', async () => {
    const dir = tempWorkspace(false);
    writeFileSync(join(dir, 'plan.md'), claimed());
    const r = await runCliAsync(['render', 'plan.md', '--out', 'out'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const pdf = join(dir, 'out', 'plan.pdf');
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).not.toMatch(/\{#/);
    // The contents line carries the page number the section starts on.
    expect(text).toMatch(/Who to ring\s*\.*\s*\d+/);
    const xml = execFileSync('pdftohtml', ['-xml', '-i', '-stdout', '-q', pdf], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const bookmarks = [...xml.matchAll(/<item page="\d+">([^<]*)<\/item>/g)].map((m) => m[1]);
    expect(bookmarks).toContain('Who to ring');
    expect(bookmarks.join('\n')).not.toMatch(/\{#/);
    expect(readFileSync(join(dir, 'plan.md'), 'utf8')).toContain('## Who to ring {#contacts}');
  }, 120_000);
});
