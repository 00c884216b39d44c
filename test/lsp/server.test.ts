// The language server over stdio, as an editor talks to it.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CompletionItem, Diagnostic, Hover } from 'vscode-languageserver-protocol';
import { startTestServer, type TestServer } from '../helpers/lsp-client.js';
import { cleanPlan, replaceOnce } from '../helpers/plans.js';
import { tempWorkspace } from '../helpers/cli.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

function badPlan(): string {
  return replaceOnce(
    replaceOnce(cleanPlan(), /^## Telephony failure[\s\S]*?(?=^## )/m, ''),
    /next_review: \S+/,
    'next_review: 01/06/2027',
  );
}

async function open(dir: string, name: string, text: string) {
  server ??= await startTestServer(dir);
  const uri = pathToFileURL(join(dir, 'plans', name)).href;
  await server.connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId: 'markdown', version: 1, text },
  });
  const diagnostics = await server.waitFor(() => server!.published.filter((p) => p.uri === uri).at(-1)?.diagnostics);
  return { uri, diagnostics };
}

const codes = (ds: Diagnostic[]) => ds.map((d) => d.code).sort();

describe('language server', () => {
  it('publishes plain-English diagnostics on the exact range, with rule ids and links', async () => {
    const dir = tempWorkspace();
    const text = badPlan();
    const { diagnostics } = await open(dir, 'bad.md', text);
    expect(codes(diagnostics)).toEqual(['schema/invalid-value', 'schema/required-section']);
    const date = diagnostics.find((d) => d.code === 'schema/invalid-value')!;
    const line = text.split('\n').findIndex((l) => l.startsWith('next_review:'));
    expect(date.range).toEqual({ start: { line, character: 13 }, end: { line, character: 23 } });
    expect(date.message).toMatch(
      /'01\/06\/2027' in 'next_review' in the front matter is not a date written as YYYY-MM-DD. If you meant 2027-06-01, write that\./,
    );
    expect(date.codeDescription?.href).toMatch(/^file:\/\/.*\/docs\/rules\.md#schemainvalid-value$/);
    const missing = diagnostics.find((d) => d.code === 'schema/required-section')!;
    expect(missing.message).toMatch(/^The plan has no 'Telephony failure' section\./);
    // The status notification is sent after the diagnostics: awaited, not sampled.
    expect(
      await server!.waitFor(() => server!.statuses.findLast((s) => s.isPlan === true && s.errors === 2)),
    ).toMatchObject({ isPlan: true, errors: 2, warnings: 0 });
  });

  it('code actions, applied, leave a plan with fewer problems and no lost text', async () => {
    const dir = tempWorkspace();
    const text = badPlan();
    const { uri, diagnostics } = await open(dir, 'bad.md', text);
    const actions = (await server!.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostics[0].range,
      context: { diagnostics },
    })) as CodeAction[];
    const titles = actions.map((a) => a.title);
    expect(titles).toContain('Write the date as 2027-06-01');
    expect(titles).toContain("Insert the 'Telephony failure' section");
    expect(titles.some((t) => /^Fix all safe problems in this plan \(1\)$/.test(t))).toBe(true);
    let doc = TextDocument.create(uri, 'markdown', 1, text);
    for (const title of ['Write the date as 2027-06-01', "Insert the 'Telephony failure' section"]) {
      const action = actions.find((a) => a.title === title)!;
      doc = TextDocument.create(
        uri,
        'markdown',
        doc.version + 1,
        TextDocument.applyEdits(doc, action.edit!.changes![uri]),
      );
    }
    // every original line is still there
    for (const line of text.split('\n')) if (!line.startsWith('next_review:')) expect(doc.getText()).toContain(line);
    await server!.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ text: doc.getText() }],
    });
    const after = await server!.waitFor(
      () => server!.published.filter((p) => p.uri === uri && p.version === 2).at(-1)?.diagnostics,
    );
    // the inserted section's template leaves placeholders to fill in (warnings); the errors are gone
    expect(after.filter((d) => d.severity === 1)).toEqual([]);
    expect(codes(after).every((c) => c === 'placeholder')).toBe(true);
    expect(codes(after)).not.toContain('schema/required-section');
    expect(codes(after)).not.toContain('schema/invalid-value');
  });

  it('rapid successive edits end with diagnostics for the last version only', async () => {
    const dir = tempWorkspace();
    const text = cleanPlan();
    const { uri } = await open(dir, 'typing.md', text);
    server!.published.length = 0;
    let current = text;
    for (let v = 2; v <= 40; v++) {
      // type "x" into the telephony heading, one character at a time; the last edit removes the section title entirely
      const line = current.split('\n').findIndex((l) => l.startsWith('## Telephony'));
      const lines = current.split('\n');
      lines[line] = v === 40 ? '## Telephonyx removed' : `${lines[line]}x`;
      current = lines.join('\n');
      await server!.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: v },
        contentChanges: [{ text: current }],
      });
    }
    const last = await server!.waitFor(() => server!.published.find((p) => p.uri === uri && p.version === 40));
    await new Promise((r) => setTimeout(r, 300));
    const forUri = server!.published.filter((p) => p.uri === uri);
    expect(forUri.at(-1)!.version).toBe(40);
    // debounced: far fewer publications than edits, none for a version older than one already published
    expect(forUri.length).toBeLessThan(10);
    const versions = forUri.map((p) => p.version!);
    expect([...versions].sort((a, b) => a - b)).toEqual(versions);
    expect(codes(last.diagnostics)).toContain('schema/required-section');
  });

  it('checks plan files only, never other markdown', async () => {
    const dir = tempWorkspace();
    const { diagnostics } = await open(dir, 'notes.md', '# Meeting notes\n\n{{todo}} ring 0207 946 0000\n');
    expect(diagnostics).toEqual([]);
    expect(await server!.waitFor(() => server!.statuses.findLast((s) => s.isPlan === false))).toMatchObject({
      isPlan: false,
    });
  });

  it('completion offers missing front-matter keys, allowed values, missing sections and mandatory rows', async () => {
    const dir = tempWorkspace();
    let text = replaceOnce(cleanPlan(), /^## Cyber security and staff awareness[\s\S]*?(?=^## )/m, '');
    text = replaceOnce(text, /^online_consultation_tool:.*\n/m, '');
    text = replaceOnce(text, /^\| (GP IT service desk|IT service desk).*\n/m, '');
    text = replaceOnce(text, /^status: .*$/m, 'status: ');
    text = replaceOnce(text, /^(\| Clinical system supplier \|.*\n)/m, '$1| \n');
    const { uri } = await open(dir, 'complete.md', text);
    const lines = text.split('\n');
    const complete = async (line: number, character: number) =>
      (await server!.connection.sendRequest('textDocument/completion', {
        textDocument: { uri },
        position: { line, character },
      })) as CompletionItem[];
    const statusLine = lines.findIndex((l) => l.startsWith('status:'));
    expect((await complete(statusLine, 8)).map((c) => c.label)).toEqual(['draft', 'approved', 'superseded']);
    const blankInFm = lines.findIndex((l) => l.startsWith('title:'));
    expect((await complete(blankInFm, 0)).map((c) => c.label)).toContain('online_consultation_tool');
    const bodyLine = lines.findIndex((l) => l.startsWith('## Testing'));
    const headings = (await complete(bodyLine - 1, 0)).map((c) => c.label);
    expect(headings).toContain('## Cyber security and staff awareness');
    expect(headings).not.toContain('## Telephony failure');
    const newRow = lines.findIndex((l) => l === '| ');
    const rows = await complete(newRow, 2);
    expect(rows.map((r) => r.label)).toEqual(['| GP IT service desk |']);
  });

  it('hover shows the schema guidance for a section and a front-matter field', async () => {
    const dir = tempWorkspace();
    const text = cleanPlan();
    const { uri } = await open(dir, 'hover.md', text);
    const lines = text.split('\n');
    const hover = async (line: number) =>
      (await server!.connection.sendRequest('textDocument/hover', {
        textDocument: { uri },
        position: { line, character: 4 },
      })) as Hover;
    const h = await hover(lines.findIndex((l) => l.startsWith('## Telephony failure')));
    expect((h.contents as { value: string }).value).toMatch(
      /\*\*Telephony failure\*\* \(required section\)[\s\S]*Why it matters:/,
    );
    const f = await hover(lines.findIndex((l) => l.startsWith('next_review:')));
    expect((f.contents as { value: string }).value).toMatch(
      /\*\*next review date\*\* \(`next_review`, required\)[\s\S]*YYYY-MM-DD/,
    );
  });

  it('severities from continuity.config.json apply', async () => {
    const dir = tempWorkspace();
    writeFileSync(join(dir, 'continuity.config.json'), JSON.stringify({ rules: { placeholder: 'error' } }));
    mkdirSync(join(dir, 'plans'), { recursive: true });
    const { diagnostics } = await open(
      dir,
      'template.md',
      cleanPlan().replace(/^(## Telephony failure\n)/m, '$1\nRing {{provider}} first.\n'),
    );
    expect(diagnostics.find((d) => d.code === 'placeholder')?.severity).toBe(1);
  });
});
