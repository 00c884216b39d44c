// The chunked parser must give exactly the tree a whole-document parse gives (positions included).
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { markdownParser } from '../../core/parse/markdown-processor.js';
import { parseMarkdown } from '../../core/parse/parse-markdown.js';
import { splitBlocks } from '../../core/parse/split-blocks.js';
import { ROOT } from '../helpers/plans.js';

function whole(text: string) {
  const tree = markdownParser().parse(text);
  return JSON.parse(JSON.stringify(tree.children));
}

function chunked(text: string) {
  return JSON.parse(JSON.stringify(parseMarkdown(text, { useCache: false }).children));
}

const tricky: Record<string, string> = {
  'front matter with a heading-like line':
    '---\ntitle: x\n# not a heading: yaml comment\n---\n# Title\n\n## A\n\ntext\n',
  'fenced code containing ## lines': '# T\n\n## A\n\n```\n## not a heading\n```\n\n## B\n\nx\n',
  'tilde fence and longer closing fence': '## A\n\n~~~~\n## inside\n~~~~~\n\n## B\n',
  'multi-line HTML comment with ## inside': '## A\n\n<!--\n## inside comment\n-->\n\n## B\n\ny\n',
  'CRLF line endings':
    '---\r\ntitle: x\r\n---\r\n# T\r\n\r\n## A\r\n\r\n| a | b |\r\n| - | - |\r\n| 1 | 2 |\r\n\r\n## B\r\n',
  'heading indented three spaces and a closing-hash heading': '## A\n\ntext\n   ## B ##\n\nmore\n',
  'list before a heading with no blank line': '## A\n\n1. one\n2. two\n## B\n\n- x\n',
  'setext heading inside a chunk': '## A\n\nSub\n---\n\ntext\n',
  'lone CR line endings (old Mac files), mixed with LF and CRLF':
    '---\rtitle: x\r---\n# T\r\r## A\r\rtext\rmore\n## B\r\n\r\n- x\r- y\n\n## C\n\n| a |\r| - |\r| 1 |\r',
  'empty document': '',
  'only front matter': '---\na: 1\n---\n',
};

describe('parseMarkdown (chunked) equals a whole-document parse', () => {
  for (const [name, text] of Object.entries(tricky)) {
    it(name, () => expect(chunked(text)).toEqual(whole(text)));
  }
  for (const file of readdirSync(join(ROOT, 'plans')).filter((f) => f.endsWith('.md'))) {
    it(`shipped plan ${file}`, () => {
      const text = readFileSync(join(ROOT, 'plans', file), 'utf8');
      expect(chunked(text)).toEqual(whole(text));
    });
  }
});

describe('splitBlocks', () => {
  it('splits at H1 and H2 headings only, keeping offsets and lines', () => {
    const text = '# T\n\nintro\n\n## A\n\n### sub\n\n## B\nend\n';
    expect(splitBlocks(text).map((c) => [c.line, c.offset, c.text.split('\n')[0]])).toEqual([
      [1, 0, '# T'],
      [5, 12, '## A'],
      [9, 27, '## B'],
    ]);
  });
  it('reuses cached chunks after an edit in another section', () => {
    const a = '## A\n\none\n\n## B\n\ntwo\n';
    const first = parseMarkdown(a);
    const second = parseMarkdown(a.replace('two', 'three'));
    expect(second.children[0]).toEqual(first.children[0]);
    expect(JSON.stringify(second.children[3])).toContain('three');
  });
});
