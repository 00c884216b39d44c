// The layers are enforced by the lint, not by convention: core imports nothing from cli/, extension/
// or VS Code; cli/ and extension/ use core through its entry points; core has no folder-level cycles.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/plans.js';

async function restrictedImports(file: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: ROOT });
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, file) });
  return result.messages
    .filter((m) => m.ruleId === 'no-restricted-imports')
    .map((m) => `${m.severity === 2 ? 'error' : 'warning'} ${m.line}`);
}

describe('layer boundaries', () => {
  it('core may not import VS Code, the language server, cli/ or extension/', async () => {
    const code =
      "import * as vscode from 'vscode';\nimport { createConnection } from 'vscode-languageserver/node';\nimport { main } from '../cli/main.js';\nimport { x } from '../../extension/server/server.js';\nimport { ok } from './diagnostic.js';\n";
    expect(await restrictedImports('core/probe.ts', code)).toEqual(['error 1', 'error 2', 'error 3', 'error 4']);
  }, 30_000);

  it('cli/ and extension/ use core through its entry points only', async () => {
    const code =
      "import { checkPlan } from '../core/index.js';\nimport preset from '../core/preset.js';\nimport { rules } from '../core/rules/index.js';\n";
    expect(await restrictedImports('cli/probe.ts', code)).toEqual(['error 3']);
    expect(await restrictedImports('extension/server/probe.ts', code.replace(/\.\.\/core/g, '../../core'))).toEqual([
      'error 3',
    ]);
  }, 30_000);

  it('core has no folder-level import cycles', () => {
    expect(
      execFileSync(process.execPath, [join(ROOT, 'scripts', 'check-core-cycles.mjs')], { encoding: 'utf8' }),
    ).toMatch(/^no folder-level cycles in core/);
  });
});
