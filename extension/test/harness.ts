/**
 * What the integration suites share (suite.ts on the desktop's Node extension host, web-suite.ts for
 * the web worker extension host): logging to the runner, waiting on a condition, the workspace's
 * plans, their diagnostics, and running the tests in order. The runner is
 * scripts/vscode-integration.mjs; `screenshot now NAME` asks it for a screenshot.
 */
import * as vscode from 'vscode';

export function log(message: string): void {
  console.log(`[continuity-it] ${message}`);
}

export async function until<T>(
  what: string,
  probe: () => T | undefined | false | PromiseLike<T | undefined | false>,
  timeoutMs = 30_000,
): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));
export const codesOf = (uri: vscode.Uri) =>
  vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === 'continuity')
    .map(codeOf)
    .sort();

export async function screenshot(name: string): Promise<void> {
  log(`screenshot now ${name}`);
  // the runner takes it a moment after the log line arrives
  await new Promise((r) => setTimeout(r, 2500));
}

export const folder = () => vscode.workspace.workspaceFolders![0].uri;
export const planUri = (name: string) => vscode.Uri.joinPath(folder(), 'plans', name);
export const textOf = (uri: vscode.Uri) =>
  vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())!.getText();

/** Tests, run in the order they were added; the suite fails if any does. */
export class Suite {
  private readonly tests: [string, () => Promise<void>][] = [];

  test(name: string, fn: () => Promise<void>): void {
    this.tests.push([name, fn]);
  }

  async run(): Promise<void> {
    let failed = 0;
    for (const [name, fn] of this.tests) {
      const started = Date.now();
      try {
        await fn();
        log(`ok   ${name} (${Date.now() - started} ms)`);
      } catch (e) {
        failed++;
        log(`FAIL ${name}: ${(e as Error).stack ?? e}`);
      }
    }
    log(`${this.tests.length - failed} passed, ${failed} failed`);
    if (failed) throw new Error(`${failed} integration test(s) failed`);
  }
}
