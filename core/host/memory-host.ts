/**
 * A host with no file system of its own: the browser's (vscode.dev, github.dev), where the language
 * server runs in a Worker and reads files only through the editor. It answers from the files it has
 * been given, keyed by path (the path of each file's URI in the workspace), and remembers every path
 * it was asked about and did not have, so that the server can fetch those through the editor and
 * check again. Until fetched, such a file reads as missing.
 *
 * It is built from plain data (`MemoryHostData`: structured-clonable, so a check in a nested Worker
 * gets the same answers) and gives that data back with `toData()`.
 *
 * Containment holds here too: nothing outside the workspace folders is asked for, and each folder is
 * where its repository starts. What cannot be checked without git (whether git ignores a file) is
 * answered `undefined`, and the host notes that it was asked, so the caller can say so once.
 */
import type { FileRead, Host, PatternVerdict, ReadFileOptions, ResourceName } from './host.js';
import { patternVerdictByShape } from './pattern-shape.js';
import { posixPath } from './posix-path.js';
import { sha256 } from './sha256.js';

/** What the editor said is at a path. A file larger than what was fetched has its size and no bytes. */
export type MemoryEntry =
  | { type: 'file'; size: number; bytes?: Uint8Array }
  | { type: 'folder' }
  | { type: 'missing' }
  | { type: 'link' }
  | { type: 'refused'; refused: 'denied' | 'unreadable'; reason: string };

export interface MemoryHostData {
  /** The workspace folders' URIs, e.g. `vscode-vfs://github/icb/plans`. */
  roots: string[];
  /** By path (the decoded path of the file's URI). */
  files: Record<string, MemoryEntry>;
  resources: Record<ResourceName, string>;
  rulesDocUrl?: string;
  env?: Record<string, string>;
}

/** Scheme and authority (`vscode-vfs://github`) and decoded path of a URI, or undefined for one that is not hierarchical. */
function splitUri(uri: string): { origin: string; path: string } | undefined {
  const m = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)([^?#]*)/i.exec(uri);
  if (!m) return undefined;
  try {
    return { origin: `${m[1].toLowerCase()}://${m[2]}`, path: posixPath.normalize(decodeURIComponent(m[3] || '/')) };
  } catch {
    return undefined;
  }
}

function isInside(root: string, path: string): boolean {
  const r = root.endsWith('/') ? root : `${root}/`;
  return path === root || path.startsWith(r);
}

function sizeText(n: number): string {
  return n >= 1024 * 1024 ? `${Math.ceil(n / 1024 / 1024)} MB` : `${Math.ceil(n / 1024)} KB`;
}

export class MemoryHost implements Host {
  readonly kind = 'browser' as const;
  readonly path = posixPath;
  private roots: { uri: string; origin: string; path: string }[] = [];
  private readonly files = new Map<string, MemoryEntry>();
  private readonly wanted = new Set<string>();
  private resources: Record<ResourceName, string>;
  private docsUrl: string | undefined;
  private readonly environment: Record<string, string>;
  /** Whether a check asked if git ignores a file (which cannot be told here). */
  askedGitIgnore = false;

  constructor(data: MemoryHostData) {
    this.setRoots(data.roots);
    for (const [path, entry] of Object.entries(data.files)) this.files.set(path, entry);
    this.resources = { ...data.resources };
    this.docsUrl = data.rulesDocUrl;
    this.environment = { ...data.env };
  }

  toData(): MemoryHostData {
    return {
      roots: this.roots.map((r) => r.uri),
      files: Object.fromEntries(this.files),
      resources: { ...this.resources },
      ...(this.docsUrl ? { rulesDocUrl: this.docsUrl } : {}),
      env: { ...this.environment },
    };
  }

  setRoots(uris: string[]): void {
    this.roots = uris.flatMap((uri) => {
      const split = splitUri(uri);
      return split ? [{ uri, ...split }] : [];
    });
  }

  setRulesDocUrl(url: string | undefined): void {
    this.docsUrl = url;
  }

  /** Record what the editor said is at `path`. */
  put(path: string, entry: MemoryEntry): void {
    this.files.set(path, entry);
    this.wanted.delete(path);
  }

  /** Forget what is known about `path` (it changed), or about everything. */
  forget(path?: string): void {
    if (path === undefined) this.files.clear();
    else this.files.delete(path);
  }

  has(path: string): boolean {
    return this.files.has(path);
  }

  /** The paths asked about since the last call that the host did not have, and clears them. */
  takeWanted(): string[] {
    const out = [...this.wanted];
    this.wanted.clear();
    return out;
  }

  isInWorkspace(path: string): boolean {
    return this.roots.some((r) => isInside(r.path, path));
  }

  private lookup(path: string): MemoryEntry | undefined {
    const normal = posixPath.normalize(path);
    const entry = this.files.get(normal);
    if (!entry && this.isInWorkspace(normal)) this.wanted.add(normal);
    return entry;
  }

  exists(path: string): boolean {
    const entry = this.lookup(path);
    return entry !== undefined && entry.type !== 'missing';
  }

  realPath(path: string): string {
    // Links are not followed here: readFile refuses them, so a path is its own real path.
    return posixPath.resolve(path);
  }

  isRepositoryRoot(dir: string): boolean {
    const normal = posixPath.normalize(dir);
    return this.roots.some((r) => r.path === normal);
  }

  readFile(path: string, options: ReadFileOptions): FileRead {
    const normal = posixPath.resolve(path);
    if (
      !this.isInWorkspace(normal) ||
      (options.root !== undefined && !isInside(posixPath.resolve(options.root), normal))
    )
      return { refused: 'outside', reason: 'it is outside the folder open in the editor' };
    const entry = this.lookup(normal);
    if (!entry || entry.type === 'missing') return { refused: 'missing', reason: 'it does not exist' };
    if (entry.type === 'folder') return { refused: 'folder', reason: 'it is a folder, not a file' };
    if (entry.type === 'link')
      return {
        refused: 'not-a-file',
        reason:
          'it is a symbolic link, and in the browser the editor cannot tell where a link leads, so it is not followed',
      };
    if (entry.type === 'refused') return { refused: entry.refused, reason: entry.reason };
    if (entry.size > options.maxBytes || !entry.bytes)
      return {
        refused: 'too-large',
        reason: `it is ${sizeText(entry.size)}; the limit is ${sizeText(options.maxBytes)}`,
      };
    return { bytes: entry.bytes, realPath: normal };
  }

  gitIgnores(): boolean | undefined {
    this.askedGitIgnore = true;
    return undefined;
  }

  sha256(data: string | Uint8Array, encoding: 'hex' | 'base64' = 'hex'): string {
    return sha256(data, encoding);
  }

  env(name: string): string | undefined {
    return this.environment[name];
  }

  cwd(): string {
    return this.roots[0]?.path ?? '/';
  }

  resource(name: ResourceName): string {
    return this.resources[name];
  }

  rulesDocUrl(): string | undefined {
    return this.docsUrl;
  }

  patternVerdict(source: string): PatternVerdict {
    return patternVerdictByShape(source);
  }

  pathOfUri(uri: string): string | undefined {
    const split = splitUri(uri);
    return split && this.roots.some((r) => r.origin === split.origin) ? split.path : undefined;
  }

  uriOfPath(path: string): string {
    const root = this.roots.find((r) => isInside(r.path, path)) ?? this.roots[0];
    const encoded = path
      .split('/')
      .map((s) => encodeURIComponent(s))
      .join('/');
    return `${root?.origin ?? 'file://'}${encoded}`;
  }
}
