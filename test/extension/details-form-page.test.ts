// The details form's page in a real browser (Chromium, as the webview is): built from the schema,
// drop-downs for allowed values, date pickers, add/remove rows, problems under their field, and
// each change posted to the extension as {type:'change', path, op, value}.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, type Browser, type Page } from 'puppeteer-core';
import { findBrowser } from '../../core/print/find-browser.js';
import { checkPlan } from '../../core/check-plan.js';
import { ROOT, cleanPlan, replaceOnce, TODAY } from '../helpers/plans.js';

const script = readFileSync(join(ROOT, 'extension', 'media', 'details-form.js'), 'utf8');
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launch({
    executablePath: findBrowser({}).path,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  page = await browser.newPage();
  const doc = checkPlan(replaceOnce(cleanPlan(), /^next_review: \S+/m, 'next_review: 01/06/2027'), {
    today: TODAY,
  }).doc!;
  // The page as the webview has it, with the VS Code API replaced by a recorder.
  await page.setContent(`<!DOCTYPE html><html><body><p id="message"></p><form id="form"></form>
<script>window.sent = []; window.acquireVsCodeApi = () => ({ postMessage: (m) => window.sent.push(m) });</script>
<script>${script}</script></body></html>`);
  await page.evaluate(
    (schema, values) =>
      window.postMessage(
        {
          type: 'state',
          schema,
          values,
          problems: { next_review: ["'01/06/2027' is not a date written as YYYY-MM-DD."] },
        },
        '*',
      ),
    doc.catalogue.frontMatterSchema,
    doc.model.frontMatter as Record<string, unknown>,
  );
  await page.waitForSelector('#f-next_review');
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

const sent = () => page.evaluate(() => (window as unknown as { sent: unknown[] }).sent.splice(0));

describe('details form page', () => {
  it('asks for its state when it loads, and builds labelled fields from the schema', async () => {
    expect(await sent()).toEqual([{ type: 'ready' }]);
    expect(await page.$eval('label[for="f-practice-name"]', (l) => l.textContent)).toBe('Practice name *');
    expect(await page.$eval('#f-practice-name', (i) => (i as HTMLInputElement).value)).toBe('Riverside Medical Centre');
    expect(await page.$eval('#f-classification', (s) => s.tagName)).toBe('SELECT');
    expect(await page.$eval('#f-last_reviewed', (i) => (i as HTMLInputElement).type)).toBe('date');
  });

  it('shows a field problem under the field', async () => {
    expect(
      await page.$eval('#f-next_review', (i) => i.closest('.field')!.querySelector('.problems')!.textContent),
    ).toBe("'01/06/2027' is not a date written as YYYY-MM-DD.");
  });

  it('posts a change for a new date, a choice, and added and removed rows', async () => {
    await sent();
    await page.$eval('#f-next_review', (i) => {
      (i as HTMLInputElement).value = '2027-06-01';
      i.dispatchEvent(new Event('change'));
    });
    await page.select('#f-status', 'draft');
    const divert = await page.$$eval('fieldset.list', (sets) =>
      sets.findIndex((f) => f.querySelector('legend')!.textContent!.toLowerCase().includes('divert')),
    );
    expect(divert).toBeGreaterThanOrEqual(0);
    await page.$$eval(
      'fieldset.list',
      (sets, i) => (sets[i as number].querySelector('button.add') as HTMLButtonElement).click(),
      divert,
    );
    await page.$$eval(
      'fieldset.list',
      (sets, i) => (sets[i as number].querySelector('button.remove') as HTMLButtonElement).click(),
      divert,
    );
    const messages = (await sent()) as { type: string; path: unknown[]; op: string; value?: unknown }[];
    expect(messages[0]).toEqual({ type: 'change', path: ['next_review'], op: 'set', value: '2027-06-01' });
    expect(messages[1]).toEqual({ type: 'change', path: ['status'], op: 'set', value: 'draft' });
    expect(messages[2]).toMatchObject({ type: 'change', path: ['telephony', 'divert_numbers'], op: 'append' });
    expect(messages[3]).toEqual({ type: 'change', path: ['telephony', 'divert_numbers', 0], op: 'delete' });
  });
});
