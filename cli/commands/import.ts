/**
 * `continuity import FILE [--out PLAN.md] [--force]`: a practice's existing plan (Word, web page or
 * text) as a plan in this format, with a migration report on stdout. Exit 0 when the plan is written;
 * 2 when the file cannot be read or the plan cannot be written (nothing is written then: the output
 * is written whole or not at all).
 */
import { existsSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import type { ConfigResolver } from '../../core/index.js';
import { writeFileAtomic } from '../../core/writing.js';
import { importPlan, type ImportResult } from '../../core/importing.js';
import { ImportError, readSource, type SourceKind } from '../../core/importing.js';
import { UsageError } from '../discover-files.js';
import { displayName } from '../display-name.js';
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

const CONFIDENCE_WORDS: Record<ImportResult['headings'][number]['confidence'], string> = {
  exact: 'recognised by its name',
  clear: 'recognised by its meaning (tagged {#id})',
  likely: 'LIKELY: a person decides',
  duplicate: 'SECOND COPY: merge',
  none: 'kept as the practice wrote it',
  title: 'the title',
  cover: 'a line of the cover, kept under the title: not a section',
  line: 'nothing under it, kept as a line in bold: not a section',
  chapter: 'no words of its own, its parts are sections: kept as a line in bold above them',
  part: 'a part',
};

/**
 * The report quotes the document's own words (headings, facts, the lines they came from), and the
 * document came from anywhere: every quoted piece is shown with its control, escape and
 * bidirectional characters made visible, as lint shows file names, so no document can write to the
 * operator's terminal or make one line read as another.
 */
const safe = displayName;

export function migrationReport(result: ImportResult, source: string, out: string): string {
  const lines: string[] = [`Imported ${safe(source)} -> ${safe(out)}`, '', 'Headings:'];
  for (const h of result.headings) {
    const indent = h.depth === 3 ? '    ' : '  ';
    const to = h.section ? ` -> '${safe(h.section.title)}'` : '';
    const how =
      h.confidence === 'part'
        ? `looks like it, but kept as a part of '${safe(h.parent ?? '')}', which has nothing else`
        : CONFIDENCE_WORDS[h.confidence];
    const promoted = h.promoted ? '; was a bold, numbered or capitalised paragraph' : '';
    lines.push(`${indent}${safe(h.heading)}${to} (${how}${promoted})`);
  }
  const drafts = result.inserted.filter((i) => i.kind === 'section' || i.kind === 'part');
  lines.push('', drafts.length ? `Inserted as guided drafts (${drafts.length}):` : 'No sections needed inserting.');
  for (const d of drafts) lines.push(`  ${safe(d.title)}`);
  if (result.facts.length) {
    lines.push('', 'Front matter read from the document:');
    for (const f of result.facts) lines.push(`  ${f.path}: ${safe(f.value)}  (from "${safe(f.from)}")`);
  }
  lines.push('', 'Needs a person:');
  for (const n of result.needsPerson) lines.push(`  - ${safe(n)}`);
  if (result.notes.length) {
    lines.push('', 'Notes:');
    for (const n of result.notes) lines.push(`  - ${safe(n)}`);
  }
  lines.push(
    '',
    `Every one of the ${result.words.source} words the document shows is in the plan. Next: continuity lint ${safe(out)}`,
  );
  return lines.join('\n') + '\n';
}

/** Why nothing was written when words would be lost, where they are, and what the practice can do. */
function lostWordsMessage(result: ImportResult, kind: SourceKind): string {
  const { missing, lines, unconverted } = result.words;
  const where = lines.length ? ` They are in: ${lines.map((l) => `"${l}"`).join('; ')}.` : '';
  const fields = unconverted.some((e) => /fldSimple/i.test(e));
  const advice =
    kind === 'docx'
      ? `${fields ? 'The document uses Word fields the reader does not convert. ' : ''}In Word, select everything (Ctrl+A) and press Ctrl+Shift+F9 to turn fields into plain text, save it and import it again; or save it as a web page (.htm) and import that.`
      : 'Open it in Word, save it as a Word document (.docx) and import that.';
  return `${missing.length} of the words it shows would be lost in conversion (${missing.slice(0, 10).join(', ')}), so nothing was written.${where} ${advice} If the words are still lost, please report it with the file.`;
}

export async function runImport(opts: ImportOptions, io: CommandIO): Promise<number> {
  const file = resolve(opts.cwd, opts.file);
  const out = resolve(opts.cwd, opts.out ?? defaultOut(opts.file));
  if (!opts.force && existsSync(out))
    throw new UsageError(
      `${safe(relative(opts.cwd, out) || out)} already exists: give another --out, or --force to replace it`,
    );
  const refuse = (message: string) => {
    io.stderr(`continuity: cannot import ${safe(opts.file)}: ${safe(message)}\n`);
    return 2;
  };
  let result: ImportResult;
  let kind: SourceKind;
  try {
    const source = await readSource(file);
    kind = source.kind;
    result = await importPlan(source, { config: opts.resolver.forFile(out), today: opts.today, path: out });
  } catch (e) {
    if (e instanceof ImportError) return refuse(e.message);
    throw e;
  }
  // Never a plan that lost the practice's words: stop, say which and where, write nothing.
  if (result.words.missing.length > 0) return refuse(lostWordsMessage(result, kind));
  try {
    writeFileAtomic(out, result.text, {
      within: writeRoot(opts.cwd, dirname(out)),
      atLink: 'refuse',
      ifExists: opts.force ? 'replace' : 'keep',
    });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException)?.code;
    throw new UsageError(
      `could not write ${safe(opts.out ?? out)}: ${code === 'ENOENT' ? 'its folder does not exist' : ((e as Error)?.message ?? String(e))}`,
    );
  }
  io.stdout(migrationReport(result, opts.file, relative(opts.cwd, out) || out));
  return 0;
}
