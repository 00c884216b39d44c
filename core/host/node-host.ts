/**
 * The Node host: the disk, git, node:crypto and recheck. Used by the CLI, the desktop language server
 * and the tests; the shipped resources are found upward from this module (source, dist/ or the
 * extension's bundle, which copies them beside itself).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Host, PatternVerdict, ResourceName } from './host.js';
import { readFileOnNode } from './node-read-file.js';
import { patternVerdictByShape } from './pattern-shape.js';

/** The folder upward from this module that holds `relative` (within six levels), or undefined. */
function findUpward(relative: string): string | undefined {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(path.join(dir, relative))) return dir;
    dir = path.dirname(dir);
  }
  return undefined;
}

let toolsDir: string | undefined;

/** Where the tools' schema/, plans/template.md and docs/ are. */
function shippedDir(): string {
  toolsDir ??= findUpward(path.join('schema', 'plan.schema.json'));
  if (!toolsDir) throw new Error('schema/plan.schema.json was not found next to the continuity tools; reinstall them.');
  return toolsDir;
}

const RESOURCE_PATHS: Record<ResourceName, string[]> = {
  'plan.schema.json': ['schema', 'plan.schema.json'],
  'annotation-keywords.json': ['schema', 'annotation-keywords.json'],
  'template.md': ['plans', 'template.md'],
};

/** Where a shipped resource is on disk. */
export function resourcePath(name: ResourceName): string {
  return path.join(shippedDir(), ...RESOURCE_PATHS[name]);
}

const resources = new Map<ResourceName, string>();
let rulesDoc: string | null | undefined;

const ignored = new Map<string, boolean>();

function gitIgnores(root: string, rel: string): boolean {
  const key = `${root}\0${rel}`;
  let answer = ignored.get(key);
  if (answer === undefined) {
    // Exit 0: ignored (and not tracked: a committed file is part of the repository, whatever .gitignore
    // says); 1: not ignored; anything else (no git, not a repository): not known to be.
    const r = spawnSync('git', ['check-ignore', '-q', '--', rel], { cwd: root, timeout: 10_000, stdio: 'ignore' });
    answer = r.status === 0;
    if (ignored.size > 5000) ignored.clear();
    ignored.set(key, answer);
  }
  return answer;
}

type Checker = (source: string) => PatternVerdict;
let checker: Checker | undefined;

function loadChecker(): Checker {
  try {
    const { checkSync } = createRequire(import.meta.url)('recheck') as {
      checkSync: (s: string, f: string, o: object) => { status: PatternVerdict };
    };
    // Each phase bounded by steps, not time, so a busy machine does not turn a slow match into an
    // 'attack'; the overall limit stays, so a pattern made to be slow to analyse cannot stall a run
    // (past it the verdict is 'unknown', and the pattern is refused saying so).
    return (source) => checkSync(source, 'u', { timeout: 10_000, attackTimeout: null, incubationTimeout: null }).status;
  } catch {
    // A bundle without node_modules (the VS Code extension): the shape test.
    return patternVerdictByShape;
  }
}

export function nodeHost(): Host {
  return {
    kind: 'node',
    path,
    exists: (p) => existsSync(p),
    realPath(p) {
      try {
        return realpathSync.native(p);
      } catch {
        return path.resolve(p);
      }
    },
    isRepositoryRoot: (dir) => existsSync(path.join(dir, '.git')),
    readFile: readFileOnNode,
    gitIgnores,
    sha256: (data, encoding = 'hex') => createHash('sha256').update(data).digest(encoding),
    env: (name) => process.env[name],
    cwd: () => process.cwd(),
    resource(name) {
      let text = resources.get(name);
      if (text === undefined) resources.set(name, (text = readFileSync(resourcePath(name), 'utf8')));
      return text;
    },
    rulesDocUrl() {
      if (rulesDoc === undefined) {
        const dir = findUpward(path.join('docs', 'rules.md'));
        rulesDoc = dir ? pathToFileURL(path.join(dir, 'docs', 'rules.md')).href : null;
      }
      return rulesDoc ?? undefined;
    },
    patternVerdict: (source) => (checker ??= loadChecker())(source),
    pathOfUri(uri) {
      // Only a file on this machine: not `file://host/...`, nor an encoded '/' in a name.
      if (!uri.startsWith('file:')) return undefined;
      try {
        return fileURLToPath(uri);
      } catch {
        return undefined;
      }
    },
    uriOfPath: (p) => pathToFileURL(p).href,
  };
}
