/** Hover: the schema's guidance for the section heading or front-matter field under the cursor. */
import type { Hover, Position } from 'vscode-languageserver';
import type { PlanDocument } from '../../core/index.js';
import type { JsonSchema, SectionDef } from '../../core/index.js';
import { sourcesMarkdown } from '../../core/index.js';
import { frontMatterPath } from './front-matter-path.js';

function sectionHover(def: SectionDef, required: boolean, parent?: SectionDef): string {
  return [
    `**${def.title}** (${required ? 'required section' : def.recommended ? 'recommended section' : 'section'})`,
    def.description ?? '',
    def.why ? `*Why it matters:* ${def.why}` : '',
    def.write ? `*What to write:* ${def.write}` : '',
    // a part (H3) without its own sources is backed by its section's
    sourcesMarkdown(def.sources.length ? def.sources : (parent?.sources ?? [])),
  ]
    .filter(Boolean)
    .join('\n\n');
}

/** What a value may be, in words: allowed values, a date, a phone number, or the fields of a group. */
function allowedValues(schema: JsonSchema): string {
  const items: JsonSchema | undefined = schema.type === 'array' ? schema.items : undefined;
  if (Array.isArray(schema.enum))
    return `Allowed values: ${schema.enum.map((v: unknown) => `\`${String(v)}\``).join(', ')}`;
  if (Array.isArray(items?.enum))
    return `A list of one or more of: ${items!.enum.map((v: unknown) => `\`${String(v)}\``).join(', ')}, for example \`[${items!.enum.slice(0, 2).join(', ')}]\``;
  if (schema.format === 'date' || schema['x-kind'] === 'date')
    return 'A date written YYYY-MM-DD, for example 2027-03-31.';
  if (schema['x-kind'] === 'phone') return 'A UK phone number, for example 020 7946 0123.';
  if (schema.type === 'boolean') return 'Write `true` or `false`.';
  const fields = (node: JsonSchema | undefined) =>
    Object.entries<JsonSchema>(node?.properties ?? {})
      .map(
        ([k, f]) =>
          `\`${k}\`${(node?.required ?? []).includes(k) ? ' (required)' : ''}${f.title ? `: ${f.title}` : ''}`,
      )
      .join('; ');
  if (schema.type === 'object' && schema.properties)
    return `A group of fields, each on its own line indented under it: ${fields(schema)}.`;
  if (items?.type === 'object' && items.properties)
    return `A list: one entry per line starting with \`- \`, each with ${fields(items)}.`;
  if (schema.type === 'array') return 'A list: one entry per line starting with `- `.';
  return '';
}

function fieldHover(key: string, schema: JsonSchema, required: boolean): string {
  return [
    `**${schema.title ?? key}** (\`${key}\`${required ? ', required' : ''})`,
    schema.description ?? '',
    schema['x-why'] ?? '',
    schema['x-write'] ?? '',
    allowedValues(schema),
  ]
    .filter(Boolean)
    .join('\n\n');
}

export function hoverAt(doc: PlanDocument, offset: number, position: Position): Hover | undefined {
  const heading = doc.headings.find((h) => h.range.start.offset <= offset && offset <= h.range.end.offset);
  if (heading) {
    const parent = heading.depth === 2 ? undefined : doc.catalogue.byId.get(heading.parentId ?? '');
    const def =
      heading.depth === 2 ? doc.catalogue.byId.get(heading.id) : parent?.subsections.find((s) => s.id === heading.id);
    if (!def) return undefined;
    const required = heading.depth === 2 ? def.required : true;
    return { contents: { kind: 'markdown', value: sectionHover(def, required, parent) } };
  }
  const path = frontMatterPath(doc, position.line);
  if (!path) return undefined;
  let schema: JsonSchema | undefined = doc.catalogue.frontMatterSchema;
  let parent: JsonSchema | undefined;
  for (const key of path) {
    parent = schema;
    schema = schema?.type === 'array' ? schema.items?.properties?.[key] : schema?.properties?.[key];
  }
  if (!schema) return undefined;
  const key = path[path.length - 1];
  const required = (parent?.type === 'array' ? parent.items?.required : parent?.required)?.includes(key) ?? false;
  return { contents: { kind: 'markdown', value: fieldHover(key, schema, required) } };
}
