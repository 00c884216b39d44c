/** The `shared:` list of a plan's front matter: each entry's path and where it is written. */
import { isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';

export interface SharedEntry {
  path: string;
  /** Offsets of the entry in the plan's text. */
  start: number;
  end: number;
}

export function sharedEntries(text: string, yaml: { start: number; end: number }): SharedEntry[] {
  const source = text.slice(yaml.start, yaml.end);
  if (!/^shared[ \t]*:/m.test(source)) return [];
  let node: unknown;
  try {
    // Broken YAML is reported by the front-matter rule; here it only means "no shared content".
    const doc = parseDocument(source, { uniqueKeys: false, prettyErrors: false, strict: false });
    node = doc.get('shared', true);
  } catch {
    return [];
  }
  const items = isSeq(node) ? node.items : [node];
  const entries: SharedEntry[] = [];
  for (const item of items) {
    if (!isScalar(item) || typeof item.value !== 'string' || !item.value.trim()) continue;
    const [a, b] = (item as YamlNode).range ?? [0, 0];
    entries.push({ path: item.value.trim(), start: yaml.start + a, end: yaml.start + b });
  }
  return entries;
}
