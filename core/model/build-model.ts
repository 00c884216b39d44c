/**
 * mdast -> PlanModel + SourceMap. H2 headings open sections (recognised by wording, alias or an
 * explicit `{#id}`), H3 headings open subsections, numbered lists become steps, bullet lists
 * bullets, and tables are recognised by their header cells.
 */
import type { Heading, List, ListItem, Root, RootContent, Table, TableCell, PhrasingContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Range } from '../diagnostic.js';
import type { LineIndex } from '../input/line-index.js';
import { readFrontMatter } from './front-matter.js';
import type { Catalogue, SectionDef, TableDef } from '../schema/catalogue.js';
import { headerText, recogniseColumn, takenColumn } from './column-match.js';
import { slugify } from '../schema/normalise.js';
import { recogniseHeading } from '../schema/heading-match.js';
import type { HeadingInfo, PlanDocument } from './plan-document.js';
import type { PlanModel, SectionModel, SourceMap, StepModel, TableModel } from './plan-model.js';
import {
  bulletPointer,
  cellPointer,
  columnPointer,
  FRONT_MATTER_POINTER,
  partPointer,
  ROOT_POINTER,
  rowPointer,
  SECTION_PARTS,
  sectionPointer,
  SECTIONS_POINTER,
  stepPointer,
  subsectionPointer,
  tablePointer,
  type ModelPointer,
} from './model-pointer.js';
import { declinedId, explicitId } from './explicit-id.js';

const ROLE_WORDS = /^[A-Z][A-Za-z0-9 &/()'+.:-]*$/;

/** A blank as `\s` means it (String.prototype.trim removes the same characters). */
function isBlank(ch: string): boolean {
  return ch.trim() === '';
}

/**
 * "Reception: ring ..." -> "Reception". A role may carry a time or a place in brackets, "Reception
 * (08:00 to 18:30): ...": the colon that ends the role is the first one followed by a space. Found by
 * string search, not one regular expression, so a long line cannot make it backtrack.
 */
function plainRole(text: string): string | undefined {
  for (let colon = text.indexOf(':'); colon >= 1 && colon <= 61; colon = text.indexOf(':', colon + 1)) {
    // A blank, then words: the first non-blank after the colon, with at least one blank before it.
    let after = colon + 1;
    while (after < text.length && isBlank(text[after])) after++;
    if (after === colon + 1 || after === text.length) continue;
    const role = text.slice(0, colon).trimEnd();
    return role.length <= 61 && ROLE_WORDS.test(role) ? role : undefined;
  }
  return undefined;
}

function emptySection(id: string, heading: string, known: boolean): SectionModel {
  return { id, heading, known, text: '', words: 0, steps: [], bullets: [], tables: {}, subsections: {} };
}

function countWords(s: string): number {
  const m = s.match(/[\p{L}\p{N}]+/gu);
  return m ? m.length : 0;
}

function nodeRange(
  lines: LineIndex,
  node: { position?: { start: { offset?: number }; end: { offset?: number } } },
): Range {
  return lines.range(node.position!.start.offset!, node.position!.end.offset!);
}

/**
 * The key a H2 heading is filed under in the model: its explicit `{#id}`, the catalogue section its
 * wording matches, or a slug of the heading. Shared content is merged by the same keys.
 */
export function sectionKeyOf(rawHeading: string, catalogue: Catalogue): SectionKey {
  const explicit = explicitId(rawHeading);
  const heading = explicit ? rawHeading.slice(0, explicit.index).trim() : rawHeading.trim();
  const declined = declinedId(explicit);
  if (declined) {
    // The practice said this heading is not that section: never offered it again. Another section
    // it clearly is still counts; a mere likeness to another is not asked about.
    const match = recogniseHeading(
      heading,
      catalogue.sections.filter((d) => d.id !== declined),
    );
    if (match && match.confidence !== 'likely')
      return { def: match.def, id: match.def.id, confidence: match.confidence, declined };
    return { id: slugify(heading), declined };
  }
  if (explicit) {
    const def = catalogue.byId.get(explicit.id);
    return { def, id: def?.id ?? explicit.id, confidence: def ? 'explicit' : undefined };
  }
  const match = recogniseHeading(heading, catalogue.sections);
  if (match && match.confidence !== 'likely') return { def: match.def, id: match.def.id, confidence: match.confidence };
  const likely = match ? { id: match.def.id, title: match.def.title, matched: match.matched } : undefined;
  return { id: slugify(heading), likely };
}

export interface SectionKey {
  id: string;
  /** The section the practice said this heading is not (`{#not-id}`). */
  declined?: string;
  def?: SectionDef;
  confidence?: 'exact' | 'clear' | 'explicit';
  likely?: { id: string; title: string; matched: string[] };
}

/** Role of a step: "**Reception:** ..." or "Reception: ...". */
export function stepRole(item: ListItem): { role?: string; roleNode?: PhrasingContent } {
  const first = item.children[0];
  if (!first || first.type !== 'paragraph') return {};
  const lead = first.children[0];
  if (lead && lead.type === 'strong') {
    const t = toString(lead).trim();
    const next = first.children[1];
    if (t.endsWith(':')) return { role: t.slice(0, -1).trim(), roleNode: lead };
    if (next && next.type === 'text' && /^\s*:/.test(next.value)) return { role: t, roleNode: lead };
  }
  if (lead && lead.type === 'text') {
    const role = plainRole(lead.value);
    if (role && countWords(role.replace(/[0-9]+/g, '')) <= 5) return { role, roleNode: lead };
  }
  return {};
}

interface Cursor {
  section?: SectionModel;
  sectionDef?: SectionDef;
  sectionPtr?: ModelPointer;
  sub?: SectionModel;
  subDef?: SectionDef;
  subPtr?: ModelPointer;
}

export function buildPlanDocument(text: string, tree: Root, lines: LineIndex, catalogue: Catalogue): PlanDocument {
  const sourceMap: SourceMap = new Map();
  const model: PlanModel = { frontMatter: {}, sections: {} };
  const headings: HeadingInfo[] = [];
  const doc: PlanDocument = { text, lines, tree, model, sourceMap, catalogue, headings };
  const docStart = lines.range(0, 0);
  sourceMap.set(ROOT_POINTER, { range: docStart });
  sourceMap.set(FRONT_MATTER_POINTER, { range: lines.lineRange(1) });
  sourceMap.set(SECTIONS_POINTER, { range: lines.lineRange(1) });

  const cur: Cursor = {};
  const target = () =>
    cur.sub
      ? { model: cur.sub, ptr: cur.subPtr!, def: cur.subDef }
      : cur.section
        ? { model: cur.section, ptr: cur.sectionPtr!, def: cur.sectionDef }
        : undefined;

  const children = tree.children;
  for (let i = 0; i < children.length; i++) {
    const node = children[i];
    if (node.type === 'yaml' && i === 0) {
      doc.frontMatter = readFrontMatter(node, text, lines, sourceMap);
      model.frontMatter = doc.frontMatter.data;
      continue;
    }
    if (node.type === 'heading' && node.depth <= 3) {
      const info = openHeading(node, i);
      if (info) headings.push(info);
      continue;
    }
    const t = target();
    if (!t) continue;
    if (node.type === 'table') addTable(node, t.model, t.ptr, t.def);
    else addContent(node, t.model, t.ptr);
  }
  finishWords(model);
  return doc;

  function sectionEnd(index: number, depth: number): number {
    for (let j = index + 1; j < children.length; j++) {
      const n = children[j];
      if (n.type === 'heading' && n.depth <= depth) return n.position!.start.offset!;
    }
    return text.length;
  }

  function openHeading(node: Heading, index: number): HeadingInfo | undefined {
    const range = nodeRange(lines, node);
    const raw = toString(node).trim();
    const explicit = explicitId(raw);
    const heading = explicit ? raw.slice(0, explicit.index).trim() : raw;
    const endOffset = trimEnd(sectionEnd(index, node.depth));
    const sectionRange = lines.range(node.position!.start.offset!, endOffset);
    if (node.depth === 1) {
      doc.titleRange ??= range;
      sourceMap.set(SECTIONS_POINTER, { range, anchor: range });
      cur.section = cur.sub = undefined;
      return undefined;
    }
    if (node.depth === 2) {
      const { def, id, confidence, likely, declined } = sectionKeyOf(raw, catalogue);
      const duplicate = id in model.sections;
      cur.sub = cur.subDef = cur.subPtr = undefined;
      if (duplicate) {
        // Checked once, reported by the duplicate-section rule; its content is not mixed in.
        cur.section = emptySection(id, heading, !!def);
        cur.sectionDef = def;
        cur.sectionPtr = sectionPointer(`${id}~duplicate~${index}`);
      } else {
        cur.section = emptySection(id, heading, !!def);
        cur.sectionDef = def;
        cur.sectionPtr = sectionPointer(id);
        model.sections[id] = cur.section;
        sourceMap.set(cur.sectionPtr, { range: sectionRange, anchor: range });
        for (const part of SECTION_PARTS) {
          sourceMap.set(partPointer(cur.sectionPtr, part), { range: sectionRange, anchor: range });
        }
      }
      return {
        depth: 2,
        text: heading,
        id,
        known: !!def,
        duplicate,
        range,
        sectionRange,
        endOffset,
        ...(confidence ? { confidence } : {}),
        ...(likely ? { likely } : {}),
        ...(declined ? { declined } : {}),
      };
    }
    // H3
    if (!cur.section) return undefined;
    const declined = declinedId(explicit);
    const defs = (cur.sectionDef?.subsections ?? []).filter((d) => d.id !== declined);
    const claimed = declined ? undefined : explicit;
    const subMatch = claimed ? undefined : recogniseHeading(heading, defs);
    const def = claimed
      ? defs.find((d) => d.id === claimed.id)
      : subMatch && subMatch.confidence !== 'likely'
        ? subMatch.def
        : undefined;
    const id = def?.id ?? (claimed ? claimed.id : slugify(heading));
    const duplicate = id in cur.section.subsections;
    const sub = emptySection(id, heading, !!def);
    cur.sub = sub;
    cur.subDef = def;
    cur.subPtr = subsectionPointer(cur.sectionPtr!, duplicate ? `${id}~duplicate~${index}` : id);
    if (!duplicate) {
      cur.section.subsections[id] = sub;
      sourceMap.set(cur.subPtr, { range: sectionRange, anchor: range });
      for (const part of SECTION_PARTS) {
        sourceMap.set(partPointer(cur.subPtr, part), { range: sectionRange, anchor: range });
      }
    }
    return {
      depth: 3,
      text: heading,
      id,
      known: !!def,
      parentId: cur.section.id,
      duplicate,
      range,
      sectionRange,
      endOffset,
    };
  }

  function trimEnd(offset: number): number {
    let end = offset;
    while (end > 0 && /\s/.test(text[end - 1])) end--;
    return end;
  }

  function addText(section: SectionModel, s: string): void {
    if (!s) return;
    section.text = section.text ? `${section.text}\n${s}` : s;
  }

  function addContent(node: RootContent, section: SectionModel, ptr: ModelPointer): void {
    switch (node.type) {
      case 'list':
        addList(node, section, ptr);
        return;
      case 'html':
      case 'yaml':
      case 'definition':
        return; // comments (template guidance) are not content
      case 'heading':
        addText(section, toString(node));
        return;
      default:
        addText(section, toString(node));
    }
  }

  function addList(list: List, section: SectionModel, ptr: ModelPointer): void {
    const range = nodeRange(lines, list);
    if (list.ordered) {
      const steps = partPointer(ptr, 'steps');
      if (section.steps.length === 0) sourceMap.set(steps, { range, anchor: sourceMap.get(steps)?.anchor });
      for (const item of list.children) {
        const i = section.steps.length;
        const { role, roleNode } = stepRole(item);
        const step: StepModel = { text: toString(item).trim() };
        if (role) step.role = role;
        section.steps.push(step);
        const itemRange = nodeRange(lines, item);
        sourceMap.set(stepPointer(ptr, i), {
          range: itemRange,
          anchor: lines.range(itemRange.start.offset, lines.lineRange(itemRange.start.line).end.offset),
        });
        sourceMap.set(stepPointer(ptr, i, 'text'), { range: itemRange });
        if (roleNode) sourceMap.set(stepPointer(ptr, i, 'role'), { range: nodeRange(lines, roleNode) });
      }
    } else {
      const bullets = partPointer(ptr, 'bullets');
      if (section.bullets.length === 0) sourceMap.set(bullets, { range, anchor: sourceMap.get(bullets)?.anchor });
      for (const item of list.children) {
        const i = section.bullets.length;
        section.bullets.push(toString(item).trim());
        sourceMap.set(bulletPointer(ptr, i), { range: nodeRange(lines, item) });
      }
    }
    addText(section, toString(list));
  }

  function addTable(table: Table, own: SectionModel, ownPtr: ModelPointer, ownDef: SectionDef | undefined): void {
    const [head, ...body] = table.children;
    if (!head) return;
    const headers = head.children.map((c) => toString(c).trim());
    addText(own, table.children.map((r) => r.children.map((c) => toString(c)).join(' ')).join('\n'));
    // A table under a part (###) that is none of the part's own tables is the section's: practices
    // file the revision history under "C. Document history" inside "Document control".
    let section = own;
    let ptr = ownPtr;
    let tableDef = bestTable(headers, ownDef?.tables ?? [], own);
    if (!tableDef && own === cur.sub && cur.section && cur.sectionPtr) {
      tableDef = bestTable(headers, cur.sectionDef?.tables ?? [], cur.section);
      section = cur.section;
      ptr = cur.sectionPtr;
    }
    if (!tableDef) return;
    // A likely column is not taken for one (the required-column message offers it); a claimed one is,
    // and is written in the model without its `{#id}`.
    const columnIds = headers.map(
      (h, i) => takenColumn(h, tableDef.columns)?.id ?? (slugify(headerText(h)) || `column-${i + 1}`),
    );
    const model: TableModel = { columns: {}, rows: [] };
    const tPtr = tablePointer(ptr, tableDef.id);
    const tableRange = nodeRange(lines, table);
    const headRange = nodeRange(lines, head);
    sourceMap.set(tPtr, { range: tableRange, anchor: headRange });
    sourceMap.set(columnPointer(tPtr), { range: headRange });
    sourceMap.set(rowPointer(tPtr), { range: tableRange, anchor: headRange });
    columnIds.forEach((id, i) => {
      if (id in model.columns) return;
      model.columns[id] = headerText(headers[i]);
      sourceMap.set(columnPointer(tPtr, id), { range: cellTextRange(head.children[i], headRange) });
    });
    body.forEach((row, r) => {
      const cells: Record<string, string> = {};
      const rowRange = nodeRange(lines, row);
      sourceMap.set(rowPointer(tPtr, r), { range: rowRange });
      row.children.forEach((cell, c) => {
        const id = columnIds[c];
        if (id === undefined || id in cells) return;
        cells[id] = toString(cell).trim();
        sourceMap.set(cellPointer(tPtr, r, id), { range: cellTextRange(cell, rowRange) });
      });
      model.rows.push(cells);
    });
    section.tables[tableDef.id] = model;
  }

  /** The words in a cell, not the pipes and padding around them. */
  function cellTextRange(cell: TableCell, fallback: Range): Range {
    const first = cell.children[0];
    const last = cell.children[cell.children.length - 1];
    if (first?.position && last?.position) return lines.range(first.position.start.offset!, last.position.end.offset!);
    return cell.position ? nodeRange(lines, cell) : fallback;
  }

  /**
   * The catalogue table whose columns best match these headers, not already filled in this section.
   * A column only likely by its meaning counts half: it says which table this is, not which column.
   */
  function bestTable(headers: string[], defs: TableDef[], section: SectionModel): TableDef | undefined {
    let best: TableDef | undefined;
    let bestScore = 0;
    for (const def of defs) {
      if (def.id in section.tables) continue;
      let score = 0;
      for (const h of headers) {
        const m = recogniseColumn(h, def.columns);
        score += !m ? 0 : m.how === 'likely' ? 0.5 : 1;
      }
      if (score > bestScore) {
        best = def;
        bestScore = score;
      }
    }
    return best;
  }
}

function finishWords(model: PlanModel): void {
  const count = (s: SectionModel): number => {
    let n = countWords(s.text);
    for (const sub of Object.values(s.subsections)) n += count(sub);
    s.words = n;
    return n;
  };
  for (const s of Object.values(model.sections)) count(s);
}
