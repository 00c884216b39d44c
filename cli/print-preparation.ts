/**
 * Check one plan and get it ready to print: its merged document and print options, or why it is not
 * printed (the print gate refuses it, without --allow-errors). Shared by `render` and `build`.
 */
import { readPlanBytes } from './check-files.js';
import { dirname } from 'node:path';
import { checkPlanBytes } from '../core/index.js';
import type { ConfigResolver } from '../core/index.js';
import type { PlanDocument } from '../core/index.js';
import type { PrintOptions } from '../core/printing.js';
import { decidePrint, joinProblems } from '../core/printing.js';
import { sourceRevision } from './git-revision.js';

export type PreparedPrint = { doc: PlanDocument; options: PrintOptions } | { refusal: string };

export interface PrepareOptions {
  resolver: ConfigResolver;
  printedDate: string;
  allowErrors: boolean;
  formsOnly?: boolean;
}

export function preparePrint(file: string, shown: string, opts: PrepareOptions): PreparedPrint {
  // Read as a regular file only (a plan swapped for a FIFO since it was checked must not hang printing).
  const bytes = readPlanBytes(file);
  if (!Buffer.isBuffer(bytes)) return { refusal: bytes[0].message.replace(/^The file/, 'the file') };
  const result = checkPlanBytes(bytes, { config: opts.resolver.forFile(file), today: opts.printedDate, path: file });
  const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
  const decision = decidePrint({ doc: result.doc, errors, allowErrors: opts.allowErrors, formsOnly: opts.formsOnly });
  if (!decision.print || !result.doc) {
    const problems = decision.print ? ['could not be read'] : decision.problems;
    return {
      refusal: `it ${joinProblems(problems)}. Run 'continuity lint ${shown}' and fix them, or print a copy stamped DRAFT with 'continuity render ${shown} --allow-errors'.`,
    };
  }
  const options: PrintOptions = {
    revision: sourceRevision(file),
    printedDate: opts.printedDate,
    formsOnly: opts.formsOnly,
    stamp: decision.stamp,
    images: { root: dirname(file), base: dirname(file) },
  };
  return { doc: result.doc, options };
}
