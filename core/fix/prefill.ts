/**
 * Fill a section template's placeholders with what the plan's front matter already says: the
 * telephony provider, the divert number, the pharmacies, the practice's name. A placeholder is
 * matched to a front-matter field by the field's title (as the schema names it), so nothing here
 * knows a particular field; an ambiguous or unknown placeholder stays for a person.
 */
import { PLACEHOLDER_GLOBAL } from '../model/placeholder-pattern.js';
import type { JsonSchema } from '../schema/catalogue.js';
import type { TableModel } from '../model/plan-model.js';
import { findPhoneNumbers } from '../model/phone-numbers.js';
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

/**
 * The numbers the contacts table already gives, for placeholders that ask for one by the contact's
 * name: "{{service desk number}}" is the "GP IT service desk" row's phone, so page 1's steps are drafted
 * with the number in the table, not typed a second time. The name or its last words (two at least).
 */
export function addContactFills(fills: Map<string, Fill>, table: TableModel | undefined): void {
  for (const row of table?.rows ?? []) {
    // Its Phone cell, or (a column not yet taken for Phone, "Number") the first number in the row.
    const phone = textOf(row.phone) ?? Object.values(row).flatMap((cell) => findPhoneNumbers(cell))[0]?.text;
    const words = normaliseHeading((row.contact ?? '').replace(/\([^()]*\)/g, ' '))
      .split(' ')
      .filter(Boolean);
    if (!phone || words.length === 0) continue;
    for (let from = 0; from <= Math.max(0, words.length - 2); from++) {
      const name = words.slice(from).join(' ');
      for (const what of ['number', 'phone', 'phone number'])
        if (!fills.has(`${name} ${what}`)) fills.set(`${name} ${what}`, { value: phone, ownIdentity: false });
    }
  }
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
