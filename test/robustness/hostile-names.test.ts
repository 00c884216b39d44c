/**
 * File names come from the repository. One holding a line break could forge a line of a CI log
 * (`::error ...` in GitHub Actions); one holding escape sequences could rewrite the terminal. The
 * default output and stderr show such characters as visible escapes.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { displayName } from '../../cli/display-name.js';
import { runCliAsync, tempWorkspace } from '../helpers/cli.js';

describe('hostile file names in output', () => {
  it('escapes line breaks, escape sequences and bidirectional controls', () => {
    expect(displayName('plans/a\n::error file=x::forged.md')).toBe('plans/a\\u000a::error file=x::forged.md');
    expect(displayName('a\u001b[2Jb\u202ec.md')).toBe('a\\u001b[2Jb\\u202ec.md');
    expect(displayName('plans/St Mary’s.md')).toBe('plans/St Mary’s.md');
  });

  it('lint: no forged line in the default output', async () => {
    const dir = tempWorkspace(false);
    const name = 'plan\n::error file=x.md,line=1::forged\u001b[31m.md';
    writeFileSync(join(dir, name), '# Plan\n\nCall {{name}}.\n');
    const r = await runCliAsync(['lint', '.'], dir);
    const lines = `${r.stdout}\n${r.stderr}`.split('\n');
    expect(lines.some((l) => l.startsWith('::error'))).toBe(false);
    expect(r.stdout + r.stderr).not.toContain('\u001b[31m');
    expect(r.stdout).toContain('plan\\u000a::error file=x.md,line=1::forged\\u001b[31m.md');
  }, 120_000);
});
