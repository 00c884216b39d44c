/**
 * Integration tests in a real VS Code. `run()` is the entry `@vscode/test-electron` calls on desktop
 * (extensionTestsPath); here the same module runs in code-server (see scripts/vscode-integration.mjs).
 * The workspace holds the shipped plans plus plans/bad-plan.md (no telephony section, a UK-style date).
 */
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as vscode from 'vscode';

const EXTENSION_ID = 'continuity-plans.continuity-plans';

function log(message: string): void {
  console.log(`[continuity-it] ${message}`);
}

async function until<T>(what: string, probe: () => T | undefined | false, timeoutMs = 30_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const codesOf = (uri: vscode.Uri) =>
  vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === 'continuity')
    .map((d) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code)))
    .sort();

const tests: [string, () => Promise<void>][] = [];
const test = (name: string, fn: () => Promise<void>) => tests.push([name, fn]);

const folder = () => vscode.workspace.workspaceFolders![0].uri;
const badPlan = () => vscode.Uri.joinPath(folder(), 'plans', 'bad-plan.md');

test('the extension activates on a plan', async () => {
  const doc = await vscode.workspace.openTextDocument(badPlan());
  await vscode.window.showTextDocument(doc);
  const ext = await until('the extension', () => vscode.extensions.getExtension(EXTENSION_ID));
  await ext.activate();
  assert.equal(ext.isActive, true);
  const t = await vscode.commands.executeCommand<{ activationMs: number; activateOnlyMs: number; serverReadyMs: number }>('continuity.activationTime');
  log(`activation: ${t.activationMs} ms from loading the extension to activate() returning (activate() itself ${t.activateOnlyMs} ms); language server ready after ${t.serverReadyMs} ms`);
  assert.ok(t.activationMs >= 0 && t.serverReadyMs >= t.activationMs);
});

test('the bad plan shows the expected diagnostics', async () => {
  const codes = await until('diagnostics', () => {
    const c = codesOf(badPlan());
    return c.length >= 2 && c;
  });
  assert.deepEqual(codes, ['schema/invalid-value', 'schema/required-section']);
  const missing = vscode.languages.getDiagnostics(badPlan()).find((d) => String((d.code as { value: string }).value ?? d.code) === 'schema/required-section')!;
  assert.match(missing.message, /^The plan has no 'Telephony failure' section\./);
  assert.equal(missing.severity, vscode.DiagnosticSeverity.Error);
});

test('a quick fix applied through vscode.commands removes a diagnostic', async () => {
  const uri = badPlan();
  const date = vscode.languages.getDiagnostics(uri).find((d) => String((d.code as { value: string }).value ?? d.code) === 'schema/invalid-value')!;
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, date.range, vscode.CodeActionKind.QuickFix.value);
  const fix = actions.find((a) => /^Write the date as \d{4}-\d{2}-\d{2}$/.test(a.title));
  assert.ok(fix?.edit, `no date fix among: ${actions.map((a) => a.title).join(' | ')}`);
  assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
  const codes = await until('the date diagnostic to go', () => {
    const c = codesOf(uri);
    return !c.includes('schema/invalid-value') && c;
  });
  assert.deepEqual(codes, ['schema/required-section']);
  await vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())!.save();
});

test('a clean example has no diagnostics', async () => {
  const uri = vscode.Uri.joinPath(folder(), 'plans', 'example-moorland-surgery.md');
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  await new Promise((r) => setTimeout(r, 1500));
  assert.deepEqual(codesOf(uri), []);
});

test('the print command writes a PDF', async () => {
  const uri = vscode.Uri.joinPath(folder(), 'plans', 'example-moorland-surgery.md');
  const path = await vscode.commands.executeCommand<string | undefined>('continuity.printPdf', uri);
  assert.ok(path, 'the print command returned no PDF path (see the notification)');
  assert.ok(existsSync(path), `no file at ${path}`);
  assert.equal(readFileSync(path).subarray(0, 5).toString(), '%PDF-');
  log(`printed ${path}`);
});

test('the status bar and Problems show the bad plan (left open for a screenshot)', async () => {
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(badPlan()));
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  const status = await until('the status bar', async () => undefined, 10).catch(() => undefined);
  void status;
  let said: { uri?: string; known: string[]; text?: string } | undefined;
  await until('the status bar text', () => {
    void vscode.commands.executeCommand<typeof said>('continuity.statusText').then((s) => (said = s));
    return said?.text;
  }, 10_000).catch(() => undefined);
  log(`status bar: ${JSON.stringify(said)}`);
  assert.match(said?.text ?? '', /^\$\(error\) 1 error - review due in \d+ days$/);
  const editor = vscode.window.activeTextEditor!;
  const problem = vscode.languages.getDiagnostics(badPlan())[0];
  editor.selection = new vscode.Selection(problem.range.start, problem.range.start);
  editor.revealRange(problem.range, vscode.TextEditorRevealType.InCenter);
  log('screenshot now');
  await new Promise((r) => setTimeout(r, 2500));
});

export async function run(): Promise<void> {
  let failed = 0;
  for (const [name, fn] of tests) {
    const started = Date.now();
    try {
      await fn();
      log(`ok   ${name} (${Date.now() - started} ms)`);
    } catch (e) {
      failed++;
      log(`FAIL ${name}: ${(e as Error).stack ?? e}`);
    }
  }
  log(`${tests.length - failed} passed, ${failed} failed`);
  if (failed) throw new Error(`${failed} integration test(s) failed`);
}
