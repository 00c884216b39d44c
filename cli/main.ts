/**
 * The `continuity` command: argument parsing and dispatch only. Exit codes: 0 clean, 1 problems
 * found, 2 usage or internal failure (with the reason on stderr).
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ConfigError } from '../core/index.js';
import { newPlanText, NewPlanError, planFileName } from '../core/index.js';
import { todayIso } from '../core/index.js';
import { ruleCatalogue } from '../core/index.js';
import { SchemaCompileError } from '../core/index.js';
import { UnsafeWriteError, writeFileAtomic } from '../core/writing.js';
import { runLint, type CommandIO } from './commands/lint.js';
import { parseReportFormats, runReport } from './commands/report.js';
import { parseShard } from './shard.js';
import { UsageError } from './discover-files.js';
import { TOOL_VERSION } from './tool-version.js';
import { COMMANDS, commandHelp, commandSpec, overallHelp, parserOptions } from './command-table.js';
import { isAzurePipelines } from './reporters/azure.js';
import { writeRoot } from './write-root.js';

export async function main(argv: string[], io: CommandIO, cwd = process.cwd(), isTty = false): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (!command || command === '--help' || command === '-h' || command === 'help') {
      // `continuity help lint` is `continuity lint --help`.
      const spec = command === 'help' && rest[0] ? commandSpec(rest[0]) : undefined;
      io.stdout(spec ? commandHelp(spec, TOOL_VERSION) : overallHelp(TOOL_VERSION));
      return command ? 0 : 2;
    }
    if (command === '--version' || command === '-v') {
      io.stdout(`${TOOL_VERSION}\n`);
      return 0;
    }
    const spec = commandSpec(command);
    if (!spec)
      throw new UsageError(
        `unknown command '${command}'. Commands: ${COMMANDS.map((c) => c.name).join(', ')} (see continuity --help)`,
      );
    const parsed = parse(rest, parserOptions(spec), command);
    if (parsed.values.help) {
      io.stdout(commandHelp(spec, TOOL_VERSION));
      return 0;
    }
    if (parsed.values.version) {
      io.stdout(`${TOOL_VERSION}\n`);
      return 0;
    }
    const color = useColor(isTty);
    if (command === 'lint') return await lintCommand(parsed, io, cwd, color);
    if (command === 'new') return newCommand(parsed, io, cwd);
    if (command === 'render') return await renderCommand(parsed, io, cwd, isTty);
    if (command === 'build') return await buildCommand(parsed, io, cwd, isTty, color);
    if (command === 'report') return await reportCommand(parsed, io, cwd);
    if (command === 'import') return await importCommand(parsed, io, cwd);
    if (command === 'doctor') {
      const { values } = parsed;
      // Loaded on demand: the browser and PDF code is not needed to check plans (lint starts faster).
      const { runDoctor } = await import('../core/printing.js');
      const report = await runDoctor({ explicitPath: values.browser as string | undefined });
      io.stdout(report.lines.join('\n') + '\n');
      return report.ok ? 0 : 1;
    }
    if (command === 'rules') {
      for (const r of ruleCatalogue()) io.stdout(`${r.id.padEnd(28)} ${r.severity.padEnd(8)} ${r.description}\n`);
      return 0;
    }
    throw new UsageError(`the command '${command}' has no handler`);
  } catch (e) {
    if (
      e instanceof UsageError ||
      e instanceof ConfigError ||
      e instanceof NewPlanError ||
      e instanceof SchemaCompileError ||
      e instanceof UnsafeWriteError
    ) {
      io.stderr(`continuity: ${e.message}\n`);
      return 2;
    }
    io.stderr(`continuity: internal error: ${(e as Error).stack ?? e}\nPlease report this.\n`);
    return 2;
  }
}

type Parsed = { values: Record<string, string | boolean | undefined>; positionals: string[] };

function parse(args: string[], options: NonNullable<ParseArgsConfig['options']>, command: string): Parsed {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true }) as Parsed;
  } catch (e) {
    throw new UsageError(
      `${(e as Error).message.replace(/^TypeError \[[A-Z_]+\]: /, '')} (see continuity ${command} --help)`,
    );
  }
}

/**
 * Colour as other command-line tools decide it (https://no-color.org, FORCE_COLOR): FORCE_COLOR set
 * (and not 0 or false) turns it on even in a pipe; NO_COLOR set (and not empty) turns it off; otherwise
 * a terminal gets colour and a pipe or file does not.
 */
export function useColor(isTty: boolean, env: NodeJS.ProcessEnv = process.env): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '0' && force.toLowerCase() !== 'false') return true;
  if (force !== undefined) return false;
  if (env.NO_COLOR) return false;
  return isTty;
}

/** A real calendar date written YYYY-MM-DD: 2026-02-31 is refused, not rolled over to March. */
export function isoDate(value: string | undefined, flag: string): string | undefined {
  if (value === undefined) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  const real = date !== undefined && !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
  if (!real)
    throw new UsageError(`${flag} must be a real date written YYYY-MM-DD, for example 2026-11-22, not '${value}'`);
  return value;
}

async function lintCommand(
  { values, positionals }: Parsed,
  io: CommandIO,
  cwd: string,
  color: boolean,
): Promise<number> {
  if (values['add-missing'] && !values.fix)
    throw new UsageError(
      '--add-missing changes the plan, so it goes with --fix: continuity lint --fix --add-missing PLAN.md',
    );
  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0)
      throw new UsageError(`--max-warnings takes a whole number of 0 or more, not '${values['max-warnings']}'`);
  }
  let workers: number | undefined;
  if (values.workers !== undefined) {
    workers = Number(values.workers);
    if (!Number.isInteger(workers) || workers < 0)
      throw new UsageError(`--workers takes a whole number, not '${values.workers}'`);
  }
  return runLint(
    {
      paths: positionals,
      format: values.format as string,
      output: values.output as string | undefined,
      fix: values.fix as boolean,
      addMissing: values['add-missing'] as boolean,
      maxWarnings,
      quiet: values.quiet as boolean,
      cache: !values['no-cache'],
      cacheLocation: values['cache-location'] as string | undefined,
      config: values.config as string | undefined,
      today: isoDate(values.today as string | undefined, '--today'),
      cwd,
      color,
      workers,
    },
    io,
  );
}

function concurrencyOf(value: unknown): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 32)
    throw new UsageError(`--concurrency takes a whole number from 1 to 32, not '${value}'`);
  return n;
}

/** Ctrl-C and SIGTERM stop a long print run cleanly: no browser left behind, no half-written file. */
async function withStopSignal<T>(run: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    return await run(controller.signal);
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}

async function buildCommand(
  { values, positionals }: Parsed,
  io: CommandIO,
  cwd: string,
  isTty: boolean,
  color: boolean,
): Promise<number> {
  const { parseBuildOutputs, runBuild } = await import('./commands/build.js');
  const outputs = parseBuildOutputs(values.outputs as string);
  const concurrency = concurrencyOf(values.concurrency);
  return withStopSignal((signal) =>
    runBuild(
      {
        paths: positionals,
        cwd,
        out: values.out as string,
        outputs,
        sarif: values.sarif as string | undefined,
        junit: values.junit as string | undefined,
        json: values.json as string | undefined,
        annotations:
          (values.annotations as boolean | undefined) ?? (process.env.GITHUB_ACTIONS === 'true' || isAzurePipelines()),
        codequality: values.codequality as string | undefined,
        color,
        changedSince: values['changed-since'] as string | undefined,
        shard: values.shard !== undefined ? parseShard(values.shard as string) : undefined,
        indexOnly: values['index-only'] as boolean,
        force: values.force as boolean,
        concurrency,
        browser: values.browser as string | undefined,
        today: isoDate(values.today as string | undefined, '--today'),
        config: values.config as string | undefined,
        cache: !values['no-cache'],
        cacheLocation: values['cache-location'] as string | undefined,
        tty: isTty,
        signal,
      },
      io,
    ),
  );
}

async function reportCommand({ values, positionals }: Parsed, io: CommandIO, cwd: string): Promise<number> {
  return runReport(
    {
      paths: positionals,
      out: values.out as string,
      formats: parseReportFormats(values.format as string),
      today: isoDate(values.today as string | undefined, '--today'),
      config: values.config as string | undefined,
      cache: !values['no-cache'],
      cacheLocation: values['cache-location'] as string | undefined,
      cwd,
    },
    io,
  );
}

async function renderCommand(
  { values, positionals }: Parsed,
  io: CommandIO,
  cwd: string,
  isTty: boolean,
): Promise<number> {
  const format = values.format as string;
  if (format !== 'pdf' && format !== 'html') throw new UsageError(`unknown format '${format}'. Formats: pdf, html`);
  const concurrency = concurrencyOf(values.concurrency);
  // Loaded on demand: the browser and PDF code is not needed to check plans (lint starts faster).
  const { runRender } = await import('./commands/render.js');
  return withStopSignal((signal) =>
    runRender(
      {
        paths: positionals,
        out: values.out as string,
        format,
        formsOnly: values['forms-only'] as boolean,
        allowErrors: values['allow-errors'] as boolean,
        concurrency,
        browser: values.browser as string | undefined,
        today: isoDate(values.today as string | undefined, '--today'),
        cwd,
        tty: isTty,
        signal,
      },
      io,
    ),
  );
}

async function importCommand({ values, positionals }: Parsed, io: CommandIO, cwd: string): Promise<number> {
  if (positionals.length !== 1)
    throw new UsageError('import takes one file: continuity import PLAN.docx [--out PLAN.md]');
  const { runImport } = await import('./commands/import.js');
  const { ConfigResolver } = await import('../core/index.js');
  const resolver = new ConfigResolver(values.config ? resolve(cwd, values.config as string) : undefined);
  return runImport(
    {
      file: positionals[0],
      out: values.out as string | undefined,
      force: values.force as boolean,
      cwd,
      today: isoDate(values.today as string | undefined, '--today'),
      resolver,
    },
    io,
  );
}

function newCommand({ values }: Parsed, io: CommandIO, cwd: string): number {
  if (!values.name || !values.ods)
    throw new UsageError(
      'continuity new needs --name "Practice name" and --ods CODE, e.g. continuity new --name "Riverside Surgery" --ods K81003',
    );
  const name = values.name as string;
  const out = resolve(cwd, (values.out as string | undefined) ?? `plans/${planFileName(name)}`);
  if (existsSync(out)) throw new UsageError(`${out} already exists; choose another --out (nothing was overwritten)`);
  const text = newPlanText({
    practiceName: name,
    odsCode: (values.ods as string).trim().toUpperCase(),
    today: isoDate(values.today as string | undefined, '--today') ?? todayIso(),
  });
  try {
    // Never over an existing file or through a link; the folders on the way are made if missing.
    writeFileAtomic(out, text, { within: writeRoot(cwd, dirname(out)), makeFolders: true, ifExists: 'keep' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST')
      throw new UsageError(`${out} already exists; choose another --out (nothing was overwritten)`);
    throw e;
  }
  io.stdout(`Created ${out}\nFill in every {{placeholder}}, then run: continuity lint ${out}\n`);
  return 0;
}
