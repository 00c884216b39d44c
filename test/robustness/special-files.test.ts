/**
 * Paths from repository content or configuration may name a link to /dev/zero (never ends), a FIFO
 * (opening it blocks for ever), a folder or a huge file. Each is refused before it is read, by one
 * reader; a test that regressed would hang or run out of memory rather than pass.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFileOnDisk } from '../../cli/check-files.js';
import { checkPlan } from '../../core/check-plan.js';
import { ConfigError, loadConfigFile } from '../../core/config/config.js';
import { readRegularFile } from '../../core/io/read-regular-file.js';
import { knownRuleIds } from '../../core/rules/catalogue.js';
import { cleanPlan, replaceOnce, TODAY } from '../helpers/plans.js';
import { tempRepository } from '../helpers/shared-content.js';

function hostileRepository(): string {
  const root = tempRepository({ 'shared/big.md': 'x'.repeat(3 * 1024 * 1024), 'shared/ok.md': 'Fine.\n' });
  symlinkSync('/dev/zero', join(root, 'shared/zero.md'));
  execFileSync('mkfifo', [join(root, 'shared/fifo.md')]);
  mkdirSync(join(root, 'shared/folder.md'));
  return root;
}

describe('one reader for paths from the repository', () => {
  const root = hostileRepository();
  const read = (name: string, inside = true) => {
    const r = readRegularFile(join(root, 'shared', name), {
      root: inside ? root : undefined,
      maxBytes: 2 * 1024 * 1024,
    });
    return 'bytes' in r ? r.bytes.toString() : r.refused;
  };

  it('refuses a link out of the root, a device, a FIFO, a folder and an over-size file before reading', () => {
    expect(read('zero.md')).toBe('outside');
    expect(read('zero.md', false)).toBe('not-a-file');
    expect(read('fifo.md')).toBe('not-a-file');
    expect(read('folder.md')).toBe('folder');
    expect(read('big.md')).toBe('too-large');
    expect(read('missing.md')).toBe('missing');
    expect(read('ok.md')).toBe('Fine.\n');
  });

  it('shared content: each hostile include is a shared-content error on its line', () => {
    const names = ['zero.md', 'fifo.md', 'folder.md', 'big.md'];
    const includes = names.map((n) => `<!-- include: ../shared/${n} -->\n`).join('\n');
    const plan = replaceOnce(cleanPlan(), '## Telephony failure\n', `## Telephony failure\n\n${includes}`);
    mkdirSync(join(root, 'plans'), { recursive: true });
    const path = join(root, 'plans/practice.md');
    writeFileSync(path, plan);
    const messages = checkPlan(plan, { today: TODAY, path })
      .diagnostics.filter((d) => d.ruleId === 'shared-content')
      .map((d) => d.message);
    expect(messages.length).toBe(4);
    expect(messages[0]).toContain("'../shared/zero.md' is a link to a file outside this repository");
    expect(messages[1]).toContain('it is not an ordinary file (a device, pipe or socket)');
    expect(messages[2]).toContain('it is a folder, not a file');
    expect(messages[3]).toContain('it is 3 MB; the limit is 2 MB; shared content files must be under 2 MB');
  });

  it('a config file that is a FIFO, and a schema extension linked to /dev/zero, are configuration errors', () => {
    const repo = tempRepository({});
    execFileSync('mkfifo', [join(repo, 'continuity.config.json')]);
    expect(() => loadConfigFile(join(repo, 'continuity.config.json'), knownRuleIds())).toThrow(ConfigError);
    expect(() => loadConfigFile(join(repo, 'continuity.config.json'), knownRuleIds())).toThrow(
      /cannot be read: it is not an ordinary file/,
    );

    const other = tempRepository({ 'continuity.config.json': '{"schema": "icb.schema.json"}' });
    symlinkSync('/dev/zero', join(other, 'icb.schema.json'));
    expect(() => loadConfigFile(join(other, 'continuity.config.json'), knownRuleIds())).toThrow(
      /cannot read the schema extension .*icb.schema.json: it is a link to a file outside the repository/,
    );
  });

  it('a plan committed as a link to /dev/zero or as a FIFO is an unreadable-file error', () => {
    const repo = tempRepository({});
    symlinkSync('/dev/zero', join(repo, 'zero.md'));
    execFileSync('mkfifo', [join(repo, 'fifo.md')]);
    for (const name of ['zero.md', 'fifo.md']) {
      const { diagnostics } = checkFileOnDisk(
        join(repo, name),
        { rules: {}, ignore: [], schemas: [], hash: '' } as never,
        TODAY,
      );
      expect(diagnostics.map((d) => `${d.ruleId}: ${d.message}`)).toEqual([
        'unreadable-file: The file could not be read (it is not an ordinary file (a device, pipe or socket)).',
      ]);
    }
  });
});
