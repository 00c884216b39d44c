// Core also runs in a browser Worker, so the lint keeps Node out of it: node: modules, Node's
// built-ins by their bare names, process and Buffer are errors in core, except in its Node-only
// modules (the host's Node adapter, printing, atomic writes, reading Word files).
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/plans.js';

const CODE = [
  "import { readFileSync } from 'node:fs';",
  "import { join } from 'path';",
  "import { createHash } from 'crypto';",
  "import { host } from './host/host.js';",
  'export const a = process.env.X;',
  "export const b = Buffer.from('x');",
  'export const c = [readFileSync, join, createHash, host];',
  '',
].join('\n');

async function nodeFindings(file: string): Promise<string[]> {
  const [result] = await new ESLint({ cwd: ROOT }).lintText(CODE, { filePath: join(ROOT, file) });
  return result.messages
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals')
    .map((m) => `${m.ruleId} ${m.line}`);
}

describe('Node in core', () => {
  it('is an error in the engine: node: modules, bare built-ins, process and Buffer', async () => {
    expect(await nodeFindings('core/shared/probe.ts')).toEqual([
      'no-restricted-imports 1',
      'no-restricted-imports 2',
      'no-restricted-imports 3',
      'no-restricted-globals 5',
      'no-restricted-globals 6',
    ]);
  }, 30_000);

  it('is allowed in the Node-only modules of core, and outside core', async () => {
    for (const file of [
      'core/host/node-probe.ts',
      'core/print/probe.ts',
      'core/io/write-file-atomic.ts',
      'cli/probe.ts',
    ])
      expect(await nodeFindings(file), file).toEqual([]);
  }, 30_000);
});
