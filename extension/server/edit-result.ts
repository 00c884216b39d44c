/** Core offset edits -> the protocol's EditResult (LSP ranges in the current text, and what to reveal). */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from '../../core/index.js';
import type { EditResult } from '../shared/protocol.js';
import { changedRange } from './changed-range.js';

export function editResult(text: string, edits: TextEdit[], message?: string): EditResult {
  if (edits.length === 0) return { ok: false, message: message ?? 'Nothing to change.' };
  const doc = TextDocument.create('mem:', 'markdown', 0, text);
  return {
    ok: true,
    ...(message ? { message } : {}),
    edits: edits.map((e) => ({
      range: { start: doc.positionAt(e.start), end: doc.positionAt(e.end) },
      newText: e.text,
    })),
    reveal: changedRange(text, edits),
  };
}
