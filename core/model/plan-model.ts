/**
 * The plan model: plain JSON that the schema validates. Every value in it has an entry in the
 * SourceMap (JSON pointer -> range) so a schema error lands on the words at fault.
 */
import type { Range } from '../diagnostic.js';
import type { ModelPointer } from './model-pointer.js';

export interface PlanModel {
  /** Parsed YAML front matter; `{}` when absent or unreadable (a diagnostic says why). */
  frontMatter: Record<string, unknown>;
  /** Sections keyed by catalogue id (`telephony`) or, for unknown headings, by a slug of the heading. */
  sections: Record<string, SectionModel>;
}

export interface StepModel {
  text: string;
  /** Who does it, from a leading "**Reception:**" or "Reception:" (bold or plain, ending in a colon). */
  role?: string;
}

export interface TableModel {
  /** Recognised column id -> header text as written. Unrecognised columns keep a slug id. */
  columns: Record<string, string>;
  /** One object per body row: column id -> cell text (trimmed, markdown stripped). */
  rows: Record<string, string>[];
}

export interface SectionModel {
  /** Catalogue id when recognised, otherwise a slug of the heading. */
  id: string;
  /** Heading text as written (without an explicit `{#id}`). */
  heading: string;
  /** True when the heading matched a section of the schema's catalogue. */
  known: boolean;
  /** Plain text of the section's own paragraphs, lists and tables (not subsections). */
  text: string;
  /** Word count of everything in the section including subsections: 0 means empty. */
  words: number;
  /** Items of the section's ordered lists, in order. */
  steps: StepModel[];
  /** Items of the section's bullet lists, in order. */
  bullets: string[];
  /** Tables recognised by their columns, keyed by the catalogue's table id. */
  tables: Record<string, TableModel>;
  /** H3 subsections keyed by catalogue id or slug. */
  subsections: Record<string, SectionModel>;
}

/** Model pointer (see model-pointer.ts, e.g. `/sections/contacts/tables/contacts/rows/2/phone`) -> source range. */
export type SourceMap = Map<ModelPointer, SourceEntry>;

export interface SourceEntry {
  /** The whole node: a heading, a table cell, a list item, a YAML value. */
  range: Range;
  /**
   * For containers, where to put a diagnostic about something missing inside it: the section heading,
   * the table header row, the YAML key. Defaults to `range`.
   */
  anchor?: Range;
}
