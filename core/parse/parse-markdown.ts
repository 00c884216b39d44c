/**
 * Parse a plan to mdast chunk by chunk, with a small content-keyed cache of parsed chunks so that
 * re-checking an edited document re-parses only the chunk that changed.
 */
import type { Root, RootContent } from 'mdast';
import type { Node } from 'unist';
import { markdownParser } from './markdown-processor.js';
import { planSegments, type Segment, type UnreadReason } from './parse-limits.js';
import { splitBlocks } from './split-blocks.js';
import { countLineEnds } from '../input/line-ends.js';
import { host } from '../host/host.js';

const CACHE_LIMIT = 4000;
/**
 * Also bounded by the characters held: a cached chunk costs about 25 bytes of heap per character
 * (its tree and its placed copy), so this caps the cache near 50 MB however large the chunks. A
 * language server adds a chunk on every check as someone types.
 */
const CACHE_CHARS = 2_000_000;
let cachedChars = 0;
/** Keyed by chunk text; the entry keeps its own copy of the text (see parseChunk). */
const chunkCache = new Map<string, { text: string; nodes: RootContent[] }>();
/** The last placed copy of each chunk: a chunk that has not moved is reused as it is. */
const placedCache = new WeakMap<RootContent[], { lineDelta: number; offsetDelta: number; nodes: RootContent[] }>();

function placedChunk(nodes: RootContent[], lineDelta: number, offsetDelta: number): RootContent[] {
  const hit = placedCache.get(nodes);
  if (hit && hit.lineDelta === lineDelta && hit.offsetDelta === offsetDelta) return hit.nodes;
  const copy = nodes.map((n) => placed(n, lineDelta, offsetDelta));
  placedCache.set(nodes, { lineDelta, offsetDelta, nodes: copy });
  return copy;
}

function parseChunk(text: string): RootContent[] {
  const hit = chunkCache.get(text);
  if (hit) {
    // most recently used last; re-inserted under the entry's own text, never the caller's slice
    chunkCache.delete(hit.text);
    chunkCache.set(hit.text, hit);
    return hit.nodes;
  }
  // `text` is a slice of the whole document, and V8 keeps a slice's parent alive: cached as it is,
  // every cached chunk (and every string in its tree) would hold a whole old version of the document.
  const own = ownCopy(text);
  const nodes = parseChunkNodes(own);
  chunkCache.set(own, { text: own, nodes });
  cachedChars += own.length;
  while (chunkCache.size > 1 && (chunkCache.size > CACHE_LIMIT || cachedChars > CACHE_CHARS)) {
    const oldest = chunkCache.keys().next().value as string;
    chunkCache.delete(oldest);
    cachedChars -= oldest.length;
  }
  return nodes;
}

/** What the chunk cache holds (for tests and diagnosis). */
export function chunkCacheStats(): { entries: number; chars: number; maxEntries: number; maxChars: number } {
  return { entries: chunkCache.size, chars: cachedChars, maxEntries: CACHE_LIMIT, maxChars: CACHE_CHARS };
}

/** A copy of a string that does not share memory with the string it was sliced from. */
function ownCopy(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}

/** Data on a paragraph that holds a block read as plain text (see parse-limits.ts). */
export interface UnreadData {
  continuityUnread: UnreadReason;
}

export function unreadReason(node: { data?: unknown }): UnreadReason | undefined {
  return (node.data as Partial<UnreadData> | undefined)?.continuityUnread;
}

/** Parse one chunk within the parse limits: as a whole when it is within them (nearly always). */
function parseChunkNodes(text: string): RootContent[] {
  const segments = planSegments(text);
  if (segments.length === 1 && !segments[0].unread) return (markdownParser().parse(text) as Root).children;
  const out: RootContent[] = [];
  let line = 1;
  let counted = 0;
  for (const seg of segments) {
    line += countLineEnds(text, counted, seg.start);
    counted = seg.start;
    if (seg.unread) {
      out.push(unreadBlock(text, seg, line));
      continue;
    }
    for (const node of (markdownParser().parse(text.slice(seg.start, seg.end)) as Root).children)
      out.push(placed(node, line - 1, seg.start));
  }
  return out;
}

/** A block kept as plain text: one paragraph holding exactly the characters written. */
function unreadBlock(text: string, seg: Segment, line: number): RootContent {
  const lastLineStart = Math.max(text.lastIndexOf('\n', seg.end - 1), text.lastIndexOf('\r', seg.end - 1)) + 1;
  const endLine = line + countLineEnds(text, seg.start, seg.end);
  const position = {
    start: { line, column: 1, offset: seg.start },
    end: { line: endLine, column: seg.end - Math.max(lastLineStart, seg.start) + 1, offset: seg.end },
  };
  const data: UnreadData = { continuityUnread: seg.unread! };
  return {
    type: 'paragraph',
    data: data as never,
    position,
    children: [{ type: 'text', value: text.slice(seg.start, seg.end), position: structuredClone(position) }],
  };
}

/** Copy a cached node, moving its positions to where its chunk sits in the document. */
function placed<T extends Node>(node: T, lineDelta: number, offsetDelta: number): T {
  const copy: any = { ...node };
  if (node.position) {
    const { start, end } = node.position;
    copy.position = {
      start: { line: start.line + lineDelta, column: start.column, offset: (start.offset ?? 0) + offsetDelta },
      end: { line: end.line + lineDelta, column: end.column, offset: (end.offset ?? 0) + offsetDelta },
    };
  }
  const children = (node as any).children as Node[] | undefined;
  if (children) copy.children = children.map((c) => placed(c, lineDelta, offsetDelta));
  return copy as T;
}

export function parseMarkdown(text: string, options: { useCache?: boolean } = {}): Root {
  // CONTINUITY_CHUNK_CACHE=off: for benchmarks that want every file parsed from scratch.
  const useCache = options.useCache ?? host().env('CONTINUITY_CHUNK_CACHE') !== 'off';
  const children: RootContent[] = [];
  for (const chunk of splitBlocks(text)) {
    if (useCache) {
      // One node at a time: spreading a chunk of 200,000 paragraphs into push() overflows the stack.
      for (const node of placedChunk(parseChunk(chunk.text), chunk.line - 1, chunk.offset)) children.push(node);
    } else {
      for (const node of parseChunkNodes(chunk.text)) children.push(placed(node, chunk.line - 1, chunk.offset));
    }
  }
  const end = positionAtEnd(text);
  return {
    type: 'root',
    children,
    position: { start: { line: 1, column: 1, offset: 0 }, end },
  };
}

function positionAtEnd(text: string): { line: number; column: number; offset: number } {
  let line = 1;
  let lastStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lastStart = i + 1;
    }
  }
  return { line, column: text.length - lastStart + 1, offset: text.length };
}
