// Shared content in the editor: a fault in a shared file shows on the plan's include line, linked to
// the shared file's line; fixing the shared file on disk re-checks the plans that use it; hover and
// completion still answer at the plan's own positions.
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Hover } from 'vscode-languageserver-protocol';
import { startTestServer, type TestServer } from '../helpers/lsp-client.js';
import { cleanPlan, replaceOnce } from '../helpers/plans.js';
import { lineOf, placeOf, sharedFile, tempRepository } from '../helpers/shared-content.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

describe('language server with shared content', () => {
  it("shows a shared file's fault on the include line, and re-checks when the shared file changes on disk", async () => {
    const messages = sharedFile(
      'Patient messages',
      '## Text messages {#sms}\n\n- "Our systems are down: please call only if urgent." {{sign-off}}\n',
    );
    const plan = replaceOnce(
      cleanPlan(),
      '## Telephony failure\n',
      '## Telephony failure\n\n<!-- include: ../shared/messages.md#sms -->\n',
    );
    const root = tempRepository({ 'plans/practice.md': plan, 'shared/messages.md': messages });
    server = await startTestServer(root);
    const uri = pathToFileURL(join(root, 'plans/practice.md')).href;
    await server.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'markdown', version: 1, text: plan },
    });
    const first = await server.waitFor(() => server!.published.filter((p) => p.uri === uri).at(-1)?.diagnostics);
    expect(first).toHaveLength(1);
    const d = first[0];
    expect(d.code).toBe('placeholder');
    expect(d.range.start.line).toBe(lineOf(plan, '<!-- include') - 1);
    const [line, column] = placeOf(messages, '{{sign-off}}').split(':').map(Number);
    expect(d.message).toMatch(
      new RegExp(`^In the shared file messages\\.md, line ${line}: '\\{\\{sign-off\\}\\}' is placeholder text`),
    );
    expect(d.relatedInformation?.[0].location.uri).toBe(pathToFileURL(join(root, 'shared/messages.md')).href);
    expect(d.relatedInformation?.[0].location.range.start).toEqual({ line: line - 1, character: column - 1 });

    // Hover at the plan's own heading still finds the section (positions are the plan's, not the merged text's).
    const hover = (await server.connection.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: { line: lineOf(plan, '## Telephony failure') - 1, character: 5 },
    })) as Hover;
    expect(JSON.stringify(hover.contents)).toMatch(/Telephony failure/);

    const shared = join(root, 'shared/messages.md');
    writeFileSync(shared, readFileSync(shared, 'utf8').replace(' {{sign-off}}', ' The Practice Team.'));
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: pathToFileURL(shared).href, type: 2 }],
    });
    // The plan itself did not change: only the shared file's change can clear its diagnostic.
    const after = await server.waitFor(() =>
      server!.published.filter((p) => p.uri === uri).at(-1)!.diagnostics.length === 0 ? true : undefined,
    );
    expect(after).toBe(true);
  });
});
