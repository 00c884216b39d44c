// The server's small pure pieces: where edits land once applied, and stacked problems summarised.
import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { changedRange } from '../../extension/server/changed-range.js';
import { summariseStacked } from '../../extension/server/summarise-stacked.js';
import { nextVersion } from '../../extension/server/mark-reviewed.js';

describe('changedRange', () => {
  it('covers the new text of every edit, in the edited text, whatever order the edits come in', () => {
    const before = 'a\nb\nc\nd\n';
    const edits = [
      { start: 6, end: 7, text: 'D1\nD2' },
      { start: 2, end: 3, text: 'B' },
    ];
    const range = changedRange(before, edits)!;
    const after = 'a\nB\nc\nD1\nD2\n';
    expect(TextDocument.create('m', 'markdown', 1, after).getText(range)).toBe('B\nc\nD1\nD2');
  });

  it('selects an inserted block without the line break after it', () => {
    const range = changedRange('x\n', [{ start: 2, end: 2, text: '## New\n\nText\n' }])!;
    expect(range).toEqual({ start: { line: 1, character: 0 }, end: { line: 3, character: 4 } });
    expect(changedRange('x', [])).toBeUndefined();
  });
});

describe('summariseStacked', () => {
  const doc = TextDocument.create('file:///p.md', 'markdown', 1, '# Title\n\nBody\n');
  const at = { start: { line: 0, character: 0 }, end: { line: 0, character: 7 } };
  const d = (code: string, message: string, range = at): Diagnostic => ({
    range,
    code,
    message,
    severity: 2,
    source: 'continuity',
    data: { version: 1 },
  });

  it('keeps problems of other kinds, places or severities apart, and summarises three of a kind on one spot', () => {
    const other = { start: { line: 2, character: 0 }, end: { line: 2, character: 4 } };
    const list = [d('x', 'One. More.'), d('x', 'Two.'), d('y', 'Else.'), d('x', 'Three.'), d('x', 'Elsewhere.', other)];
    const out = summariseStacked(list, doc);
    expect(out.map((o) => o.code)).toEqual(['x', 'y', 'x']);
    expect(out[0].message).toBe('3 problems here: One. Two. Three.');
    expect(out[0].relatedInformation!.map((r) => r.message)).toEqual(['One. More.', 'Two.', 'Three.']);
    expect(out[0].data).toEqual({ version: 1, fixes: [], stacked: 3 });
    expect(summariseStacked(list.slice(0, 2), doc)).toEqual(list.slice(0, 2));
  });
});

describe('nextVersion', () => {
  it('steps the minor number, and leaves versions it does not understand', () => {
    expect(nextVersion('4.1')).toBe('4.2');
    expect(nextVersion('3')).toBe('3.1');
    expect(nextVersion('4.9')).toBe('4.10');
    expect(nextVersion('v4 draft')).toBeUndefined();
  });
});
