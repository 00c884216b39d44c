import type { Root } from 'mdast';
import type { Range } from '../diagnostic.js';
import type { LineIndex } from '../input/line-index.js';
import type { Catalogue } from '../schema/catalogue.js';
import type { FrontMatterResult } from './front-matter.js';
import type { PlanModel, SourceMap } from './plan-model.js';

/** A heading as written, with the section key it was filed under in the model. */
export interface HeadingInfo {
  depth: number;
  text: string;
  /** Model key: catalogue id, explicit id, or slug. */
  id: string;
  known: boolean;
  /** How the heading was recognised: by its name, or by its meaning. */
  confidence?: 'exact' | 'clear' | 'explicit';
  /** A section the heading probably is but was not taken for (a person claims it with `{#id}`). */
  likely?: { id: string; title: string; matched: string[] };
  /** The section the practice said this heading is not (`{#not-id}`): never offered as it again. */
  declined?: string;
  /** For H3: the parent section's key. */
  parentId?: string;
  /** True when an earlier heading already used this id (the model keeps the first). */
  duplicate: boolean;
  range: Range;
  /** From the heading to the end of its section (before the next heading of the same or higher level). */
  sectionRange: Range;
  /** Offset where new content for this section can be inserted (its end). */
  endOffset: number;
}

/** Everything known about one checked plan; rules read it, the renderer and the editor reuse it. */
export interface PlanDocument {
  text: string;
  lines: LineIndex;
  tree: Root;
  model: PlanModel;
  sourceMap: SourceMap;
  catalogue: Catalogue;
  frontMatter?: FrontMatterResult;
  /** Range of the H1 title, if any. */
  titleRange?: Range;
  headings: HeadingInfo[];
}
