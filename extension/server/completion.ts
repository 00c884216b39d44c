/**
 * Completion from the schema: front-matter keys not yet written and their allowed values, headings
 * of required sections not yet in the plan (inserted with their template), and mandatory rows of a
 * table that are missing (the contacts the plan must list).
 */
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type Position } from 'vscode-languageserver';
import type { PlanDocument } from '../../core/index.js';
import type { JsonSchema } from '../../core/index.js';
import { frontMatterLines, frontMatterPath } from './front-matter-path.js';
import { mandatoryRowCells } from '../../core/index.js';

function yamlDefault(schema: JsonSchema): string {
  if ('default' in schema) return String(schema.default);
  if (Array.isArray(schema.enum)) return String(schema.enum[0]);
  if (schema.format === 'date') return 'YYYY-MM-DD';
  return '';
}

function frontMatterCompletions(doc: PlanDocument, position: Position, lineText: string): CompletionItem[] {
  const fm = doc.catalogue.frontMatterSchema;
  const before = lineText.slice(0, position.character);
  const valueMatch = /^(\s*)(?:-\s+)?([A-Za-z_][\w-]*)\s*:\s*\S*$/.exec(before);
  if (valueMatch) {
    // After "key: ": the allowed values.
    const path = frontMatterPath(doc, position.line) ?? [valueMatch[2]];
    let schema: JsonSchema | undefined = fm;
    for (const key of path)
      schema = schema?.type === 'array' ? schema.items?.properties?.[key] : schema?.properties?.[key];
    const values: unknown[] = schema?.enum ?? schema?.items?.enum ?? (schema?.type === 'boolean' ? [true, false] : []);
    return values.map((v, i) => ({
      label: String(v),
      kind: CompletionItemKind.EnumMember,
      sortText: String(i).padStart(3, '0'),
      detail: schema?.title,
    }));
  }
  if (!/^\s*$|^[A-Za-z_][\w-]*$/.test(before)) return [];
  if (before.startsWith(' ')) return [];
  const present = new Set(Object.keys(doc.model.frontMatter));
  return Object.entries<JsonSchema>(fm.properties ?? {})
    .filter(([key]) => !present.has(key))
    .map(([key, schema]: [string, JsonSchema], i) => {
      const required = (fm.required ?? []).includes(key);
      const nested = schema.type === 'object' || schema.type === 'array';
      return {
        label: key,
        kind: CompletionItemKind.Property,
        detail: `${schema.title ?? key}${required ? ' (required)' : ''}`,
        documentation: [schema['x-why'], schema['x-write']].filter(Boolean).join(' '),
        insertText: nested ? `${key}:\n  ` : `${key}: ${yamlDefault(schema)}`,
        sortText: `${required ? '0' : '1'}${String(i).padStart(3, '0')}`,
      };
    });
}

function headingCompletions(doc: PlanDocument, lineText: string): CompletionItem[] {
  if (!/^#{0,2}\s*\S*$/.test(lineText) || /^#{3}/.test(lineText)) return [];
  const present = new Set(Object.keys(doc.model.sections));
  return doc.catalogue.sections
    .filter((def) => !present.has(def.id))
    .map((def, i) => ({
      label: `## ${def.title}`,
      filterText: `## ${def.title} ${def.aliases.join(' ')}`,
      kind: CompletionItemKind.Module,
      detail: def.required ? 'Required section' : 'Recommended section',
      documentation: [def.why, def.write].filter(Boolean).join(' '),
      insertText: `## ${def.title}\n\n${(def.template ?? '').trimEnd()}\n`,
      insertTextFormat: InsertTextFormat.PlainText,
      sortText: `${def.required ? '0' : '1'}${String(i).padStart(3, '0')}`,
    }));
}

function rowCompletions(doc: PlanDocument, offset: number, lineText: string): CompletionItem[] {
  if (lineText.trimStart().replace(/^\|/, '').includes('|')) return [];
  const heading = [...doc.headings].reverse().find((h) => h.depth === 2 && h.range.start.offset <= offset);
  const def = heading ? doc.catalogue.byId.get(heading.id) : undefined;
  const items: CompletionItem[] = [];
  for (const table of def?.tables ?? []) {
    const model = doc.model.sections[def!.id]?.tables[table.id];
    if (!model) continue;
    for (const row of table.mandatoryRows ?? []) {
      const present = model.rows.some((r) => row.matches(r));
      if (present) continue;
      // The same draft row as the quick fix and add-missing: the template's row for it, else x-row.
      const draft = mandatoryRowCells(def!, table, row) ?? row.cells;
      const cells = Object.keys(model.columns).map((c) => draft[c] ?? '');
      items.push({
        label: `| ${Object.values(row.cells)[0]} |`,
        kind: CompletionItemKind.Snippet,
        detail: `Mandatory ${table.title} row`,
        documentation: [row.why, row.write].filter(Boolean).join(' '),
        insertText: `| ${cells.join(' | ')} |`,
      });
    }
  }
  return items;
}

export function completionsAt(doc: PlanDocument, position: Position, offset: number): CompletionItem[] {
  const lineText = doc.text.split('\n')[position.line]?.replace(/\r$/, '') ?? '';
  const fm = frontMatterLines(doc);
  if (fm && position.line >= fm.first && position.line <= fm.last + 1 && position.line <= fm.last)
    return frontMatterCompletions(doc, position, lineText);
  if (fm && position.line <= fm.last + 1) return [];
  if (lineText.trimStart().startsWith('|')) return rowCompletions(doc, offset, lineText);
  return headingCompletions(doc, lineText.slice(0, position.character));
}
