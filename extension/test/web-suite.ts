/**
 * The extension as vscode.dev and github.dev run it: loaded from a copy whose manifest has only the
 * `browser` entry, in code-server's web worker extension host (scripts/vscode-integration.mjs), with
 * its language server in a Worker reading the workspace through the client. This module runs in the
 * Node extension host and sees the web extension through the workbench: its commands, the
 * diagnostics it publishes, and the files it writes.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { ReadinessResult } from '../shared/protocol';
import { codeOf, codesOf, folder, log, planUri, screenshot, Suite, textOf, until } from './harness';

const suite = new Suite();
const test = suite.test.bind(suite);
const badPlan = () => planUri('bad-plan.md');
const sharedPlan = () => planUri('shared-plan.md');

test('the web entry activates on a plan, and starts its language server in a Worker', async () => {
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(badPlan()));
  const t = await until('the web extension', () =>
    vscode.commands
      .executeCommand<{ activationMs: number; serverReadyMs: number; isWeb: boolean }>('continuity.activationTime')
      .then(
        (r) => r,
        () => undefined,
      ),
  );
  assert.equal(t.isWeb, true, 'the extension runs from its browser entry');
  log(`web activation: ${t.activationMs} ms; language server (Worker) ready after ${t.serverReadyMs} ms`);
});

test('diagnostics on the bad plan, in plain English', async () => {
  const codes = await until('diagnostics', () => {
    const c = codesOf(badPlan());
    return c.length >= 2 && c;
  });
  assert.deepEqual(codes, ['schema/invalid-value', 'schema/required-section']);
  const missing = vscode.languages.getDiagnostics(badPlan()).find((d) => codeOf(d) === 'schema/required-section')!;
  assert.match(missing.message, /^The plan has no 'Telephony failure' section\./);
});

test('continuity.config.json and shared content are read through the editor', async () => {
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(sharedPlan()));
  const placeholder = await until('the shared file problem', () =>
    vscode.languages.getDiagnostics(sharedPlan()).find((d) => codeOf(d) === 'placeholder'),
  );
  // The workspace's config makes placeholders errors; the placeholder is in the shared file.
  assert.equal(placeholder.severity, vscode.DiagnosticSeverity.Error);
  assert.match(placeholder.message, /^In the shared file messages\.md, line \d+: '\{\{sign-off\}\}'/);
  assert.equal(
    placeholder.relatedInformation?.[0].location.uri.path,
    vscode.Uri.joinPath(folder(), 'shared', 'messages.md').path,
  );
});

test('a quick fix removes its diagnostic', async () => {
  const uri = badPlan();
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  const date = vscode.languages.getDiagnostics(uri).find((d) => codeOf(d) === 'schema/invalid-value')!;
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
    'vscode.executeCodeActionProvider',
    uri,
    date.range,
    vscode.CodeActionKind.QuickFix.value,
  );
  const fix = actions.find((a) => /^Write the date as \d{4}-\d{2}-\d{2}$/.test(a.title));
  assert.ok(fix?.edit, `no date fix among: ${actions.map((a) => a.title).join(' | ')}`);
  assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
  const codes = await until('the date diagnostic to go', () => {
    const c = codesOf(uri);
    return !c.includes('schema/invalid-value') && c;
  });
  assert.deepEqual(codes, ['schema/required-section']);
});

test('the readiness view shows the plan, the missing section first', async () => {
  await vscode.commands.executeCommand('continuity.readiness.focus');
  const r = await until('the readiness view', async () => {
    const s = await vscode.commands.executeCommand<ReadinessResult | undefined>('continuity.readinessState');
    return s?.isPlan && s.uri.endsWith('/plans/bad-plan.md') && s;
  });
  assert.equal(r.total, 24);
  assert.equal(r.doFirst[0], 'telephony');
  assert.equal(r.sections.find((s) => s.id === 'telephony')?.state, 'missing');
  log(`readiness: ${r.complete} of ${r.total} complete; do first: ${r.doFirst.join(', ')}`);
  await screenshot('web-readiness');
});

test('the details form edits the plan in the browser: a date typed into the form clears its problem', async () => {
  const uri = planUri('form-plan.md');
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  await until('the date problem', () => codesOf(uri).includes('schema/invalid-value'));
  await vscode.commands.executeCommand('continuity.openDetails', uri);
  await new Promise((r) => setTimeout(r, 1500));
  log('ui: details next_review 2027-06-01');
  await until('the YAML to change', () => /^next_review: ['"]?2027-06-01['"]?$/m.test(textOf(uri)), 30_000);
  await until('the diagnostic to clear', () => !codesOf(uri).includes('schema/invalid-value'));
  await screenshot('web-details');
});

test('Mark plan reviewed today, and the print preview', async () => {
  const uri = planUri('form-plan.md');
  assert.equal(await vscode.commands.executeCommand('continuity.markReviewed', uri), true);
  const today = new Date().toISOString().slice(0, 10);
  assert.ok(
    textOf(uri)
      .split(/\r?\n/)
      .some((l) => l.replace(/'/g, '') === `last_reviewed: ${today}`),
    'last_reviewed is today',
  );
  await vscode.commands.executeCommand('continuity.previewPrint', uri);
  await screenshot('web-preview');
});

test('Save print copy writes the HTML copy: a DRAFT for the plan with errors, finished for a clean one', async () => {
  const draft = planUri('print/bad-plan.html');
  await vscode.commands.executeCommand('continuity.savePrintCopy', badPlan(), { allowErrors: true, saveTo: draft });
  await until('the DRAFT copy on disk', () => existsSync(draft.fsPath));
  const draftHtml = readFileSync(draft.fsPath, 'utf8');
  assert.match(draftHtml, /<div class="draft-stamp">DRAFT - FAILS CHECKS \(1 error\)<\/div>/);
  const clean = planUri('print/example-moorland-surgery.html');
  await vscode.commands.executeCommand('continuity.savePrintCopy', planUri('example-moorland-surgery.md'), {
    saveTo: clean,
  });
  await until('the clean copy on disk', () => existsSync(clean.fsPath));
  const html = readFileSync(clean.fsPath, 'utf8');
  assert.match(html, /^<!DOCTYPE html>/);
  assert.doesNotMatch(html, /<div class="draft-stamp">/);
  assert.ok(html.indexOf('class="emergency') < html.indexOf('class="cover'), 'the emergency page comes first');
  log(`print copies saved: ${draft.fsPath}, ${clean.fsPath}`);
});

test('the status bar and Problems show the bad plan (left open for a screenshot)', async () => {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(badPlan()));
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  const said = await until('the status bar text', () =>
    vscode.commands.executeCommand<{ text?: string }>('continuity.statusText').then((s) => s?.text),
  );
  assert.match(said, /^\$\((error|warning|check)\) \d+\/24 sections, /);
  await screenshot('web-status');
});

export function run(): Promise<void> {
  return suite.run();
}
