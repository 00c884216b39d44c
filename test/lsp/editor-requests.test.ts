// The editor's own requests and code actions, through the real server over stdio: readiness,
// stacked problems summarised, fixes that say where they went, insert, mark reviewed, the details
// form's in-place YAML edits, the colon slip and the DRAFT print offer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import type {
  DetailsFormResult,
  EditResult,
  PrintResult,
  ReadinessResult,
  StatusParams,
} from '../../extension/shared/protocol.js';
import { startTestServer, type TestServer } from '../helpers/lsp-client.js';
import { cleanPlan, replaceOnce } from '../helpers/plans.js';
import { buildCatalogue, loadPlanSchema } from '../../core/index.js';
import { tempWorkspace } from '../helpers/cli.js';
import { sharedFile, takeSection, tempRepository, withShared } from '../helpers/shared-content.js';

let server: TestServer;
let dir: string;
let version = 1;
beforeAll(async () => {
  dir = tempWorkspace();
  server = await startTestServer(dir, { clientCommands: ['continuity.revealRange', 'continuity.insertAllMissing'] });
});
afterAll(async () => {
  await server?.stop();
});

async function open(name: string, text: string) {
  const uri = pathToFileURL(join(dir, 'plans', name)).href;
  await server.connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId: 'markdown', version: 1, text },
  });
  const diagnostics = await server.waitFor(() => server.published.filter((p) => p.uri === uri).at(-1)?.diagnostics);
  return { uri, diagnostics, doc: TextDocument.create(uri, 'markdown', 1, text) };
}

/** Apply edits as the client would, send the new text, and wait for its diagnostics. */
async function applyAndCheck(
  doc: TextDocument,
  edits: { range: TextDocument extends never ? never : any; newText: string }[],
) {
  const next = TextDocument.create(
    doc.uri,
    'markdown',
    doc.version + 1 + version++,
    TextDocument.applyEdits(doc, edits),
  );
  await server.connection.sendNotification('textDocument/didChange', {
    textDocument: { uri: doc.uri, version: next.version },
    contentChanges: [{ text: next.getText() }],
  });
  const diagnostics = await server.waitFor(
    () => server.published.filter((p) => p.uri === doc.uri && p.version === next.version).at(-1)?.diagnostics,
  );
  return { doc: next, diagnostics };
}

const req = <R>(method: string, params: unknown) => server.connection.sendRequest(method, params) as Promise<R>;
const without = (text: string, heading: string) =>
  replaceOnce(text, new RegExp(`^## ${heading}[\\s\\S]*?(?=^## )`, 'm'), '');

describe('plan readiness', () => {
  it('lists every section in schema order with its state, counts, and orders "Do these first" by outage priority', async () => {
    let text = without(without(cleanPlan(), 'Telephony failure'), 'Contacts and escalation');
    text = without(text, 'Mutual aid');
    text = replaceOnce(text, /^## Cost and impact log\n/m, '## Cost and impact log\n\nRing {{finance lead}} first.\n');
    const { uri } = await open('readiness.md', text);
    const r = await req<ReadinessResult>('continuity/readiness', { uri });
    expect(r.isPlan).toBe(true);
    expect(r.total).toBe(24);
    expect(r.sections.map((s) => s.id).slice(0, 3)).toEqual(['quick-start', 'document-control', 'scope-and-scenarios']);
    const state = (id: string) => r.sections.find((s) => s.id === id)!.state;
    expect(state('telephony')).toBe('missing');
    expect(state('contacts')).toBe('missing');
    expect(state('mutual-aid')).toBe('recommended');
    expect(state('cost-log')).toBe('problems');
    expect(state('quick-start')).toBe('complete');
    expect(r.complete).toBe(20);
    // contacts (x-priority 3) before telephony (4) before cost-log (18); recommended sections are not "first"
    expect(r.doFirst).toEqual(['contacts', 'telephony', 'cost-log']);
    const line = text.split('\n').findIndex((l) => l.startsWith('## Prescribing fallback'));
    expect(r.sections.find((s) => s.id === 'prescribing')!.line).toBe(line);
    const status = server.statuses.filter((s) => s.uri === uri).at(-1) as unknown as StatusParams;
    expect(status).toMatchObject({ sectionsComplete: 20, sectionsTotal: 24 });
  });

  it('answers for a file that is not a plan without failing', async () => {
    const { uri } = await open('notes.md', '# Notes\n\nNothing here.\n');
    const r = await req<ReadinessResult>('continuity/readiness', { uri });
    expect(r).toMatchObject({ isPlan: false, sections: [], total: 0 });
  });
});

describe('stacked problems', () => {
  it('many missing sections on the title become one diagnostic naming them, pointing at each, with every fix and insert-all', async () => {
    const fm = cleanPlan().split(/^# /m)[0];
    const text = `${fm}# Wharf Surgery continuity plan\n\n## Telephony failure\n\n1. **Reception:** Ring the provider.\n2. **Reception:** Divert.\n3. **Reception:** Log it.\n`;
    const { uri, diagnostics } = await open('stacked.md', text);
    const title = text.split('\n').findIndex((l) => l.startsWith('# Wharf'));
    const onTitle = diagnostics.filter((d) => d.range.start.line === title);
    const required = onTitle.filter((d) => d.code === 'schema/required-section');
    expect(required).toHaveLength(1);
    const summary = required[0];
    // every required section but the one the text has
    const missing = buildCatalogue([loadPlanSchema()]).sections.filter((s) => s.required).length - 1;
    expect(missing).toBeGreaterThan(15);
    expect(summary.message).toMatch(
      new RegExp(
        `^The plan is missing ${missing} required sections, most urgent first: 'If the IT fails: do this first', 'IT failure protocol: activation and stand-down', 'Contacts and escalation', `,
      ),
    );
    expect(summary.relatedInformation).toHaveLength(missing);
    expect(summary.relatedInformation![0].message).toMatch(
      /^If the IT fails: do this first: The plan has no 'If the IT fails: do this first' section\./,
    );
    expect(onTitle.filter((d) => d.code === 'recommended-section')).toHaveLength(1);
    const actions = await req<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: summary.range,
      context: { diagnostics: [summary] },
    });
    expect(actions[0]).toMatchObject({
      title: `Insert all ${missing} missing sections`,
      command: { command: 'continuity.insertAllMissing', arguments: [uri] },
    });
    const one = actions.find((a) => a.title === "Insert the 'Contacts and escalation' section")!;
    expect(one.edit).toBeDefined();
    expect(one.command?.command).toBe('continuity.revealRange');
  });

  it('two problems on one line stay separate', async () => {
    const text = without(without(cleanPlan(), 'Telephony failure'), 'Contacts and escalation');
    const { diagnostics } = await open('two.md', text);
    expect(diagnostics.filter((d) => d.code === 'schema/required-section')).toHaveLength(2);
  });
});

describe('fixes you can see', () => {
  it('another editor (no client commands) gets plain edits, no commands it cannot run', async () => {
    const plain = await startTestServer(dir);
    try {
      const text = replaceOnce(cleanPlan(), /^next_review: \S+/m, 'next_review: 01/06/2027');
      const uri = pathToFileURL(join(dir, 'plans', 'plain.md')).href;
      await plain.connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId: 'markdown', version: 1, text },
      });
      const diagnostics = await plain.waitFor(() => plain.published.filter((p) => p.uri === uri).at(-1)?.diagnostics);
      const actions = (await plain.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri },
        range: diagnostics[0].range,
        context: { diagnostics },
      })) as CodeAction[];
      expect(actions.length).toBeGreaterThan(0);
      expect(actions.filter((a) => a.command)).toEqual([]);
    } finally {
      await plain.stop();
    }
  });

  it('a quick fix carries a command that reveals and selects the text it changed', async () => {
    const text = replaceOnce(cleanPlan(), /^next_review: \S+/m, 'next_review: 01/06/2027');
    const { uri, diagnostics, doc } = await open('reveal.md', text);
    const date = diagnostics.find((d) => d.code === 'schema/invalid-value')!;
    const actions = await req<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: date.range,
      context: { diagnostics: [date] },
    });
    const fix = actions.find((a) => a.title === 'Write the date as 2027-06-01')!;
    expect(fix.command).toMatchObject({ command: 'continuity.revealRange', arguments: [uri, expect.anything()] });
    const [, range] = fix.command!.arguments as [string, Diagnostic['range']];
    const after = TextDocument.create(uri, 'markdown', 2, TextDocument.applyEdits(doc, fix.edit!.changes![uri]));
    expect(after.getText(range)).toBe('2027-06-01');
  });

  it('insertSection returns an edit that puts the section in schema order, and where it is', async () => {
    const text = without(cleanPlan(), 'Telephony failure');
    const { uri, doc } = await open('insert.md', text);
    const r = await req<EditResult>('continuity/insertSection', { uri, id: 'telephony' });
    expect(r.ok).toBe(true);
    const { doc: after, diagnostics } = await applyAndCheck(doc, r.edits!);
    const lines = after.getText().split('\n');
    expect(lines[r.reveal!.start.line]).toBe('## Telephony failure');
    expect(lines.findIndex((l) => l === '## Telephony failure')).toBeLessThan(
      lines.findIndex((l) => l.startsWith('## Patient communications')),
    );
    expect(diagnostics.map((d) => d.code)).not.toContain('schema/required-section');
    expect(await req<EditResult>('continuity/insertSection', { uri, id: 'no-such-section' })).toMatchObject({
      ok: false,
    });
  });
});

describe('mark plan reviewed today', () => {
  it('sets the review dates, bumps the version and adds a revision row, as one edit set', async () => {
    const text = cleanPlan();
    const { uri, doc } = await open('reviewed.md', text);
    const r = await req<EditResult>('continuity/markReviewed', { uri });
    expect(r.ok).toBe(true);
    const { doc: after, diagnostics } = await applyAndCheck(doc, r.edits!);
    const t = after.getText();
    expect(t).toMatch(/^last_reviewed: 2026-11-22$/m);
    expect(t).toMatch(/^next_review: 2027-11-22$/m);
    expect(t).toMatch(/^version: '3.3'$/m);
    expect(t).toContain('| 3.3 | 2026-11-22 | Priya Shah | {{what changed at this review, or "no changes"}} |');
    expect(after.getText(r.reveal!)).toBe(
      '| 3.3 | 2026-11-22 | Priya Shah | {{what changed at this review, or "no changes"}} |',
    );
    // nothing the user wrote is lost
    for (const line of text.split('\n'))
      if (!/^(last_reviewed|next_review|version):/.test(line)) expect(t).toContain(line);
    expect(diagnostics.filter((d) => d.severity === 1)).toEqual([]);
    expect(diagnostics.map((d) => d.code)).toEqual(['placeholder']);
  });
});

describe('plan details form', () => {
  it('gives the schema, values and problems per field, and edits the YAML in place keeping comments', async () => {
    let text = replaceOnce(
      cleanPlan(),
      /^next_review: \S+/m,
      'next_review: 01/06/2027 # agreed at the partners meeting',
    );
    text = replaceOnce(text, /^status: approved$/m, '# the status goes to approved after sign-off\nstatus: approved');
    const { uri, doc } = await open('details.md', text);
    const form = await req<DetailsFormResult>('continuity/detailsForm', { uri });
    expect(form.ok).toBe(true);
    expect((form.schema as { properties: Record<string, unknown> }).properties).toHaveProperty('next_review');
    expect(form.values).toMatchObject({ practice: { name: 'Riverside Medical Centre' } });
    expect(form.problems!.next_review?.[0]).toMatch(/not a date written as YYYY-MM-DD/);
    expect((await req<ReadinessResult>('continuity/readiness', { uri })).detailsProblems).toBe(1);
    const r = await req<EditResult>('continuity/setDetail', {
      uri,
      path: ['next_review'],
      op: 'set',
      value: '2027-06-01',
    });
    expect(r.ok).toBe(true);
    const { doc: after, diagnostics } = await applyAndCheck(doc, r.edits!);
    expect(after.getText()).toContain('next_review: 2027-06-01 # agreed at the partners meeting');
    expect(after.getText()).toContain('# the status goes to approved after sign-off\nstatus: approved');
    // only that line changed
    expect(
      after
        .getText()
        .split('\n')
        .filter((l, i) => l !== text.split('\n')[i]),
    ).toEqual(['next_review: 2027-06-01 # agreed at the partners meeting']);
    expect(diagnostics.map((d) => d.code)).not.toContain('schema/invalid-value');
    const form2 = await req<DetailsFormResult>('continuity/detailsForm', { uri });
    expect(form2.problems!.next_review).toBeUndefined();
    expect((await req<ReadinessResult>('continuity/readiness', { uri })).detailsProblems).toBe(0);
  });

  it('adds and removes list rows, and refuses paths that are not fields', async () => {
    const text = cleanPlan();
    const { uri, doc } = await open('rows.md', text);
    const added = await req<EditResult>('continuity/setDetail', {
      uri,
      path: ['telephony', 'divert_numbers'],
      op: 'append',
      value: '01622 123456',
    });
    expect(added.ok).toBe(true);
    const { doc: after } = await applyAndCheck(doc, added.edits!);
    expect(after.getText()).toMatch(/divert_numbers:\n(?:\s+- .*\n)*\s+- 01622 123456\n/);
    expect(
      await req<EditResult>('continuity/setDetail', { uri, path: ['__proto__', 'x'], op: 'set', value: 1 }),
    ).toMatchObject({ ok: false });
    expect(
      await req<EditResult>('continuity/setDetail', { uri, path: ['practice'], op: 'set', value: 'flat' }),
    ).toMatchObject({ ok: false });
  });
});

describe('a value with a colon in it', () => {
  it('says to quote it, offers the fix, and the body is still checked', async () => {
    let text = replaceOnce(cleanPlan(), /^ {2}address: .*$/m, '  address: 14 Wharf Road: Maidstone');
    text = without(text, 'Telephony failure');
    const { uri, diagnostics, doc } = await open('colon.md', text);
    const slip = diagnostics.find((d) => d.code === 'front-matter')!;
    expect(slip.message).toBe(
      `The value of 'address' has a colon followed by a space in it, which YAML reads as the start of another field, so the plan's details cannot be read. Put the whole value in quotes: address: "14 Wharf Road: Maidstone"`,
    );
    expect(diagnostics.map((d) => d.code)).toContain('schema/required-section');
    const actions = await req<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: slip.range,
      context: { diagnostics: [slip] },
    });
    const fix = actions.find((a) => a.title === "Put the value of 'address' in quotes")!;
    const { doc: after, diagnostics: now } = await applyAndCheck(doc, fix.edit!.changes![uri]);
    expect(after.getText()).toContain('  address: "14 Wharf Road: Maidstone"');
    expect(now.map((d) => d.code)).not.toContain('front-matter');
  });
});

describe('printing a plan with errors', () => {
  it('refuses a clean copy and offers the DRAFT one; the preview marks DRAFT', async () => {
    const { uri } = await open('draft.md', without(cleanPlan(), 'Telephony failure'));
    const refused = await req<PrintResult>('continuity/print', { uri, format: 'pdf', browserPath: '/nonexistent' });
    expect(refused).toMatchObject({ ok: false, canPrintDraft: true });
    const html = await req<PrintResult>('continuity/print', { uri, format: 'html' });
    expect(html.ok && html.html).toMatch(/DRAFT/);
  });
});

describe('hover on front-matter keys', () => {
  it('explains the allowed values of a list of choices and the fields of a group', async () => {
    const text = cleanPlan();
    const { uri } = await open('hover-fm.md', text);
    const lines = text.split('\n');
    const hover = async (prefix: string) => {
      const line = lines.findIndex((l) => l.startsWith(prefix));
      const h = (await req<{ contents: { value: string } }>('textDocument/hover', {
        textDocument: { uri },
        position: { line, character: prefix.length - 2 },
      }))!;
      return h.contents.value;
    };
    expect(await hover('  bc_mode:')).toMatch(/A list of one or more of: `[a-z-]+`, `[a-z-]+`/);
    expect(await hover('telephony:')).toMatch(
      /A group of fields, each on its own line indented under it: `provider` \(required\)/,
    );
  });
});

describe('insert all missing sections', () => {
  it('inserts every missing required section with the add-missing engine, in one edit set, and reveals the first', async () => {
    let text = without(without(cleanPlan(), 'Telephony failure'), 'Contacts and escalation');
    text = without(text, 'Cost and impact log');
    const { uri, doc } = await open('insert-all.md', text);
    const r = await req<EditResult>('continuity/insertAllMissing', { uri });
    expect(r.ok).toBe(true);
    expect(r.message).toMatch(/^Inserted 3 sections as drafts to complete/);
    const { doc: after, diagnostics } = await applyAndCheck(doc, r.edits!);
    expect(diagnostics.map((d) => d.code)).not.toContain('schema/required-section');
    expect(after.getText(r.reveal!)).toMatch(/^## Contacts and escalation\n/);
    for (const line of text.split('\n')) expect(after.getText()).toContain(line);
    // idempotent: nothing left to insert
    const again = await req<EditResult>('continuity/insertAllMissing', { uri });
    expect(again.ok).toBe(false);
  });
});

describe('readiness with shared content', () => {
  it('a section that comes from a shared file counts as there, not missing', async () => {
    const { plan, section } = takeSection(cleanPlan(), 'Telephony failure');
    const root = tempRepository({
      'plans/practice.md': withShared(plan, ['../shared/telephony.md']),
      'shared/telephony.md': sharedFile('Telephony', section),
    });
    const other = await startTestServer(root);
    try {
      const uri = pathToFileURL(join(root, 'plans/practice.md')).href;
      const text = withShared(plan, ['../shared/telephony.md']);
      await other.connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId: 'markdown', version: 1, text },
      });
      const diagnostics = await other.waitFor(() => other.published.filter((p) => p.uri === uri).at(-1)?.diagnostics);
      expect(diagnostics.map((d) => d.code)).not.toContain('schema/required-section');
      const r = (await other.connection.sendRequest('continuity/readiness', { uri })) as ReadinessResult;
      expect(r.sections.find((s) => s.id === 'telephony')).toMatchObject({ state: 'complete', shared: true });
      expect(r.doFirst).toEqual([]);
    } finally {
      await other.stop();
    }
  });
});
