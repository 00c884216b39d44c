/**
 * Where an edit's new text lies once the edit is applied, so the editor can reveal and select it
 * ("the fix went here") rather than change text 200 lines away without moving the view.
 */
import type { Command } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range0 } from '../shared/protocol.js';

export interface OffsetEdit {
  start: number;
  end: number;
  text: string;
}

/** The range (0-based, in the edited text) from the first edit's new text to the end of the last's. */
export function changedRange(before: string, edits: OffsetEdit[]): Range0 | undefined {
  if (edits.length === 0) return undefined;
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let delta = 0;
  let first = -1;
  let last = -1;
  let after = '';
  let at = 0;
  for (const e of sorted) {
    after += before.slice(at, e.start) + e.text;
    at = e.end;
    const newStart = e.start + delta;
    if (first < 0) first = newStart;
    last = newStart + e.text.length;
    delta += e.text.length - (e.end - e.start);
  }
  after += before.slice(at);
  const doc = TextDocument.create('mem:', 'markdown', 0, after);
  // Inserted blocks end with a line break; select up to the end of their last line, not the next one.
  const trimmed = last > first && after[last - 1] === '\n' ? last - 1 : last;
  return { start: doc.positionAt(first), end: doc.positionAt(trimmed) };
}

/** The client command run after an edit is applied: reveal and select the changed text. */
export const REVEAL_COMMAND = 'continuity.revealRange';

export function revealCommand(uri: string, range: Range0 | undefined): Command | undefined {
  return range ? { title: 'Show the change', command: REVEAL_COMMAND, arguments: [uri, range] } : undefined;
}
