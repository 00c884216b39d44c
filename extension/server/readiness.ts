/**
 * How ready a plan is: every section of the schema in order with its state (complete, has problems,
 * missing, recommended and absent), how many are complete, and the few to do first, ordered by the
 * schema's outage priority (`x-priority`: data, not code). Works on the plan's own text, so lines are
 * the editor's.
 */
import type { Diagnostic } from '../../core/index.js';
import type { PlanDocument } from '../../core/index.js';
import type { ReadinessResult, ReadinessSection, SectionState } from '../shared/protocol.js';

/** How many sections "Do these first" names: enough to start on, few enough to read at a glance. */
export const DO_FIRST_COUNT = 5;

/**
 * `doc` is the plan's own text (lines are the editor's); `merged`, when the plan takes content from
 * shared files, is what was checked: a section that comes from a shared file is not missing.
 */
export function readinessOf(
  uri: string,
  doc: PlanDocument,
  diagnostics: Diagnostic[],
  reviewInDays?: number,
  merged?: PlanDocument,
): ReadinessResult {
  const own = diagnostics.filter((d) => d.file === undefined && d.severity !== 'info');
  const frontMatterEnd = doc.frontMatter ? frontMatterEndOffset(doc) : 0;
  const sections: ReadinessSection[] = doc.catalogue.sections.map((def) => {
    const heading = doc.headings.find((h) => h.depth === 2 && h.id === def.id && !h.duplicate);
    const base = {
      id: def.id,
      title: def.title,
      required: def.required,
      why: def.why,
      ...(def.priority !== undefined ? { priority: def.priority } : {}),
    };
    if (!heading) {
      if (merged && merged !== doc && merged.model.sections[def.id]) {
        // From shared content: its problems are shown on the plan's include line, not counted here.
        return { ...base, state: 'complete' as SectionState, problems: 0, shared: true };
      }
      return { ...base, state: (def.required ? 'missing' : 'recommended') as SectionState, problems: 0 };
    }
    const { start, end } = heading.sectionRange;
    const problems = own.filter(
      (d) => d.range.start.offset >= start.offset && d.range.start.offset < Math.max(end.offset, start.offset + 1),
    ).length;
    return {
      ...base,
      state: (problems ? 'problems' : 'complete') as SectionState,
      problems,
      line: heading.range.start.line - 1,
    };
  });
  const complete = sections.filter((s) => s.state === 'complete').length;
  const byPriority = (a: ReadinessSection, b: ReadinessSection) =>
    (a.priority ?? Number.MAX_SAFE_INTEGER) - (b.priority ?? Number.MAX_SAFE_INTEGER);
  // Required work first (missing or with problems), then recommended sections, each by outage priority.
  const todo = sections.filter((s) => s.state === 'missing' || s.state === 'problems').sort(byPriority);
  const doFirst = todo.slice(0, DO_FIRST_COUNT).map((s) => s.id);
  return {
    uri,
    isPlan: true,
    sections,
    complete,
    total: sections.length,
    doFirst,
    errors: own.filter((d) => d.severity === 'error').length,
    warnings: own.filter((d) => d.severity === 'warning').length,
    ...(reviewInDays !== undefined ? { reviewInDays } : {}),
    detailsProblems: own.filter((d) => d.range.start.offset < frontMatterEnd).length,
  };
}

/** Where the front matter ends (its closing line), from the parsed tree. */
function frontMatterEndOffset(doc: PlanDocument): number {
  const node = doc.tree.children[0];
  return node?.type === 'yaml' ? (node.position?.end.offset ?? 0) : 0;
}
