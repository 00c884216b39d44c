/**
 * Fill a section template's placeholders with what the plan's front matter already says: the
 * telephony provider, the divert number, the pharmacies, the practice's name. A placeholder is
 * matched to a front-matter field by the field's title (as the schema names it), so nothing here
 * knows a particular field; an ambiguous or unknown placeholder stays for a person.
 */
import { PLACEHOLDER_GLOBAL } from '../model/placeholder-pattern.js';
import type { JsonSchema } from '../schema/catalogue.js';
import { normaliseHeading } from '../schema/normalise.js';

interface Fill {
  value: string;
  /** Fields of the practice itself: in a table a practice name is a contact's (a neighbour), never ours. */
  ownIdentity: boolean;
}

function singular(key: string): string {
  return key.replace(/ies$/, 'y').replace(/s$/, '');
}

function textOf(v: unknown): string | undefined {
  if (typeof v === 'string' || typeof v === 'number') {
    const s = String(v).trim();
    return s && !s.includes('{{') ? s : undefined;
  }
  return undefined;
}

/** Placeholder key (normalised) -> value, from every titled front-matter field that has a real value. */
export function knownFills(frontMatter: Record<string, unknown>, schema: JsonSchema): Map<string, Fill> {
  const fills = new Map<string, Fill>();
  const add = (title: unknown, value: string | undefined, ownIdentity: boolean) => {
    if (typeof title !== 'string' || !value) return;
    const key = normaliseHeading(title);
    const keys = new Set([key, singular(key), key.replace(/ name$/, '')]);
    for (const k of keys) if (k && !fills.has(k)) fills.set(k, { value, ownIdentity });
  };
  const walk = (node: JsonSchema | undefined, value: unknown, top: string, depth: number) => {
    if (!node || depth > 4 || value === undefined || value === null) return;
    if (Array.isArray(value)) {
      const items = node.items as JsonSchema | undefined;
      const texts = value.map(textOf).filter((s): s is string => !!s);
      if (texts.length) add(node.title, texts.join(' or '), top === 'practice');
      // A list of named things (pharmacies): "Boots or Well Pharmacy" for the item's name field.
      const nameNode = items?.properties?.name;
      const names = value.map((v) => textOf((v as Record<string, unknown>)?.name)).filter((s): s is string => !!s);
      if (nameNode && names.length) add(nameNode.title, names.join(' or '), false);
      return;
    }
    if (typeof value === 'object') {
      for (const [k, child] of Object.entries<JsonSchema>(node.properties ?? {}))
        walk(child, (value as Record<string, unknown>)[k], top, depth + 1);
      return;
    }
    add(node.title, textOf(value), top === 'practice');
  };
  for (const [k, child] of Object.entries<JsonSchema>(schema.properties ?? {})) walk(child, frontMatter[k], k, 0);
  return fills;
}

/** The template with the placeholders the plan already answers filled in. */
export function prefillTemplate(template: string, fills: Map<string, Fill>): string {
  return template
    .split('\n')
    .map((line) => {
      const inTable = /^\s*\|/.test(line);
      return line.replace(PLACEHOLDER_GLOBAL, (whole) => {
        const fill = fills.get(normaliseHeading(whole.slice(2, -2)));
        if (!fill || (inTable && fill.ownIdentity)) return whole;
        return inTable ? fill.value.replace(/\|/g, '\\|') : fill.value;
      });
    })
    .join('\n');
}
