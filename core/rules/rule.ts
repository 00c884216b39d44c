/**
 * A rule: one concern, one file, with its id, plain-English docs, default severity, examples that
 * run as tests, and a check over the parsed plan. Rules are also exported as remark-lint rules
 * (see preset.ts), so `<!-- lint disable rule-id -->` comments work in our CLI and in remark-cli.
 */
import type { Fix, Range, Severity } from '../diagnostic.js';
import type { PlanDocument } from '../model/plan-document.js';
import type { JsonSchema } from '../schema/catalogue.js';
import type { Source } from '../schema/sources.js';

export interface RuleReport {
  message: string;
  range: Range;
  fix?: Fix;
  /** Other fixes a person may choose instead, offered in the editor beside `fix`. */
  alternatives?: Fix[];
  /** Override the configured severity for this one report (e.g. a warning before an error). */
  severity?: Severity;
}

export interface RuleContext {
  doc: PlanDocument;
  /** Today's date as YYYY-MM-DD (injectable for tests and reproducible builds). */
  today: string;
  options: Record<string, unknown>;
  report(r: RuleReport): void;
}

export interface RuleExample {
  title: string;
  /** A plan (or fragment); checked with all rules, only this rule's results are compared. */
  markdown: string;
  /**
   * Expected results of this rule, in full: `line:col-line:col severity message`. Empty for an example
   * that must pass clean (every rule has at least one).
   */
  expected: string[];
}

export interface Rule {
  id: string;
  severity: Severity;
  /** One line: what the rule checks. */
  description: string;
  /** Why it matters for patients and how to fix it, for the docs. */
  rationale: string;
  /** Where the requirement comes from (NHS England, CQC, ICO, law ...), for content rules. */
  sources?: Source[];
  examples: RuleExample[];
  /**
   * JSON Schema of the rule's options (an object with `additionalProperties: false`), checked when the
   * configuration is read (config/rule-options.ts). A rule without one takes no options.
   */
  options?: JsonSchema;
  check(ctx: RuleContext): void;
}
