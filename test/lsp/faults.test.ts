// The language server under faults: a rule that throws, request handlers given nonsense, hostile
// documents and URIs, a client that fails or garbles settings. The server must answer (a result or
// a JSON-RPC error), keep checking, and never exit.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ResponseError, type Diagnostic, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { startTestServer, type TestServer, type TestServerOptions } from '../helpers/lsp-client.js';
import { ROOT, cleanPlan, replaceOnce } from '../helpers/plans.js';
import { tempWorkspace } from '../helpers/cli.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

async function start(dir: string, init: Record<string, unknown> = {}, options: TestServerOptions = {}) {
  server = await startTestServer(dir, init, options);
  return server;
}

const lastFor = (s: TestServer, uri: string, version?: number) =>
  s.published.filter((p) => p.uri === uri && (version === undefined || p.version === version)).at(-1);

async function openDoc(s: TestServer, uri: string, text: string, version = 1): Promise<PublishDiagnosticsParams> {
  await s.connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId: 'markdown', version, text },
  });
  return s.waitFor(() => lastFor(s, uri, version));
}

async function change(
  s: TestServer,
  uri: string,
  version: number,
  contentChanges: unknown[],
): Promise<PublishDiagnosticsParams> {
  await s.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
  return s.waitFor(() => lastFor(s, uri, version));
}

/** The server is still running and answering: a round trip on a known-good document. */
async function expectAlive(s: TestServer, uri: string, text: string): Promise<void> {
  expect(s.exited(), s.stderr()).toBeUndefined();
  // nothing escaped to the last-resort handler (which would keep the server up but write to stderr)
  expect(s.stderr()).toBe('');
  const line = text.split('\n').findIndex((l) => l.startsWith('## Telephony failure'));
  const hover = (await s.connection.sendRequest('textDocument/hover', {
    textDocument: { uri },
    position: { line, character: 4 },
  })) as { contents: { value: string } } | null;
  expect(hover?.contents.value).toMatch(/\*\*Telephony failure\*\*/);
}

/** Send a request and return its outcome: a result or a JSON-RPC error, either is fine; a hang or exit is not. */
async function outcomeOf(
  s: TestServer,
  method: string,
  params: unknown,
): Promise<{ result?: unknown; error?: string }> {
  try {
    return { result: await s.connection.sendRequest(method, params) };
  } catch (e) {
    expect(e).toBeInstanceOf(ResponseError);
    return { error: (e as ResponseError<unknown>).message };
  }
}

const codes = (ds: Diagnostic[]) => [...new Set(ds.map((d) => String(d.code)))].sort();

describe('language server under faults', () => {
  it('a rule that throws becomes an internal-error diagnostic; the other checks still report and the server keeps going', async () => {
    // The empty-section rule made to throw (test/lsp/fixtures/throwing-rule.mjs, preloaded into the
    // server process), as a bug in a rule would.
    const dir = tempWorkspace();
    let text = replaceOnce(
      cleanPlan(),
      /^## Telephony failure\n/m,
      '## Telephony failure\n\nRing {{provider}} first.\n',
    );
    text = replaceOnce(text, '| 01632 960500 |', '| 0207 946 000 |');
    const throwingRule = pathToFileURL(join(ROOT, 'test', 'lsp', 'fixtures', 'throwing-rule.mjs')).href;
    const s = await start(dir, {}, { nodeArgs: ['--import', throwingRule] });
    const uri = pathToFileURL(join(dir, 'plans', 'crashing-rule.md')).href;
    const first = await openDoc(s, uri, text);
    const internal = first.diagnostics.filter((d) => d.code === 'internal-error');
    expect(internal.map((d) => d.message.replace(/ \(.*?\)/, ''))).toEqual([
      "The 'empty-section' check failed on this plan. The other checks still ran. Please report this with the plan attached.",
    ]);
    expect(internal[0].message).toMatch(/is not a function/);
    // every other rule still ran: the placeholder and the bad phone number are reported, and the step
    // that still gives the contact's old number no longer matches the contacts table
    expect(codes(first.diagnostics)).toEqual(['internal-error', 'placeholder', 'step-contact-number', 'uk-phone']);
    // still checking after the fault, on the next edit too
    text = replaceOnce(
      replaceOnce(text, 'Ring {{provider}} first.', 'Ring the provider first.'),
      '| 0207 946 000 |',
      '| 01632 960500 |',
    );
    const second = await change(s, uri, 2, [{ text }]);
    expect(codes(second.diagnostics)).toEqual(['internal-error']);
    await expectAlive(s, uri, text);
  });

  it('requests at nonsense positions, for unknown documents or with garbage parameters answer (result or error) and the server lives', async () => {
    const dir = tempWorkspace();
    const text = cleanPlan();
    const s = await start(dir);
    const uri = pathToFileURL(join(dir, 'plans', 'positions.md')).href;
    await openDoc(s, uri, text);
    const lines = text.split('\n').length;
    const positions = [
      { line: lines + 100, character: 0 },
      { line: 0, character: 10_000 },
      { line: -1, character: -1 },
      { line: 2 ** 31 - 1, character: 2 ** 31 - 1 },
      { line: 1.5, character: 0.5 },
      { line: Number.MAX_SAFE_INTEGER, character: 0 },
    ];
    const answers: Record<string, unknown>[] = [];
    for (const position of positions) {
      answers.push(await outcomeOf(s, 'textDocument/hover', { textDocument: { uri }, position }));
      answers.push(await outcomeOf(s, 'textDocument/completion', { textDocument: { uri }, position }));
      answers.push(
        await outcomeOf(s, 'textDocument/codeAction', {
          textDocument: { uri },
          range: { start: position, end: { line: lines + 5, character: 3 } },
          context: { diagnostics: [] },
        }),
      );
    }
    const unknown = pathToFileURL(join(dir, 'plans', 'never-opened.md')).href;
    // an unknown document: empty answers, not errors
    expect(
      await outcomeOf(s, 'textDocument/hover', { textDocument: { uri: unknown }, position: { line: 0, character: 0 } }),
    ).toEqual({ result: null });
    expect(
      await outcomeOf(s, 'textDocument/completion', {
        textDocument: { uri: unknown },
        position: { line: 0, character: 0 },
      }),
    ).toEqual({ result: [] });
    expect(
      await outcomeOf(s, 'textDocument/codeAction', {
        textDocument: { uri: unknown },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [] },
      }),
    ).toEqual({ result: [] });
    expect(await outcomeOf(s, 'continuity/print', { uri: unknown, format: 'html' })).toEqual({
      result: { ok: false, message: 'This file is not a continuity plan, or it could not be read.' },
    });
    // garbage parameters: missing position, a diagnostic claiming a fix with nonsense edits, no params at all
    const garbage = [
      await outcomeOf(s, 'textDocument/hover', { textDocument: { uri } }),
      await outcomeOf(s, 'textDocument/completion', { textDocument: { uri }, position: 'top' }),
      await outcomeOf(s, 'textDocument/codeAction', {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: {
          diagnostics: [
            {
              range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
              message: 'x',
              data: { version: 1, fix: { title: 'boom', safe: true, edits: 'not a list' } },
            },
          ],
        },
      }),
      await outcomeOf(s, 'textDocument/codeAction', { textDocument: { uri } }),
      await outcomeOf(s, 'continuity/newPlan', undefined),
      await outcomeOf(s, 'continuity/print', { uri, format: 'html' }),
    ];
    expect(garbage).toHaveLength(6);
    // the html print of the open plan still works after all that
    expect((garbage[5].result as { ok: boolean; html: string }).html).toMatch(/^<!DOCTYPE html>/);
    expect(answers).toHaveLength(positions.length * 3);
    await expectAlive(s, uri, text);
  });

  it('hostile documents: lone UTF-16 surrogates, odd file URIs, unknown or past-the-end changes, other schemes', async () => {
    const dir = tempWorkspace();
    const text = cleanPlan();
    const s = await start(dir);
    const good = pathToFileURL(join(dir, 'plans', 'good.md')).href;
    await openDoc(s, good, text);

    // lone surrogates (invalid UTF-16) in the front matter, a heading and a table cell
    const surrogates = text
      .replace('name: Riverside Medical Centre', 'name: Riverside \uD800 Centre')
      .replace('## Telephony failure', '## Telephony failure \uDC00')
      .replace('| GP IT service desk', '| GP IT \uDBFF\uDBFF service desk');
    const lone = pathToFileURL(join(dir, 'plans', 'surrogates.md')).href;
    const loneDiags = await openDoc(s, lone, surrogates);
    expect(Array.isArray(loneDiags.diagnostics)).toBe(true);
    const headingLine = surrogates.split('\n').findIndex((l) => l.startsWith('## Telephony failure'));
    for (const character of [21, 22, 23]) {
      await outcomeOf(s, 'textDocument/hover', {
        textDocument: { uri: lone },
        position: { line: headingLine, character },
      });
      await outcomeOf(s, 'textDocument/completion', {
        textDocument: { uri: lone },
        position: { line: headingLine, character },
      });
    }
    // an edit that splits a surrogate pair in half
    const emoji = pathToFileURL(join(dir, 'plans', 'emoji.md')).href;
    const withEmoji = text.replace('## Telephony failure\n', '## Telephony failure\n\n\u{1F691} Ring the provider.\n');
    await openDoc(s, emoji, withEmoji);
    const emojiLine = withEmoji.split('\n').findIndex((l) => l.startsWith('\u{1F691}'));
    const split = await change(s, emoji, 2, [
      { range: { start: { line: emojiLine, character: 1 }, end: { line: emojiLine, character: 1 } }, text: 'x' },
    ]);
    expect(Array.isArray(split.diagnostics)).toBe(true);

    // file URIs that are not paths on this machine: a host (a UNC share) and an encoded slash. Opened,
    // changed (the debounced check) and asked about: each is checked, nothing throws out of the server.
    for (const odd of [
      'file://fileserver/share/plans/unc.md',
      `${pathToFileURL(join(dir, 'plans')).href}/a%2Fb.md`,
      'untitled:Untitled-1',
      'vscode-notebook-cell:/x.ipynb#cell1',
    ]) {
      const opened = await openDoc(s, odd, text);
      expect(codes(opened.diagnostics), odd).toEqual([]);
      const changed = await change(s, odd, 2, [
        { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '' },
      ]);
      expect(codes(changed.diagnostics), odd).toEqual([]);
      const hover = await outcomeOf(s, 'textDocument/hover', {
        textDocument: { uri: odd },
        position: { line: 1, character: 2 },
      });
      expect(hover.error, odd).toBeUndefined();
      await s.connection.sendNotification('textDocument/didClose', { textDocument: { uri: odd } });
      await s.waitFor(() => {
        const last = lastFor(s, odd);
        return last?.version === undefined && last?.diagnostics.length === 0;
      });
    }

    // notifications for documents the server does not have, and an edit past the end of a document
    const ghost = pathToFileURL(join(dir, 'plans', 'ghost.md')).href;
    await s.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: ghost, version: 2 },
      contentChanges: [{ text: 'x' }],
    });
    await s.connection.sendNotification('textDocument/didClose', { textDocument: { uri: ghost } });
    const past = await change(s, good, 2, [
      {
        range: { start: { line: 99_999, character: 5 }, end: { line: 100_000, character: 0 } },
        text: '\nExtra line.\n',
      },
    ]);
    expect(codes(past.diagnostics)).toEqual([]);
    // an empty document, a plan marker only, and a 2 MB single line
    const odds = pathToFileURL(join(dir, 'plans', 'odds.md')).href;
    await openDoc(s, odds, '');
    await change(s, odds, 2, [{ text: "---\nschema_version: '1.0'\n" }]);
    await change(s, odds, 3, [{ text: `---\nschema_version: '1.0'\n---\n# ${'x'.repeat(2_000_000)}\n` }]);
    await expectAlive(s, good, `${text}\nExtra line.\n`);
  });

  it('a client that fails the settings request, or sends garbage settings, does not stop the server', async () => {
    const dir = tempWorkspace();
    const text = cleanPlan();
    let answer: 'fail' | 'garbage' = 'fail';
    const s = await start(
      dir,
      {},
      {
        capabilities: { workspace: { configuration: true } },
        beforeInitialize: (c) =>
          c.onRequest('workspace/configuration', () => {
            if (answer === 'fail') return new ResponseError(-32603, 'the client could not read its settings');
            return [{ rules: null, planGlobs: 5, debounceMs: 'soon', today: '2026-11-22' }];
          }),
      },
    );
    const uri = pathToFileURL(join(dir, 'plans', 'settings.md')).href;
    await openDoc(s, uri, text);
    answer = 'garbage';
    await s.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    // re-checked with the garbage ignored: still the plan's own diagnostics, still answering
    const v2 = `${text}\n`;
    const after = await change(s, uri, 2, [{ text: v2 }]);
    expect(codes(after.diagnostics)).toEqual([]);
    answer = 'fail';
    await s.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const after2 = await change(s, uri, 3, [{ text }]);
    expect(codes(after2.diagnostics)).toEqual([]);
    // a non-plan markdown file checked against garbage globs still says "not a plan"
    const notes = pathToFileURL(join(dir, 'notes.md')).href;
    expect((await openDoc(s, notes, '# Notes\n')).diagnostics).toEqual([]);
    await change(s, notes, 2, [{ text: '# Notes\n\nMore.\n' }]);
    await expectAlive(s, uri, text);
  });

  it('printing with a browser that cannot start answers with the reason and the no-browser remedies', async () => {
    const dir = tempWorkspace();
    const text = cleanPlan();
    const s = await start(dir);
    const uri = pathToFileURL(join(dir, 'plans', 'print.md')).href;
    await openDoc(s, uri, text);
    const result = await s.connection.sendRequest('continuity/print', {
      uri,
      format: 'pdf',
      browserPath: '/bin/false',
      outFile: join(dir, 'out', 'print.pdf'),
    });
    expect(result).toMatchObject({
      ok: false,
      noBrowser: true,
      message: expect.stringMatching(/^The PDF could not be printed: the browser could not be started: /),
    });
    await expectAlive(s, uri, text);
  });

  it('garbage initialization options do not stop the server', async () => {
    const dir = tempWorkspace();
    mkdirSync(join(dir, 'plans'), { recursive: true });
    const text = cleanPlan();
    const s = await start(dir, { rules: 'placeholder', planGlobs: 5, debounceMs: -1, today: 'tomorrow' });
    const uri = pathToFileURL(join(dir, 'plans', 'init.md')).href;
    await openDoc(s, uri, text);
    await change(s, uri, 2, [{ text: `${text}\n` }]);
    const notes = pathToFileURL(join(dir, 'notes.md')).href;
    await openDoc(s, notes, '# Notes\n');
    await change(s, notes, 2, [{ text: '# Notes\n\nMore.\n' }]);
    await expectAlive(s, uri, text);
  });
});
