// Workspace trust and continuity.config.json: an untrusted workspace's ICB schema extension is not
// loaded (it could be anywhere, and compiling it is work a stranger chose); the plan says so, and
// trusting the workspace turns the ICB's checks on.
import { afterEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startTestServer, type TestServer } from '../helpers/lsp-client.js';
import { cleanPlan } from '../helpers/plans.js';
import { tempWorkspace } from '../helpers/cli.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

const extension = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  properties: {
    sections: {
      type: 'object',
      required: ['heatwave'],
      properties: {
        heatwave: { title: 'Heatwave and server room cooling', 'x-aliases': ['Heatwave'], type: 'object' },
      },
    },
  },
};

describe('language server and workspace trust', () => {
  it('does not load the ICB schema extension until the workspace is trusted', async () => {
    const dir = tempWorkspace();
    writeFileSync(join(dir, 'icb.schema.json'), JSON.stringify(extension));
    writeFileSync(join(dir, 'continuity.config.json'), JSON.stringify({ schema: './icb.schema.json' }));
    server = await startTestServer(dir, { trusted: false });
    const uri = pathToFileURL(join(dir, 'plans', 'plan.md')).href;
    await server.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'markdown', version: 1, text: cleanPlan() },
    });
    const untrusted = await server.waitFor(() => server!.published.filter((p) => p.uri === uri).at(-1)?.diagnostics);
    expect(untrusted.map((d) => [d.code, d.severity])).toEqual([['config', 3]]);
    expect(untrusted[0].message).toMatch(
      /^This workspace is not trusted, so the ICB's schema extension named in continuity.config.json \(.*icb\.schema\.json\) is not loaded/,
    );

    await server.connection.sendNotification('continuity/trust', { trusted: true });
    const trusted = await server.waitFor(() => {
      const last = server!.published.filter((p) => p.uri === uri).at(-1)!.diagnostics;
      return last.some((d) => d.code === 'schema/required-section') ? last : undefined;
    });
    expect(trusted.map((d) => d.code)).toEqual(['schema/required-section']);
    expect(trusted[0].message).toMatch(/^The plan has no 'Heatwave and server room cooling' section/);
  });
});
