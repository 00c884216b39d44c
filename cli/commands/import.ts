/**
 * `continuity import FILE [--out PLAN.md] [--force]`: a practice's existing plan (Word, web page or
 * text) as a plan in this format, with a migration report on stdout. Exit 0 when the plan is written;
 * 2 when the file cannot be read or the plan cannot be written (nothing is written then: the output
 * is written whole or not at all).
 */
import { existsSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import type { ConfigResolver } from '../../core/index.js';
import { writeFileAtomic } from '../../core/index.js';
import { importPlan, type ImportResult } from '../../core/importing.js';
import { ImportError, readSource } from '../../core/importing.js';
import { UsageError } from '../discover-files.js';
import type { CommandIO } from './lint.js';
import { writeRoot } from '../write-root.js';

export interface ImportOptions {
  file: string;
  out?: string;
  force: boolean;
  cwd: string;
  today?: string;
  resolver: ConfigResolver;
}

function defaultOut(file: string): string {
  const base = basename(file, extname(file));
  const same = join(dirname(file), `${base}.md`);
  return resolve(file) === resolve(same) ? join(dirname(file), `${base}.imported.md`) : same;
}

const CONFIDENCE_WORDS: Record<string, string> = {
  exact: 'recognised by its name',
  clear: 'recognised by its meaning (tagged {#id})',
  likely: 'LIKELY: a person decides',
  duplicate: 'SECOND COPY: merge',
  none: 'kept as the practice wrote it',
  title: 'the title',
};

export function migrationReport(result: ImportResult, source: string, out: string): string {
  const lines: string[] = [`Imported ${source} -> ${out}`, '', 'Headings:'];
  for (const h of result.headings) {
    const indent = h.depth === 3 ? '    ' : '  ';
    const to = h.section ? ` -> '${h.section.title}'` : '';
    lines.push(
      `${indent}${h.heading}${to} (${CONFIDENCE_WORDS[h.confidence]}${h.promoted ? '; was a bold, numbered or capitalised paragraph' : ''})`,
    );
  }
  const drafts = result.inserted.filter((i) => i.kind === 'section' || i.kind === 'part');
  lines.push('', drafts.length ? `Inserted as guided drafts (${drafts.length}):` : 'No sections needed inserting.');
  for (const d of drafts) lines.push(`  ${d.title}`);
  if (result.facts.length) {
    lines.push('', 'Front matter read from the document:');
    for (const f of result.facts) lines.push(`  ${f.path}: ${f.value}  (from "${f.from}")`);
  }
  lines.push('', 'Needs a person:');
  for (const n of result.needsPerson) lines.push(`  - ${n}`);
  for (const n of result.notes) lines.push(`  - ${n}`);
  lines.push('', `Every one of the source's ${result.words.source} words is in the plan. Next: continuity lint ${out}`);
  return lines.join('\n') + '\n';
}

export async function runImport(opts: ImportOptions, io: CommandIO): Promise<number> {
  const file = resolve(opts.cwd, opts.file);
  const out = resolve(opts.cwd, opts.out ?? defaultOut(opts.file));
  if (!opts.force && existsSync(out))
    throw new UsageError(
      `${relative(opts.cwd, out) || out} already exists: give another --out, or --force to replace it`,
    );
  let result: ImportResult;
  try {
    const source = await readSource(file);
    result = await importPlan(source, { config: opts.resolver.forFile(out), today: opts.today, path: out });
  } catch (e) {
    if (e instanceof ImportError) {
      io.stderr(`continuity: cannot import ${opts.file}: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  if (result.words.missing.length > 0) {
    // Never a plan that lost the practice's words: stop, say which, write nothing.
    io.stderr(
      `continuity: cannot import ${opts.file}: ${result.words.missing.length} of its words would be lost in conversion (${result.words.missing.slice(0, 10).join(', ')}). This is a fault in the tools: please report it with the file.\n`,
    );
    return 2;
  }
  try {
    writeFileAtomic(out, result.text, {
      within: writeRoot(opts.cwd, dirname(out)),
      atLink: 'refuse',
      ifExists: opts.force ? 'replace' : 'keep',
    });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException)?.code;
    throw new UsageError(
      `could not write ${opts.out ?? out}: ${code === 'ENOENT' ? 'its folder does not exist' : ((e as Error)?.message ?? String(e))}`,
    );
  }
  io.stdout(migrationReport(result, opts.file, relative(opts.cwd, out) || out));
  return 0;
}
