/**
 * Integration tests in a real VS Code. `run()` is the entry `@vscode/test-electron` calls on desktop
 * (extensionTestsPath); here the same module runs in code-server (see scripts/vscode-integration.mjs).
 * The workspace holds the shipped plans plus plans/bad-plan.md (no telephony section, a UK-style date)
 * and plans/form-plan.md (a UK-style next review date, fixed through the details form).
 *
 * Two things only the browser can do are asked of the runner by log lines: `screenshot now NAME`
 * (saved when SCREENSHOT_DIR is set) and `ui: details FIELD VALUE` (types into the details form's
 * webview and fires its change event, as a person would).
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { ReadinessResult } from '../shared/protocol';
import { codeOf, codesOf, log, planUri, screenshot, Suite, textOf, until } from './harness';

const EXTENSION_ID = 'continuity-plans.continuity-plans';
const suite = new Suite();
const test = suite.test.bind(suite);
const badPlan = () => planUri('bad-plan.md');
const todayIso = () => new Date().toISOString().slice(0, 10);

test('the extension activates on a plan', async () => {
  const doc = await vscode.workspace.openTextDocument(badPlan());
  await vscode.window.showTextDocument(doc);
  const ext = await until('the extension', () => vscode.extensions.getExtension(EXTENSION_ID));
  await ext.activate();
  assert.equal(ext.isActive, true);
  const t = await vscode.commands.executeCommand<{
    activationMs: number;
    activateOnlyMs: number;
    serverReadyMs: number;
    isWeb: boolean;
  }>('continuity.activationTime');
  assert.equal(t.isWeb, false, 'the desktop entry runs');
  log(
    `activation: ${t.activationMs} ms from loading the extension to activate() returning (activate() itself ${t.activateOnlyMs} ms); language server ready after ${t.serverReadyMs} ms`,
  );
  assert.ok(t.activationMs >= 0 && t.serverReadyMs >= t.activationMs);
});

test('the bad plan shows the expected diagnostics', async () => {
  const codes = await until('diagnostics', () => {
    const c = codesOf(badPlan());
    return c.length >= 2 && c;
  });
  assert.deepEqual(codes, ['schema/invalid-value', 'schema/required-section']);
  const missing = vscode.languages.getDiagnostics(badPlan()).find((d) => codeOf(d) === 'schema/required-section')!;
  assert.match(missing.message, /^The plan has no 'Telephony failure' section\./);
  assert.equal(missing.severity, vscode.DiagnosticSeverity.Error);
});

test('the readiness view shows the bad plan: progress, the missing section first', async () => {
  await vscode.commands.executeCommand('continuity.readiness.focus');
  const r = await until('the readiness view', async () => {
    const s = await vscode.commands.executeCommand<ReadinessResult | undefined>('continuity.readinessState');
    return (
      s?.isPlan &&
      s.uri === badPlan().toString() &&
      s.sections.some((x) => x.id === 'telephony' && x.state === 'missing') &&
      s
    );
  });
  assert.equal(r.total, 24);
  assert.equal(r.doFirst[0], 'telephony');
  log(`readiness: ${r.complete} of ${r.total} complete; do first: ${r.doFirst.join(', ')}`);
  await screenshot('readiness');
});

test('a quick fix applied through vscode.commands removes a diagnostic and selects what it changed', async () => {
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
  assert.ok(fix.command, 'the fix has no reveal command');
  await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
  const editor = vscode.window.activeTextEditor!;
  assert.equal(editor.document.getText(editor.selection), '2027-06-01');
  const codes = await until('the date diagnostic to go', () => {
    const c = codesOf(uri);
    return !c.includes('schema/invalid-value') && c;
  });
  assert.deepEqual(codes, ['schema/required-section']);
  await vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())!.save();
});

test('the details form: changing a date in the form changes the YAML and clears the diagnostic', async () => {
  const uri = planUri('form-plan.md');
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc);
  await until('the date problem', () => codesOf(uri).includes('schema/invalid-value'));
  await vscode.commands.executeCommand('continuity.openDetails', uri);
  await new Promise((r) => setTimeout(r, 1500));
  log('ui: details next_review 2027-06-01');
  await until('the YAML to change', () => /^next_review: ['"]?2027-06-01['"]?$/m.test(textOf(uri)), 30_000);
  await until('the diagnostic to clear', () => !codesOf(uri).includes('schema/invalid-value'));
  assert.match(textOf(uri), /^last_reviewed: /m, 'the other fields are still there');
  await screenshot('details');
});

test('Print DRAFT copy prints a plan with errors, every page stamped DRAFT', async () => {
  const path = await vscode.commands.executeCommand<string | undefined>('continuity.printDraft', badPlan());
  assert.ok(path && existsSync(path), `no PDF (${path})`);
  assert.equal(readFileSync(path).subarray(0, 5).toString(), '%PDF-');
  const pages = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' })
    .split('\f')
    .filter((p) => p.trim());
  assert.ok(pages.length > 1);
  for (const [i, page] of pages.entries()) assert.match(page, /DRAFT/, `page ${i + 1} has no DRAFT mark`);
  log(`draft printed: ${path}, ${pages.length} pages, all marked DRAFT`);
});

test('Insert all missing sections inserts them and selects the first', async () => {
  const uri = badPlan();
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  assert.equal(await vscode.commands.executeCommand('continuity.insertAllMissing', uri), true);
  await until('the missing-section error to go', () => !codesOf(uri).includes('schema/required-section'));
  const editor = vscode.window.activeTextEditor!;
  assert.match(editor.document.getText(editor.selection), /^## Telephony failure/);
  await until('the readiness view to follow', async () => {
    const s = await vscode.commands.executeCommand<ReadinessResult | undefined>('continuity.readinessState');
    return s?.sections.find((x) => x.id === 'telephony')?.state !== 'missing';
  });
  await screenshot('inserted');
});

test('Mark plan reviewed today is one undoable edit', async () => {
  const uri = badPlan();
  const before = textOf(uri);
  assert.equal(await vscode.commands.executeCommand('continuity.markReviewed', uri), true);
  const after = textOf(uri);
  const today = todayIso();
  // Line by line, not by one pattern with `.*` between the cells (the audit allows no pattern that
  // can backtrack quadratically, tests included) nor one built from the date.
  const lines = after.split(/\r?\n/);
  const dated = [`${today}`, `'${today}`, `${today}'`, `'${today}'`].map((d) => `last_reviewed: ${d}`);
  assert.ok(
    lines.some((l) => dated.includes(l)),
    `no 'last_reviewed: ${today}' line`,
  );
  const changes = ' | {{what changed at this review, or "no changes"}} |';
  const row = lines.find((l) => {
    const cells = /\| \d+\.\d+ \| \d{4}-\d{2}-\d{2} \| /.exec(l);
    return cells !== null && l.lastIndexOf(changes) >= cells.index + cells[0].length;
  });
  assert.ok(row, 'no review-history row for today with the changes to fill in');
  await screenshot('reviewed');
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  await vscode.commands.executeCommand('undo');
  assert.equal(textOf(uri), before);
});

test('Save print copy writes one HTML file of the plan, stamped DRAFT while it is not finished', async () => {
  const target = planUri('print/bad-plan-copy.html');
  const saved = await vscode.commands.executeCommand<string | undefined>('continuity.savePrintCopy', badPlan(), {
    allowErrors: true,
    saveTo: target,
  });
  assert.equal(saved, target.toString());
  const html = readFileSync(target.fsPath, 'utf8');
  assert.match(html, /^<!DOCTYPE html>/);
  assert.match(html, /<div class="draft-stamp">DRAFT - /);
  assert.match(html, /@page \{\s*@top-left/);
});

test('a clean example has no diagnostics', async () => {
  const uri = planUri('example-moorland-surgery.md');
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  await new Promise((r) => setTimeout(r, 1500));
  assert.deepEqual(codesOf(uri), []);
});

test('the print command writes a PDF', async () => {
  const uri = planUri('example-moorland-surgery.md');
  const path = await vscode.commands.executeCommand<string | undefined>('continuity.printPdf', uri);
  assert.ok(path, 'the print command returned no PDF path (see the notification)');
  assert.ok(existsSync(path), `no file at ${path}`);
  assert.equal(readFileSync(path).subarray(0, 5).toString(), '%PDF-');
  log(`printed ${path}`);
});

test('Print works while the preview has focus', async () => {
  const uri = planUri('example-moorland-surgery.md');
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  await vscode.commands.executeCommand('continuity.previewPrint');
  await new Promise((r) => setTimeout(r, 1500));
  await screenshot('preview');
  const path = await vscode.commands.executeCommand<string | undefined>('continuity.printPdf');
  assert.ok(path && path.endsWith('example-moorland-surgery.pdf'), `printed ${path}`);
});

test('the status bar and Problems show the bad plan (left open for a screenshot)', async () => {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(badPlan()));
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  let said: { uri?: string; known: string[]; text?: string } | undefined;
  await until(
    'the status bar text',
    async () => {
      said = await vscode.commands.executeCommand<typeof said>('continuity.statusText');
      return said?.text;
    },
    10_000,
  ).catch(() => undefined);
  log(`status bar: ${JSON.stringify(said)}`);
  assert.match(
    said?.text ?? '',
    /^\$\((error|warning|check)\) \d+\/24 sections, (no problems|\d+ (error|warning)s?), review due in \d+ days$/,
  );
  await screenshot('status');
});

export function run(): Promise<void> {
  return suite.run();
}
