// The readiness view's "insert every missing thing" says what it inserted, tables and rows included.
import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { insertAllMissing } from '../../extension/server/insert-sections.js';
import { cleanPlan, replaceOnce, TODAY } from '../helpers/plans.js';

describe('insert all missing, in the editor', () => {
  it('names the table rows it inserted when nothing else was missing', () => {
    const text = replaceOnce(cleanPlan(), /^\| Cyber attack or ransomware \|.*\n/m, '');
    const r = insertAllMissing(TextDocument.create('file:///p.md', 'markdown', 1, text), { today: TODAY });
    expect(r.ok).toBe(true);
    expect(r.message).toMatch(/^Inserted 1 table row as drafts to complete: replace each \{\{placeholder\}\}\./);
  });
});
