// The likely-section warning's two answers reach the editor's light bulb: use the heading as that
// section (preferred), or say it is not that section ({#not-id}).
import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { checkPlan } from '../../core/index.js';
import { codeActionsFor } from '../../extension/server/code-actions.js';
import { toLspDiagnostic } from '../../extension/server/convert.js';
import { TODAY } from '../helpers/plans.js';

describe('likely-section quick fixes in the editor', () => {
  it('offers the claim and the decline, each as an edit of the heading line', () => {
    const text = '# Plan\n\n## 1.3 Cascade Procedure.\n\nRing everyone.\n';
    const doc = TextDocument.create('file:///p.md', 'markdown', 1, text);
    const diagnostics = checkPlan(text, { today: TODAY })
      .diagnostics.filter((d) => d.ruleId === 'likely-section')
      .map((d) => toLspDiagnostic(d, doc));
    expect(diagnostics).toHaveLength(1);
    const actions = codeActionsFor(
      { textDocument: { uri: doc.uri }, range: diagnostics[0].range, context: { diagnostics } },
      doc,
      { today: TODAY },
      diagnostics,
    );
    expect(actions.map((a) => [a.title, a.isPreferred])).toEqual([
      ["Use this heading as the 'IT failure protocol: activation and stand-down' section", false],
      ["This heading is not the 'IT failure protocol: activation and stand-down' section", false],
    ]);
    const edits = actions.map((a) => a.edit!.changes![doc.uri][0].newText);
    expect(edits).toEqual([' {#activation}', ' {#not-activation}']);
  });
});
