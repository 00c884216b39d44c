/**
 * The host: what core needs from the machine it runs on, behind one small interface, so the same
 * engine checks plans in Node (the CLI, the desktop language server, a worker thread) and in a
 * browser Worker (vscode.dev, github.dev), where there is no file system, no git and no node:crypto.
 *
 * - node-host.ts reads the disk, asks git, hashes with node:crypto and checks patterns with recheck.
 * - memory-host.ts answers from files it is given (the language server fetches them through the
 *   editor), is built from plain data (so a check in a nested Worker gets the same answers), and
 *   remembers what it was asked and did not have, so the caller can fetch that and check again.
 *
 * Core reads the current host through `host()`. The default is the Node host; a browser build
 * replaces `./default-host.js` with a memory host holding the shipped schema and template
 * (extension/build.mjs). Nothing in core outside the Node adapters imports `node:` (eslint.config.js).
 */
import { defaultHost } from './default-host.js';

export type ReadRefusal = 'missing' | 'outside' | 'not-a-file' | 'folder' | 'too-large' | 'denied' | 'unreadable';

export type FileRead = { bytes: Uint8Array; realPath: string } | { refused: ReadRefusal; reason: string };

export interface ReadFileOptions {
  /** The file's real path must be inside this folder (itself resolved to its real path). */
  root?: string;
  maxBytes: number;
}

/** What core does with paths: node:path on Node, POSIX paths of the workspace's URIs in a browser. */
export interface PathOps {
  sep: string;
  normalize(path: string): string;
  isAbsolute(path: string): boolean;
  join(...parts: string[]): string;
  resolve(...parts: string[]): string;
  dirname(path: string): string;
  basename(path: string, suffix?: string): string;
  extname(path: string): string;
  relative(from: string, to: string): string;
}

/** Files shipped with the tools that core reads: the schema, its annotation keywords, the template. */
export const RESOURCE_NAMES = ['plan.schema.json', 'annotation-keywords.json', 'template.md'] as const;
export type ResourceName = (typeof RESOURCE_NAMES)[number];

/** recheck's verdict on a regular expression: whether matching it can take exponential or polynomial time. */
export type PatternVerdict = 'safe' | 'vulnerable' | 'unknown';

export interface Host {
  /** 'node' or 'browser': for wording only ("in the browser, ..."), never for deciding a check. */
  readonly kind: 'node' | 'browser';
  readonly path: PathOps;
  /** Whether anything (file or folder) is at `path`. */
  exists(path: string): boolean;
  /** The path with symbolic links resolved, or the path itself when it cannot be resolved. */
  realPath(path: string): string;
  /** Whether the repository starts at `dir` (a folder holding `.git`; in a browser, the workspace folder). */
  isRepositoryRoot(dir: string): boolean;
  /**
   * A regular file's bytes, or why it is refused: a link out of `root`, a device, a FIFO, a folder, or
   * more than `maxBytes` (see core/io/read-regular-file.ts for why every path from a repository is read so).
   */
  readFile(path: string, options: ReadFileOptions): FileRead;
  /** Whether git ignores `rel` (a path inside `root`); undefined when git cannot be asked here. */
  gitIgnores(root: string, rel: string): boolean | undefined;
  /** A SHA-256 digest, for cache keys, content hashes and CSP hashes. */
  sha256(data: string | Uint8Array, encoding?: 'hex' | 'base64'): string;
  env(name: string): string | undefined;
  cwd(): string;
  /** A shipped resource's text. */
  resource(name: ResourceName): string;
  /** The shipped docs/rules.md as a link, when the tools carry it. */
  rulesDocUrl(): string | undefined;
  /** Whether matching `source` (flag 'u') can take catastrophically long on some text. */
  patternVerdict(source: string): PatternVerdict;
  /** The file a URI names (file: URIs on Node; the workspace's URIs in a browser), or undefined. */
  pathOfUri(uri: string): string | undefined;
  /** The URI of a path returned by pathOfUri. */
  uriOfPath(path: string): string;
}

let current: Host | undefined;

export function host(): Host {
  return (current ??= defaultHost());
}

/** Install the host core uses from now on (a browser Worker's memory host); returns the one it replaces. */
export function useHost(next: Host): Host {
  const previous = host();
  current = next;
  return previous;
}
