// The host seam (core/host): the browser's pieces give Node's answers (paths, SHA-256), the memory
// host refuses what the disk reader refuses and asks for what it has not got, and a plan checked
// through a memory host filled the way the web language server fills it (ask, fetch, check again)
// gets exactly the diagnostics the Node host gives from the disk.
import { createHash } from 'node:crypto';
import { lstatSync, readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { checkPlan, type CheckResult } from '../../core/check-plan.js';
import { ConfigResolver } from '../../core/config/config-resolver.js';
import { host, useHost, RESOURCE_NAMES, type Host } from '../../core/host/host.js';
import { MemoryHost, type MemoryEntry } from '../../core/host/memory-host.js';
import { nodeHost } from '../../core/host/node-host.js';
import { posixPath } from '../../core/host/posix-path.js';
import { sha256 } from '../../core/host/sha256.js';
import { cleanPlan, replaceOnce } from '../helpers/plans.js';
import { sharedFile, tempRepository, withShared } from '../helpers/shared-content.js';

const TODAY = '2026-11-22';
let restore: Host | undefined;
afterEach(() => {
  if (restore) useHost(restore);
  restore = undefined;
});

function memoryHost(roots: string[], files: Record<string, MemoryEntry> = {}): MemoryHost {
  const node = nodeHost();
  const resources = Object.fromEntries(RESOURCE_NAMES.map((n) => [n, node.resource(n)])) as Record<
    (typeof RESOURCE_NAMES)[number],
    string
  >;
  return new MemoryHost({ roots, files, resources, rulesDocUrl: node.rulesDocUrl() });
}

/** What the web client answers for a path (see extension/client/workspace-files.ts), read here from disk. */
function entryOnDisk(path: string): MemoryEntry {
  const stat = lstatSync(path, { throwIfNoEntry: false });
  if (!stat) return { type: 'missing' };
  if (stat.isSymbolicLink()) return { type: 'link' };
  if (stat.isDirectory()) return { type: 'folder' };
  return { type: 'file', size: stat.size, bytes: readFileSync(path) };
}

describe('posix paths without node:path', () => {
  const cases: [keyof typeof posixPath, string[]][] = [
    ['normalize', ['/a/b/../c/./d/']],
    ['normalize', ['a//b/../../..']],
    ['normalize', ['']],
    ['join', ['/a', 'b', '../c', './d.md']],
    ['join', ['a', '', 'b/']],
    ['resolve', ['/repo/plans', '../shared/x.md']],
    ['resolve', ['/repo/plans', '/abs/y.md']],
    ['resolve', ['/', '..', '..', 'x']],
    ['dirname', ['/repo/plans/a.md']],
    ['dirname', ['/a']],
    ['dirname', ['a']],
    ['dirname', ['/a/b/']],
    ['dirname', ['/a//b///']],
    ['dirname', ['///']],
    ['basename', ['///']],
    ['basename', ['/repo/.env.local']],
    ['basename', ['/repo/plans/']],
    ['extname', ['/repo/img/map.PNG']],
    ['extname', ['/repo/.env']],
    ['extname', ['/repo/a.b.c']],
    ['relative', ['/repo', '/repo/shared/x.md']],
    ['relative', ['/repo/plans', '/repo/shared/x.md']],
    ['relative', ['/repo', '/repo']],
    ['relative', ['/repo/a', '/other']],
    ['isAbsolute', ['plans/x.md']],
  ];
  for (const [fn, args] of cases) {
    it(`${fn}(${args.map((a) => JSON.stringify(a)).join(', ')}) is what node's path.posix says`, () => {
      const mine = (posixPath[fn] as (...a: string[]) => unknown)(...args);
      expect(mine).toEqual((posix[fn] as (...a: string[]) => unknown)(...args));
    });
  }
});

describe('SHA-256 without node:crypto', () => {
  it('gives node:crypto digests for text and bytes of every padding length', () => {
    const inputs: (string | Uint8Array)[] = [
      '',
      'abc',
      'Ring the GP IT service desk on 020 7946 0123 – £, é, 😀',
      'lone \ud800 surrogate',
      ...[55, 56, 63, 64, 65, 1000].map((n) => Uint8Array.from({ length: n }, (_, i) => (i * 31) & 255)),
    ];
    for (const input of inputs) {
      expect(sha256(input)).toBe(createHash('sha256').update(input).digest('hex'));
      expect(sha256(input, 'base64')).toBe(createHash('sha256').update(input).digest('base64'));
    }
  });
});

describe('the memory host', () => {
  const root = 'vscode-vfs://github/icb/plans';

  it('maps the workspace URIs to paths and back, spaces and accents included', () => {
    const mem = memoryHost([root]);
    const uri = `${root}/plans/St%20Mary%C3%A9s%20surgery.md`;
    expect(mem.pathOfUri(uri)).toBe('/icb/plans/plans/St Maryés surgery.md');
    expect(mem.pathOfUri(mem.uriOfPath('/icb/plans/plans/St Maryés surgery.md'))).toBe(
      '/icb/plans/plans/St Maryés surgery.md',
    );
    expect(mem.pathOfUri('untitled:Untitled-1')).toBeUndefined();
    expect(mem.pathOfUri('vscode-vfs://azurerepos/icb/plans/x.md')).toBeUndefined();
  });

  it('answers what it has, refuses what the disk reader refuses, and asks only for files inside the workspace', () => {
    const mem = memoryHost([root], {
      '/icb/plans/a.md': { type: 'file', size: 3, bytes: new TextEncoder().encode('abc') },
      '/icb/plans/big.md': { type: 'file', size: 5_000_000 },
      '/icb/plans/link.md': { type: 'link' },
      '/icb/plans/shared': { type: 'folder' },
      '/icb/plans/gone.md': { type: 'missing' },
    });
    const read = (p: string, maxBytes = 1024) => mem.readFile(p, { root: '/icb/plans', maxBytes });
    expect(read('/icb/plans/a.md')).toEqual({ bytes: new TextEncoder().encode('abc'), realPath: '/icb/plans/a.md' });
    expect(read('/icb/plans/a.md', 2)).toMatchObject({ refused: 'too-large' });
    expect(read('/icb/plans/big.md', 10_000_000)).toMatchObject({ refused: 'too-large' });
    expect(read('/icb/plans/link.md')).toMatchObject({ refused: 'not-a-file', reason: /symbolic link/ });
    expect(read('/icb/plans/shared')).toMatchObject({ refused: 'folder' });
    expect(read('/icb/plans/gone.md')).toMatchObject({ refused: 'missing' });
    expect(mem.takeWanted()).toEqual([]);
    // not known yet: missing for now, and asked for
    expect(read('/icb/plans/shared/x.md')).toMatchObject({ refused: 'missing' });
    expect(mem.exists('/icb/plans/continuity.config.json')).toBe(false);
    // outside the workspace: refused, never asked for
    expect(read('/icb/other/secret.md')).toMatchObject({ refused: 'outside' });
    expect(mem.exists('/icb/continuity.config.json')).toBe(false);
    expect(mem.takeWanted().sort()).toEqual(['/icb/plans/continuity.config.json', '/icb/plans/shared/x.md']);
    expect(mem.isRepositoryRoot('/icb/plans')).toBe(true);
    expect(mem.gitIgnores()).toBeUndefined();
    expect(mem.askedGitIgnore).toBe(true);
  });

  it('is plain data: rebuilt from toData() (as a nested Worker would be) it gives the same answers', () => {
    const mem = memoryHost([root], { '/icb/plans/a.md': { type: 'file', size: 1, bytes: Uint8Array.of(65) } });
    const copy = new MemoryHost(structuredClone(mem.toData()));
    expect(copy.readFile('/icb/plans/a.md', { maxBytes: 10 })).toEqual(
      mem.readFile('/icb/plans/a.md', { maxBytes: 10 }),
    );
    expect(copy.resource('plan.schema.json')).toBe(mem.resource('plan.schema.json'));
    expect(copy.pathOfUri(`${root}/x.md`)).toBe('/icb/plans/x.md');
  });

  it('refuses a pattern with nested repeats in an ICB schema extension, as the bundled desktop extension does', () => {
    const mem = memoryHost([root]);
    expect(mem.patternVerdict('^(a+)+$')).toBe('vulnerable');
    expect(mem.patternVerdict('^[A-Z][0-9]{5}$')).toBe('safe');
  });
});

describe('a plan checked through the memory host, filled as the web language server fills it', () => {
  it('gets the diagnostics the Node host gives from the disk: config, schema extension, shared content and includes', () => {
    const messages = sharedFile(
      'Patient messages',
      '## Text messages {#sms}\n\n- "Our systems are down." {{sign-off}}\n\n<!-- include: nested.md -->\n',
    );
    const contacts = sharedFile('ICB contacts', '## Mutual aid\n\nRing {{neighbour practice}} first.\n');
    let plan = replaceOnce(
      cleanPlan(),
      '## Telephony failure\n',
      '## Telephony failure\n\n<!-- include: ../shared/messages.md#sms -->\n\n<!-- include: ../shared/missing.md -->\n',
    );
    plan = withShared(plan, ['../shared/contacts.md']);
    const extension = {
      type: 'object',
      properties: {
        frontMatter: {
          type: 'object',
          required: ['icb_reference'],
          properties: { icb_reference: { type: 'string', pattern: '^KM-[0-9]{4}$' } },
        },
      },
    };
    const repo = tempRepository({
      'plans/practice.md': plan,
      'shared/messages.md': messages,
      'shared/nested.md': 'Call {{duty manager}}.\n',
      'shared/contacts.md': contacts,
      'continuity.config.json': JSON.stringify({ rules: { placeholder: 'error' }, schema: 'schema/icb.json' }),
      'schema/icb.json': JSON.stringify(extension),
    });
    const path = `${repo}/plans/practice.md`;
    const check = (): CheckResult =>
      checkPlan(plan, { config: new ConfigResolver().forFile(path), today: TODAY, path });

    const onDisk = check();
    expect(onDisk.diagnostics.map((d) => d.ruleId)).toEqual(
      expect.arrayContaining(['placeholder', 'shared-content', 'schema/required-field']),
    );

    const mem = memoryHost([pathToFileURL(repo).href]);
    restore = useHost(mem);
    // Until a file is fetched it reads as missing, so a round may fail (the config names an extension
    // not fetched yet): what matters is the round after which nothing more is asked for.
    const attempt = () => {
      try {
        return check();
      } catch {
        return undefined;
      }
    };
    let result = attempt();
    let rounds = 0;
    for (let wanted = mem.takeWanted(); wanted.length > 0; wanted = mem.takeWanted()) {
      rounds++;
      expect(rounds, 'rounds of fetching').toBeLessThanOrEqual(12);
      for (const p of wanted) mem.put(p, entryOnDisk(p));
      result = attempt();
    }
    expect(host()).toBe(mem);
    expect(result?.diagnostics).toEqual(onDisk.diagnostics);
    expect(result?.sharedFiles).toEqual(onDisk.sharedFiles);
    expect(rounds).toBeGreaterThan(1);
  });
});
