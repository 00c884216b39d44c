// What the extension may do in a workspace the user has not trusted: check plans, nothing more. The
// limits are declared in the manifest and enforced in the client; the server starts no process from
// a workspace's content (no git, no scripts), only the browser, and only when asked to print.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/plans.js';

const manifest = JSON.parse(readFileSync(join(ROOT, 'extension', 'package.json'), 'utf8'));
const clientFile = (...path: string[]) => readFileSync(join(ROOT, 'extension', 'client', ...path), 'utf8');

describe('extension in an untrusted workspace', () => {
  it('declares limited support: printing (which starts a browser) needs trust, and the browser path cannot come from the workspace', () => {
    const untrusted = manifest.capabilities.untrustedWorkspaces;
    expect(untrusted.supported).toBe('limited');
    expect(untrusted.restrictedConfigurations).toEqual(['continuity.browserPath']);
    expect(untrusted.description).toMatch(/Printing a PDF starts a browser, so it needs a trusted workspace/);
    // machine scope: not settable in a workspace's .vscode/settings.json at all
    expect(manifest.contributes.configuration.properties['continuity.browserPath'].scope).toBe('machine');
    const print = manifest.contributes.commands.find((c: { command: string }) => c.command === 'continuity.printPdf');
    expect(print.enablement).toBe('isWorkspaceTrusted && !isWeb');
    // no other setting names a program, a path to run or a URL to fetch
    const settings = Object.keys(manifest.contributes.configuration.properties).sort();
    expect(settings).toEqual([
      'continuity.browserPath',
      'continuity.debounceMs',
      'continuity.planGlobs',
      'continuity.rules',
      'continuity.today',
    ]);
    // activated by markdown only; nothing runs on opening a folder
    expect(manifest.activationEvents).toEqual(['onLanguage:markdown']);
  });

  it('the client refuses to print before asking the server, when the workspace is not trusted', () => {
    const print = clientFile('commands', 'print-pdf.ts');
    // Found by pattern, not exact text, so the formatter's line breaks do not matter.
    const trustCheck = print.search(/if \(!vscode\.workspace\.isTrusted\)\s*return/);
    const printRequest = print.search(/request\('continuity\/print'/);
    expect(trustCheck).toBeGreaterThan(0);
    expect(printRequest).toBeGreaterThan(trustCheck);
    // both print commands (the clean copy and the DRAFT) go through it
    const table = clientFile('commands', 'index.ts');
    expect(table).toContain("'continuity.printPdf': (ctx, target?: unknown) => printPdf(ctx, target, false)");
    expect(table).toContain("'continuity.printDraft': (ctx, target?: unknown) => printPdf(ctx, target, true)");
    // the server is told whether the workspace is trusted (it then leaves an ICB schema extension unloaded), and told when it becomes trusted
    expect(clientFile('client-options.ts')).toContain('trusted: vscode.workspace.isTrusted');
    const activate = clientFile('activate.ts');
    expect(activate).toMatch(
      /onDidGrantWorkspaceTrust\(\(\) => server\.notify\('continuity\/trust', \{ trusted: true \}\)\)/,
    );
    // the preview is static HTML in a webview with scripts off
    const preview = clientFile('preview.ts');
    expect(preview).toMatch(/createWebviewPanel\(\s*'continuity.preview'/);
    expect(preview).toMatch(/\{ enableScripts: false \}/);
    expect(activate).not.toMatch(/enableScripts/);
  });

  it('the details form runs only its own script, under a strict Content-Security-Policy, and loads nothing from the network', () => {
    const panel = readFileSync(join(ROOT, 'extension', 'client', 'details-panel.ts'), 'utf8');
    expect(panel).toContain(
      "const csp = `default-src 'none'; style-src ${webview.cspSource}; script-src 'nonce-${nonce}';",
    );
    expect(panel).not.toMatch(/unsafe-inline|unsafe-eval|https?:\/\//);
    expect(panel).toContain('localResourceRoots: [media]');
    const script = readFileSync(join(ROOT, 'extension', 'media', 'details-form.js'), 'utf8');
    expect(script).not.toMatch(/fetch\(|XMLHttpRequest|eval\(|new Function|innerHTML|https?:\/\//);
  });

  it('neither the client nor the server starts a process or runs git from workspace content', () => {
    const sources = ['server', 'client'].flatMap((dir) =>
      (readdirSync(join(ROOT, 'extension', dir), { recursive: true }) as string[])
        .filter((f) => f.endsWith('.ts'))
        .map((f) => join(ROOT, 'extension', dir, f)),
    );
    expect(sources.some((f) => f.endsWith(join('commands', 'print-pdf.ts')))).toBe(true);
    for (const file of sources) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/child_process|git-revision|execSync|execFile|spawn\(/);
    }
    // the only process the server starts is the browser, on a print request: printing uses a fixed revision label, never git
    const gate = readFileSync(join(ROOT, 'extension', 'server', 'print-copy.ts'), 'utf8');
    expect(gate).toContain("revision: 'editor copy'");
  });
});
