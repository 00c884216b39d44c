// The same LSP scenarios against the Node language server and the web worker bundle (in headless
// Chromium, its file requests answered from the disk as the VS Code client answers them):
// diagnostics as you type, quick fixes, completion, hover, continuity.config.json and an ICB schema
// extension, shared content (and a change to it on disk), readiness, and the print copy's gate.
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, CompletionItem, Diagnostic, Hover } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { PrintResult, ReadinessResult } from '../../extension/shared/protocol.js';
import { tempWorkspace } from '../helpers/cli.js';
import { cleanPlan, replaceOnce } from '../helpers/plans.js';
import { lineOf, sharedFile, tempRepository } from '../helpers/shared-content.js';
import {
  buildWebServer,
  startNodeServer,
  startNodeServerReadingThroughClient,
  webServers,
  type ScenarioServer,
  type StartServer,
  type WebServers,
} from './lsp-servers.js';

let web: WebServers | undefined;
beforeAll(async () => {
  web = await webServers(await buildWebServer());
}, 180_000);
afterAll(async () => {
  await web?.close();
});

const SERVERS: [string, StartServer][] = [
  ['the Node language server', startNodeServer],
  [
    'the Node language server reading files through the client (a desktop virtual workspace)',
    startNodeServerReadingThroughClient,
  ],
  ['the web worker bundle', (...args) => web!.start(...args)],
];

const codes = (ds: Diagnostic[]) => ds.map((d) => d.code).sort();

function badPlan(): string {
  return replaceOnce(
    replaceOnce(cleanPlan(), /^## Telephony failure[\s\S]*?(?=^## )/m, ''),
    /next_review: \S+/,
    'next_review: 01/06/2027',
  );
}

describe.each(SERVERS)('%s', (_name, start) => {
  let server: ScenarioServer | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  async function open(
    dir: string,
    rel: string,
    text: string,
    init?: Record<string, unknown>,
    caps?: Record<string, unknown>,
  ) {
    server ??= await start(dir, init, caps);
    const uri = pathToFileURL(join(dir, rel)).href;
    await server.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'markdown', version: 1, text },
    });
    const diagnostics = await server.waitFor(() => server!.published.filter((p) => p.uri === uri).at(-1)?.diagnostics);
    return { uri, diagnostics };
  }

  async function edit(uri: string, version: number, text: string) {
    await server!.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ text }],
    });
    return server!.waitFor(
      () => server!.published.filter((p) => p.uri === uri && p.version === version).at(-1)?.diagnostics,
    );
  }

  const request = <R>(method: string, params: unknown) => server!.connection.sendRequest(method, params) as Promise<R>;

  it('publishes plain-English diagnostics on the exact range, with rule ids, links and the status', async () => {
    const dir = tempWorkspace();
    const text = badPlan();
    const { diagnostics } = await open(dir, 'plans/bad.md', text);
    expect(codes(diagnostics)).toEqual(['schema/invalid-value', 'schema/required-section']);
    const date = diagnostics.find((d) => d.code === 'schema/invalid-value')!;
    const line = text.split('\n').findIndex((l) => l.startsWith('next_review:'));
    expect(date.range).toEqual({ start: { line, character: 13 }, end: { line, character: 23 } });
    expect(date.message).toMatch(
      /'01\/06\/2027' in 'next_review' in the front matter is not a date written as YYYY-MM-DD/,
    );
    expect(date.codeDescription?.href).toMatch(/^file:\/\/.*\/docs\/rules\.md#schemainvalid-value$/);
    expect(await server!.waitFor(() => server!.statuses.findLast((s) => s.isPlan === true))).toMatchObject({
      errors: 2,
      warnings: 0,
    });
  });

  it('quick fixes, applied, leave fewer problems and every line the user wrote; typing re-checks', async () => {
    const dir = tempWorkspace();
    const text = badPlan();
    const { uri, diagnostics } = await open(dir, 'plans/bad.md', text);
    const actions = await request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostics[0].range,
      context: { diagnostics },
    });
    let doc = TextDocument.create(uri, 'markdown', 1, text);
    for (const title of ['Write the date as 2027-06-01', "Insert the 'Telephony failure' section"]) {
      const action = actions.find((a) => a.title === title);
      expect(action, `${title} among ${actions.map((a) => a.title).join(' | ')}`).toBeDefined();
      doc = TextDocument.create(
        uri,
        'markdown',
        doc.version + 1,
        TextDocument.applyEdits(doc, action!.edit!.changes![uri]),
      );
    }
    for (const l of text.split('\n')) if (!l.startsWith('next_review:')) expect(doc.getText()).toContain(l);
    const after = await edit(uri, 2, doc.getText());
    expect(after.filter((d) => d.severity === 1)).toEqual([]);
    expect(codes(after).every((c) => c === 'placeholder')).toBe(true);
  });

  it('any LSP editor gets "Insert all missing sections" as a code action that resolves to an edit', async () => {
    const dir = tempWorkspace();
    // Three or more missing sections are one problem on the title, listing them (summarise-stacked.ts).
    const text = ['Telephony failure', 'Contacts and escalation', 'Prescribing fallback'].reduce(
      (t, h) => replaceOnce(t, new RegExp(`^## ${h}[\\s\\S]*?(?=^## )`, 'm'), ''),
      cleanPlan(),
    );
    const caps = { textDocument: { codeAction: { resolveSupport: { properties: ['edit'] }, dataSupport: true } } };
    const { uri, diagnostics } = await open(dir, 'plans/gaps.md', text, {}, caps);
    const missing = diagnostics.filter((d) => d.code === 'schema/required-section');
    expect(missing).toHaveLength(1);
    const actions = await request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: missing[0].range,
      context: { diagnostics: missing },
    });
    const all = actions.find((a) => /^Insert all \d+ missing sections$/.test(a.title));
    expect(all, actions.map((a) => a.title).join(' | ')).toBeDefined();
    expect(all!.command).toBeUndefined();
    expect(all!.edit).toBeUndefined();
    const resolved = await request<CodeAction>('codeAction/resolve', all);
    const edits = resolved.edit!.changes![uri];
    const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 1, text), edits);
    for (const heading of ['## Telephony failure', '## Contacts and escalation']) expect(fixed).toContain(heading);
    const after = await edit(uri, 2, fixed);
    expect(codes(after)).not.toContain('schema/required-section');
  });

  it("completion and hover answer at the plan's positions", async () => {
    const dir = tempWorkspace();
    const text = replaceOnce(cleanPlan(), /^status: .*$/m, 'status: ');
    const { uri } = await open(dir, 'plans/complete.md', text);
    const lines = text.split('\n');
    const status = lines.findIndex((l) => l.startsWith('status:'));
    const items = await request<CompletionItem[]>('textDocument/completion', {
      textDocument: { uri },
      position: { line: status, character: 8 },
    });
    expect(items.map((c) => c.label)).toEqual(['draft', 'approved', 'superseded']);
    const hover = await request<Hover>('textDocument/hover', {
      textDocument: { uri },
      position: { line: lines.findIndex((l) => l.startsWith('## Telephony failure')), character: 4 },
    });
    expect((hover.contents as { value: string }).value).toMatch(/\*\*Telephony failure\*\* \(required section\)/);
  });

  it('continuity.config.json and an ICB schema extension apply, and a config change re-checks', async () => {
    const extension = {
      type: 'object',
      properties: {
        frontMatter: {
          type: 'object',
          required: ['icb_reference'],
          properties: { icb_reference: { type: 'string', pattern: '^KM-[0-9]{4}$' } },
        },
      },
    };
    const plan = replaceOnce(cleanPlan(), /^(## Telephony failure\n)/m, '$1\nRing {{provider}} first.\n');
    const dir = tempRepository({
      'plans/practice.md': plan,
      'continuity.config.json': JSON.stringify({ rules: { placeholder: 'error' }, schema: 'schema/icb.json' }),
      'schema/icb.json': JSON.stringify(extension),
    });
    const { uri, diagnostics } = await open(dir, 'plans/practice.md', plan);
    expect(diagnostics.find((d) => d.code === 'placeholder')?.severity).toBe(1);
    expect(diagnostics.some((d) => /icb_reference/.test(d.message))).toBe(true);
    writeFileSync(join(dir, 'continuity.config.json'), JSON.stringify({ rules: { placeholder: 'off' } }));
    await server!.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: pathToFileURL(join(dir, 'continuity.config.json')).href, type: 2 }],
    });
    const after = await server!.waitFor(() => {
      const last = server!.published.filter((p) => p.uri === uri).at(-1)!.diagnostics;
      return last.some((d) => d.code === 'placeholder' || /icb_reference/.test(d.message)) ? undefined : last;
    });
    expect(codes(after)).toEqual([]);
  });

  it("shows a shared file's fault on the include line, linked to the shared file, and re-checks when it changes", async () => {
    const messages = sharedFile(
      'Patient messages',
      '## Text messages {#sms}\n\n- "Our systems are down." {{sign-off}}\n',
    );
    const plan = replaceOnce(
      cleanPlan(),
      '## Telephony failure\n',
      '## Telephony failure\n\n<!-- include: ../shared/messages.md#sms -->\n',
    );
    const root = tempRepository({ 'plans/practice.md': plan, 'shared/messages.md': messages });
    const { uri, diagnostics } = await open(root, 'plans/practice.md', plan);
    expect(codes(diagnostics)).toEqual(['placeholder']);
    expect(diagnostics[0].range.start.line).toBe(lineOf(plan, '<!-- include') - 1);
    expect(diagnostics[0].message).toMatch(/^In the shared file messages\.md, line \d+: '\{\{sign-off\}\}'/);
    const shared = join(root, 'shared/messages.md');
    expect(diagnostics[0].relatedInformation?.[0].location.uri).toBe(pathToFileURL(shared).href);
    writeFileSync(shared, readFileSync(shared, 'utf8').replace(' {{sign-off}}', ' The Practice Team.'));
    await server!.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: pathToFileURL(shared).href, type: 2 }],
    });
    await server!.waitFor(() =>
      server!.published.filter((p) => p.uri === uri).at(-1)!.diagnostics.length === 0 ? true : undefined,
    );
  });

  it('never publishes a plan as if its shared files were missing, even when asked about it before they are read', async () => {
    const messages = sharedFile(
      'Patient messages',
      '## Text messages {#sms}\n\n- "Our systems are down." {{sign-off}}\n',
    );
    const plan = replaceOnce(
      cleanPlan(),
      '## Telephony failure\n',
      '## Telephony failure\n\n<!-- include: ../shared/messages.md#sms -->\n',
    );
    const root = tempRepository({ 'plans/practice.md': plan, 'shared/messages.md': messages });
    server = await start(root);
    const uri = pathToFileURL(join(root, 'plans/practice.md')).href;
    await server.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'markdown', version: 1, text: plan },
    });
    // What an editor asks the moment a file opens (VS Code asks for code actions at the cursor).
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const early = await Promise.all([
      request('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [] } }),
      request('textDocument/hover', { textDocument: { uri }, position: range.start }),
    ]);
    expect(early).toHaveLength(2);
    await server.waitFor(() => server!.published.find((p) => p.uri === uri));
    const statuses = () => server!.statuses.filter((st) => st.uri === uri);
    await server.waitFor(() => statuses().length > 0 || undefined);
    for (const p of server.published.filter((x) => x.uri === uri))
      expect(codes(p.diagnostics)).toEqual(['placeholder']);
  });

  it('refuses shared content from outside the workspace, .git and .env files, and never asks for them; in the browser, links too', async () => {
    const plan = replaceOnce(
      cleanPlan(),
      '## Telephony failure\n',
      [
        '## Telephony failure',
        '',
        '<!-- include: ../../outside.md -->',
        '',
        '<!-- include: ../.git/config -->',
        '',
        '<!-- include: ../.env -->',
        '',
        '<!-- include: ../shared/link.md -->',
        '',
      ].join('\n'),
    );
    const root = tempRepository({ 'plans/practice.md': plan, '.env': 'SECRET=1\n', 'shared/real.md': 'x\n' });
    writeFileSync(join(root, '.git', 'config'), '[core]\n');
    symlinkSync(join(root, 'shared', 'real.md'), join(root, 'shared', 'link.md'));
    const { diagnostics } = await open(root, 'plans/practice.md', plan);
    const messages = diagnostics.filter((d) => d.code === 'shared-content').map((d) => d.message);
    // Reading the disk, a link inside the repository is followed (its real path is checked); through
    // the editor, where a link leads cannot be told, so it is refused, saying so.
    expect(messages).toHaveLength(server!.kind === 'node' ? 3 : 4);
    if (server!.kind !== 'node')
      expect(messages.join('\n')).toMatch(/'\.\.\/shared\/link\.md' cannot be used: it is a symbolic link/);
    expect(messages.join('\n')).toMatch(/outside this repository/);
    expect(messages.join('\n')).toMatch(/git's own folder \(\.git\)/);
    expect(messages.join('\n')).toMatch(/environment file \(\.env\)/);
    expect(messages.join('\n')).not.toMatch(/SECRET|\[core\]/);
    expect(server!.fileRequests.filter((f) => f.startsWith('..') || /(^|\/)\.git\/|\.env$/.test(f))).toEqual([]);
  });

  it('answers the readiness view', async () => {
    const dir = tempWorkspace();
    const text = replaceOnce(cleanPlan(), /^## Telephony failure[\s\S]*?(?=^## )/m, '');
    const { uri } = await open(dir, 'plans/ready.md', text);
    const r = await request<ReadinessResult>('continuity/readiness', { uri });
    expect(r).toMatchObject({ isPlan: true, total: 24 });
    expect(r.sections.find((s) => s.id === 'telephony')?.state).toBe('missing');
    expect(r.doFirst[0]).toBe('telephony');
  });

  it('the print copy goes through the print gate: refused with errors, a DRAFT when allowed, finished when clean', async () => {
    const dir = tempWorkspace();
    const { uri: bad } = await open(dir, 'plans/bad.md', badPlan());
    const refused = await request<PrintResult>('continuity/print', { uri: bad, format: 'copy' });
    expect(refused).toMatchObject({ ok: false, canPrintDraft: true, message: /^The plan has 2 errors\./ });
    const draft = await request<PrintResult>('continuity/print', { uri: bad, format: 'copy', allowErrors: true });
    expect(draft).toMatchObject({ ok: true, draft: true, fileName: 'bad.html' });
    expect(draft.ok && draft.html).toContain('<div class="draft-stamp">DRAFT - FAILS CHECKS (2 errors)</div>');
    const { uri: clean } = await open(dir, 'plans/clean.md', cleanPlan());
    const copy = await request<PrintResult>('continuity/print', { uri: clean, format: 'copy' });
    expect(copy).toMatchObject({ ok: true, fileName: 'clean.html' });
    const html = copy.ok ? copy.html! : '';
    expect(html).not.toContain('draft-stamp">');
    expect(html).toMatch(/@page \{\s*@top-left \{ content: "Riverside Medical Centre/);
    expect(html).toContain('counter(pages)');
    expect(html.indexOf('class="emergency')).toBeLessThan(html.indexOf('class="cover'));
  });

  it('prints a PDF on the desktop only; the web server says what to do instead', async () => {
    const dir = tempWorkspace();
    const { uri } = await open(dir, 'plans/clean.md', cleanPlan());
    if (server!.kind === 'node') return; // the PDF itself is tested with the desktop extension and the CLI
    const pdf = await request<PrintResult>('continuity/print', { uri, format: 'pdf' });
    expect(pdf).toMatchObject({ ok: false, message: /Save print copy/ });
  });
});
