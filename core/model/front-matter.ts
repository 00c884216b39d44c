/**
 * Read YAML front matter with the `yaml` library, keeping where every key and value is, so a schema
 * error about `practice.ods_code` lands on that value. Broken YAML becomes a plain-English problem.
 */
import { isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import type { Yaml } from 'mdast';
import type { SourceMap } from './plan-model.js';
import { FRONT_MATTER_POINTER, frontMatterPointer, type Segment } from './model-pointer.js';
import type { LineIndex } from '../input/line-index.js';
import type { Fix, Range } from '../diagnostic.js';
import { colonSlipAt, colonSlipMessage } from './colon-in-value.js';

export interface FrontMatterProblem {
  message: string;
  range: Range;
  code: string;
  /** A safe repair, when the slip is recognised (a value with a colon in it: quote it). */
  fix?: Fix;
}

export interface FrontMatterResult {
  data: Record<string, unknown>;
  problems: FrontMatterProblem[];
  /** Offset of the first character of the YAML text (after the opening `---` line). */
  valueOffset: number;
  document?: Document;
}

const YAML_HINTS: Record<string, string> = {
  DUPLICATE_KEY: 'A field appears twice; keep one of them.',
  TAB_AS_INDENT: 'Indent with spaces, not tabs.',
  BAD_INDENT: 'Check the indentation: fields that belong together start in the same column.',
  MISSING_CHAR: 'A quote or bracket is not closed.',
  BLOCK_AS_IMPLICIT_KEY: 'A line is missing the colon after its field name, or is indented wrongly.',
  MULTILINE_IMPLICIT_KEY: 'A field name runs over two lines; check for a missing colon on the line before.',
  UNEXPECTED_TOKEN: 'Something on this line is not valid here; text with a colon in it needs quotes.',
  ALIAS_PROPS: 'An alias (*name) cannot have its own tag or anchor.',
  BAD_ALIAS: 'An alias (*name) points to an anchor that does not exist.',
};

const TOO_DEEP =
  'The front matter could not be read: it is nested too deeply (lists or groups of fields inside each other hundreds of times) or is too large. Keep it to the fields in the template, one per line.';

export function readFrontMatter(node: Yaml, text: string, lines: LineIndex, map: SourceMap): FrontMatterResult {
  const start = node.position!.start.offset!;
  const firstNewline = text.indexOf('\n', start);
  const valueOffset = firstNewline === -1 ? text.length : firstNewline + 1;
  const source = node.value;
  const whole = lines.range(start, node.position!.end.offset!);
  map.set(FRONT_MATTER_POINTER, { range: whole, anchor: lines.lineRange(whole.start.line) });

  const problems: FrontMatterProblem[] = [];
  const rangeOf = (a: number, b: number) => lines.range(valueOffset + a, valueOffset + Math.max(a, b));
  let doc: Document;
  try {
    doc = parseDocument(source, { uniqueKeys: true, prettyErrors: false, schema: 'core', strict: true });
  } catch {
    // e.g. nesting so deep the YAML reader runs out of stack
    problems.push({ code: 'UNREADABLE', message: TOO_DEEP, range: whole });
    return { data: {}, problems, valueOffset };
  }
  if (/^(<{7}|={7}|>{7})(\s|$)/m.test(source)) {
    // The YAML errors a conflict causes are confusing and many; the merge-conflict rule marks the lines.
    problems.push({
      code: 'MERGE_CONFLICT',
      message:
        "The front matter has git merge-conflict markers, so the plan's details cannot be read. Keep the right version of each field and delete the other version and the marker lines.",
      range: whole,
    });
    return { data: {}, problems, valueOffset, document: doc };
  }
  // Only the first YAML error: later ones are usually knock-on effects of it and bury the real fault.
  for (const err of doc.errors.slice(0, 1)) {
    if (err.code === 'RESOURCE_EXHAUSTION') {
      // The YAML reader's own words here are "Maximum call stack size exceeded".
      problems.push({ code: err.code, message: TOO_DEEP, range: rangeOf(err.pos[0], err.pos[1]) });
      continue;
    }
    const slip = colonSlipAt(source, err.pos[0]);
    if (slip) {
      const at = { start: valueOffset + slip.start, end: valueOffset + slip.end };
      problems.push({
        code: 'COLON_IN_VALUE',
        message: colonSlipMessage(slip),
        range: lines.range(at.start, at.end),
        fix: { title: `Put the value of '${slip.key}' in quotes`, safe: true, edits: [{ ...at, text: slip.quoted }] },
      });
      continue;
    }
    const hint = YAML_HINTS[err.code] ?? '';
    const detail = err.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    problems.push({
      code: err.code,
      message: `The front matter is not valid YAML, so the plan's details cannot be read: ${detail}. ${hint}`.trim(),
      range: rangeOf(err.pos[0], err.pos[1]),
    });
  }
  if (problems.length > 0) return { data: {}, problems, valueOffset, document: doc };

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    problems.push({
      code: 'ALIAS_LIMIT',
      message:
        'The front matter uses YAML aliases (*name) so many times that reading it would take too long. Write the values out instead of using aliases.',
      range: whole,
    });
    return { data: {}, problems, valueOffset, document: doc };
  }
  if (data === null || data === undefined) data = {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    problems.push({
      code: 'NOT_A_MAP',
      message: 'The front matter must be a list of fields such as `title: ...` and `version: ...`, one per line.',
      range: whole,
    });
    return { data: {}, problems, valueOffset, document: doc };
  }
  mapYamlNode(doc.contents as YamlNode | null, [], map, rangeOf);
  return { data: data as Record<string, unknown>, problems, valueOffset, document: doc };
}

function mapYamlNode(
  node: YamlNode | null,
  path: Segment[],
  map: SourceMap,
  rangeOf: (a: number, b: number) => Range,
): void {
  if (!node) return;
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const key = String(pair.key.value);
      const keyRange = pair.key.range ? rangeOf(pair.key.range[0], pair.key.range[1]) : undefined;
      const value = pair.value as YamlNode | null;
      const valueRange = value?.range ? rangeOf(value.range[0], value.range[1]) : keyRange;
      if (!valueRange) continue;
      // Values that are maps or lists: "missing inside" problems sit on the key.
      const container = value && (isMap(value) || isSeq(value));
      const entry =
        container || !value || (isScalar(value) && value.value === null)
          ? { range: keyRange ?? valueRange, anchor: keyRange }
          : { range: valueRange, anchor: keyRange };
      map.set(frontMatterPointer(...path, key), entry);
      mapYamlNode(value, [...path, key], map, rangeOf);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => {
      const child = item as YamlNode | null;
      if (child?.range) map.set(frontMatterPointer(...path, i), { range: rangeOf(child.range[0], child.range[1]) });
      mapYamlNode(child, [...path, i], map, rangeOf);
    });
  }
}
