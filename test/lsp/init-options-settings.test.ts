// Settings given in initializationOptions and settings the server pulls (workspace/configuration) are
// read one over the other, field by field. Neovim answers the pull with null for a section it has no
// `settings` for, and its users put the server's settings in init_options (as the set-up in docs/cli.md
// does): those must hold, not fall back to the defaults (test/editors/neovim.test.ts found this).
import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { startTestServer, type TestServer } from '../helpers/lsp-client.js';
import { cleanPlan, replaceOnce } from '../helpers/plans.js';
import { tempWorkspace } from '../helpers/cli.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

/** Due for review 3 days after the tests' fixed today (2026-11-22), and before the real today. */
const reviewSoon = () => replaceOnce(cleanPlan(), /^next_review: \S+/m, 'next_review: 2026-11-25');

/** A server whose client answers the settings request with `answer`; the plan is opened once it has. */
async function diagnosticsWhenPulled(answer: unknown): Promise<Diagnostic[]> {
  const dir = tempWorkspace();
  let answered = false;
  server = await startTestServer(
    dir,
    { today: '2026-11-22' },
    {
      capabilities: { workspace: { configuration: true } },
      beforeInitialize: (c) =>
        c.onRequest('workspace/configuration', () => {
          answered = true;
          return [answer];
        }),
    },
  );
  await server.waitFor(() => answered);
  const uri = pathToFileURL(join(dir, 'plans', 'review-soon.md')).href;
  await server.connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId: 'markdown', version: 1, text: reviewSoon() },
  });
  return server.waitFor(() => server!.published.filter((p) => p.uri === uri).at(-1)?.diagnostics);
}

describe('language server settings from init options and from the editor', () => {
  it('keeps the init options when the editor answers the settings request with null (Neovim)', async () => {
    expect(await diagnosticsWhenPulled(null)).toEqual([]);
  });

  it('a setting the editor does give overrides the init option', async () => {
    const diagnostics = await diagnosticsWhenPulled({ today: '2026-12-01' });
    expect(diagnostics.map((d) => d.code)).toEqual(['review-dates']);
  });
});
