// Tables where practices put them (under a part of their section) and columns by meaning: a likely
// column is offered with a quick fix, never taken silently, and the messages say where they looked.
import { describe, expect, it } from 'vitest';
import { applyEdits, buildCatalogue, checkPlan, loadPlanSchema } from '../../core/index.js';
import { recogniseColumn } from '../../core/model/column-match.js';
import { buildPrintDocument } from '../../core/render/print-document.js';
import { TODAY } from '../helpers/plans.js';

const options = { today: TODAY };
const catalogue = buildCatalogue([loadPlanSchema()]);
const errors = (text: string, ruleId: string) =>
  checkPlan(text, options).diagnostics.filter((d) => d.ruleId === ruleId);

const DOCUMENT_CONTROL = (header: string, row: string) =>
  `# Plan\n\n## Document control\n\n### A. Purpose\n\nThis plan covers IT outages.\n\n### C. Document history\n\n${header}\n| --- | --- | --- | --- |\n${row}\n`;

describe('a table under a part of its section', () => {
  it('is found: a revision history under "C. Document history" inside "Document control"', () => {
    const text = DOCUMENT_CONTROL('| Version | Date | Author | Change |', '| 1.0 | 2025-01-01 | PM | First issue |');
    const doc = checkPlan(text, options).doc!;
    expect(doc.model.sections['document-control'].tables.revisions.rows).toEqual([
      { version: '1.0', date: '2025-01-01', author: 'PM', change: 'First issue' },
    ]);
    expect(errors(text, 'schema/required-content').filter((d) => d.message.includes('revision history'))).toEqual([]);
  });

  it('when missing, the message says where it looked, and names a table there it could not read', () => {
    const none = '# Plan\n\n## Document control\n\n### A. Purpose\n\nWords.\n\n### B. Distribution\n\nMore words.\n';
    expect(errors(none, 'schema/required-content')[0].message).toMatch(
      /^The 'Document control' section has no revision history table: none was found under 'Document control' or its parts \('A\. Purpose', 'B\. Distribution'\)\./,
    );
    const unread = DOCUMENT_CONTROL('| Issue no. | When | By whom | Remarks made |', '| 1 | Jan | PM | First |');
    expect(errors(unread, 'schema/required-content')[0].message).toContain(
      "The table on line 11 has none of the revision history table's columns (Version, Date, Author, Change)",
    );
  });
});

describe('likely columns', () => {
  const text = DOCUMENT_CONTROL('| Version | Date | Author | Comments |', '| 1.0 | 2025-01-01 | PM | First issue |');

  it("'Comments' is offered as the 'Change' column with a fix that claims it, and adding a column as the other answer", () => {
    const [missing] = errors(text, 'schema/required-column');
    expect(missing.message).toBe(
      "The revision history table in 'Document control' has no 'Change' column. Its column 'Comments' looks like it: if it is, add {#change} to the end of that column's name ('Comments {#change}'); if it is not, add a 'Change' column.",
    );
    expect(missing.fix!.title).toBe("Use the column 'Comments' as the 'Change' column");
    expect(missing.alternatives!.map((f) => f.title)).toEqual(["Add a 'Change' column"]);
    const claimed = applyEdits(text, missing.fix!.edits);
    expect(claimed).toContain('| Version | Date | Author | Comments {#change} |');
    expect(errors(claimed, 'schema/required-column')).toEqual([]);
    const doc = checkPlan(claimed, options).doc!;
    expect(doc.model.sections['document-control'].tables.revisions.columns.change).toBe('Comments');
    expect(doc.model.sections['document-control'].tables.revisions.rows[0].change).toBe('First issue');
    // Printed as the practice wrote it.
    const { html } = buildPrintDocument(doc, { revision: 'r', printedDate: TODAY });
    expect(html).toMatch(/<th>Comments<\/th>/);
    expect(html).not.toContain('{#change}');
  });

  it('is never taken silently, and a header in brackets keeps its meaning', () => {
    const contacts = catalogue.byId.get('contacts')!.tables[0].columns;
    expect(recogniseColumn('Comments', catalogue.byId.get('document-control')!.tables[0].columns)).toMatchObject({
      how: 'likely',
      def: { id: 'change' },
    });
    expect(recogniseColumn('Phone (out of hours)', contacts)).toMatchObject({ def: { id: 'alt_phone' } });
    expect(
      recogniseColumn('Summary of changes', catalogue.byId.get('document-control')!.tables[0].columns),
    ).toMatchObject({
      how: 'name',
      def: { id: 'change' },
    });
    const doc = checkPlan(text, options).doc!;
    expect(doc.model.sections['document-control'].tables.revisions.columns.change).toBeUndefined();
  });

  it("every column's related words point to that column and to no other column of its table by name", () => {
    let checked = 0;
    for (const section of catalogue.sections)
      for (const table of [...section.tables, ...section.subsections.flatMap((s) => s.tables)])
        for (const column of table.columns)
          for (const word of column.related) {
            const m = recogniseColumn(word, table.columns);
            expect(m, `${table.id}.${column.id}: '${word}'`).toMatchObject({ def: { id: column.id } });
            checked++;
          }
    expect(checked).toBeGreaterThan(20);
  });
});
