/**
 * The `continuity` command: argument parsing and dispatch only. Exit codes: 0 clean, 1 problems
 * found, 2 usage or internal failure (with the reason on stderr).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ConfigError } from '../core/config/config.js';
import { newPlanText, NewPlanError, planFileName } from '../core/new-plan.js';
import { todayIso } from '../core/rules/dates.js';
import { ruleCatalogue } from '../core/rules/catalogue.js';
import { SchemaCompileError } from '../core/validate/compile-validator.js';
import { runLint, type CommandIO } from './commands/lint.js';
import { parseReportFormats, runReport } from './commands/report.js';
import { parseShard } from './shard.js';
import { UsageError } from './discover-files.js';
import { TOOL_VERSION } from './tool-version.js';

const HELP = `continuity ${TOOL_VERSION}: IT-outage continuity plans for GP practices, as code

Usage:
  continuity lint [paths or globs...]   check plans (default: plans/)
  continuity new --name NAME --ods CODE [--out FILE]
                                        start a plan from the template
  continuity render [paths...]          print plans that pass their checks (default: plans/)
  continuity build [paths...]           CI: check every plan, print those that pass, write a site
  continuity report [paths...]          the estate dashboard (HTML, JSON, CSV)
  continuity import FILE [--out PLAN.md] [--force]
                                        a practice's existing plan (.docx, .html, .md, .txt) as a plan
  continuity doctor                     say which browser prints PDFs and whether it starts
  continuity rules                      list every check with its id
  continuity --version | --help

lint options:
  --format stylish|json|sarif|github|junit   report format (default stylish)
  --output FILE          write the report to FILE instead of stdout
  --fix                  apply safe fixes (never deletes your text)
  --add-missing          with --fix: insert every missing required section as a guided draft,
                         and the full shape of every missing front-matter field
  --max-warnings N       exit 1 when there are more than N warnings
  --quiet                report errors only
  --config FILE          use this continuity.config.json instead of searching upward
  --no-cache             do not use or write the result cache (.continuity-cache/)
  --cache-location DIR   where to keep the result cache
  --today YYYY-MM-DD     check dates as if today were this day

render options:
  --out DIR              where to write (default print/)
  --format pdf|html      PDF, or the same print document as HTML for a browser's print dialog
  --forms-only           print only the paper forms (the grab pack)
  --allow-errors         print plans that fail their checks, every page stamped DRAFT
  --concurrency N        plans printed at once (default 2)
  --browser PATH         the Chrome, Chromium or Edge to print with
  --today YYYY-MM-DD     the printed date (or set SOURCE_DATE_EPOCH for reproducible output)

build options (and --today, --browser, --concurrency, --config, --no-cache as above):
  --out DIR              the site folder (default site/): index.html, dashboard.html, PDFs, status/
  --outputs LIST         what to print per plan: pdf,forms,html (default all three)
  --sarif FILE, --junit FILE, --json FILE   write the check results for CI
  --annotations          print GitHub workflow annotations (on by default in GitHub Actions)
  --changed-since REF    only plans changed since a git ref, and plans using changed shared files
  --shard I/N            this runner's share of the estate (the same plan is never in two shards)
  --index-only           write index.html and the dashboard from merged shards' folders
  --force                print every plan again, even when unchanged

report options:
  --out DIR              where to write (default report/)
  --format LIST          html,json,csv (default all three)

Exit codes: 0 no errors, 1 errors (or too many warnings), 2 usage or internal failure.
`;

export async function main(argv: string[], io: CommandIO, cwd = process.cwd(), isTty = false): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (!command || command === '--help' || command === '-h' || command === 'help') {
      io.stdout(HELP);
      return command ? 0 : 2;
    }
    if (command === '--version' || command === '-v') {
      io.stdout(`${TOOL_VERSION}\n`);
      return 0;
    }
    if (command === 'lint') return await lintCommand(rest, io, cwd, isTty);
    if (command === 'new') return newCommand(rest, io, cwd);
    if (command === 'render') return await renderCommand(rest, io, cwd, isTty);
    if (command === 'build') return await buildCommand(rest, io, cwd, isTty);
    if (command === 'report') return await reportCommand(rest, io, cwd);
    if (command === 'import') return await importCommand(rest, io, cwd);
    if (command === 'doctor') {
      const { values } = parse(rest, { browser: { type: 'string' } });
      // Loaded on demand: the browser and PDF code is not needed to check plans (lint starts faster).
      const { runDoctor } = await import('../core/print/doctor.js');
      const report = await runDoctor({ explicitPath: values.browser as string | undefined });
      io.stdout(report.lines.join('\n') + '\n');
      return report.ok ? 0 : 1;
    }
    if (command === 'rules') {
      for (const r of ruleCatalogue()) io.stdout(`${r.id.padEnd(28)} ${r.severity.padEnd(8)} ${r.description}\n`);
      return 0;
    }
    throw new UsageError(`unknown command '${command}'. Commands: lint, new, render, build, report, import, doctor, rules (see continuity --help)`);
  } catch (e) {
    if (e instanceof UsageError || e instanceof ConfigError || e instanceof NewPlanError || e instanceof SchemaCompileError) {
      io.stderr(`continuity: ${e.message}\n`);
      return 2;
    }
    io.stderr(`continuity: internal error: ${(e as Error).stack ?? e}\nPlease report this.\n`);
    return 2;
  }
}

function parse(args: string[], options: NonNullable<ParseArgsConfig['options']>) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message.replace(/^TypeError \[[A-Z_]+\]: /, ''));
  }
}

function isoDate(value: string | undefined, flag: string): string | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) throw new UsageError(`${flag} must be a date written YYYY-MM-DD, not '${value}'`);
  return value;
}

async function lintCommand(args: string[], io: CommandIO, cwd: string, isTty: boolean): Promise<number> {
  const { values, positionals } = parse(args, {
    format: { type: 'string', short: 'f', default: 'stylish' },
    output: { type: 'string', short: 'o' },
    fix: { type: 'boolean', default: false },
    'add-missing': { type: 'boolean', default: false },
    'max-warnings': { type: 'string' },
    quiet: { type: 'boolean', short: 'q', default: false },
    config: { type: 'string', short: 'c' },
    'no-cache': { type: 'boolean', default: false },
    'cache-location': { type: 'string' },
    today: { type: 'string' },
    workers: { type: 'string' },
  });
  if (values['add-missing'] && !values.fix) throw new UsageError('--add-missing changes the plan, so it goes with --fix: continuity lint --fix --add-missing PLAN.md');
  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError(`--max-warnings takes a whole number of 0 or more, not '${values['max-warnings']}'`);
  }
  let workers: number | undefined;
  if (values.workers !== undefined) {
    workers = Number(values.workers);
    if (!Number.isInteger(workers) || workers < 0) throw new UsageError(`--workers takes a whole number, not '${values.workers}'`);
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
      color: isTty && !process.env.NO_COLOR,
      workers,
    },
    io,
  );
}

function concurrencyOf(value: unknown): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 32) throw new UsageError(`--concurrency takes a whole number from 1 to 32, not '${value}'`);
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

async function buildCommand(args: string[], io: CommandIO, cwd: string, isTty: boolean): Promise<number> {
  const { values, positionals } = parse(args, {
    out: { type: 'string', default: 'site' },
    outputs: { type: 'string', default: 'pdf,forms,html' },
    sarif: { type: 'string' },
    junit: { type: 'string' },
    json: { type: 'string' },
    annotations: { type: 'boolean', default: process.env.GITHUB_ACTIONS === 'true' },
    'changed-since': { type: 'string' },
    shard: { type: 'string' },
    'index-only': { type: 'boolean', default: false },
    force: { type: 'boolean', default: false },
    concurrency: { type: 'string', default: '2' },
    browser: { type: 'string' },
    today: { type: 'string' },
    config: { type: 'string', short: 'c' },
    'no-cache': { type: 'boolean', default: false },
  });
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
        annotations: values.annotations as boolean,
        changedSince: values['changed-since'] as string | undefined,
        shard: values.shard !== undefined ? parseShard(values.shard as string) : undefined,
        indexOnly: values['index-only'] as boolean,
        force: values.force as boolean,
        concurrency,
        browser: values.browser as string | undefined,
        today: isoDate(values.today as string | undefined, '--today'),
        config: values.config as string | undefined,
        cache: !values['no-cache'],
        tty: isTty,
        signal,
      },
      io,
    ),
  );
}

async function reportCommand(args: string[], io: CommandIO, cwd: string): Promise<number> {
  const { values, positionals } = parse(args, {
    out: { type: 'string', default: 'report' },
    format: { type: 'string', default: 'html,json,csv' },
    today: { type: 'string' },
    config: { type: 'string', short: 'c' },
    'no-cache': { type: 'boolean', default: false },
  });
  return runReport(
    {
      paths: positionals,
      out: values.out as string,
      formats: parseReportFormats(values.format as string),
      today: isoDate(values.today as string | undefined, '--today'),
      config: values.config as string | undefined,
      cache: !values['no-cache'],
      cwd,
    },
    io,
  );
}

async function renderCommand(args: string[], io: CommandIO, cwd: string, isTty: boolean): Promise<number> {
  const { values, positionals } = parse(args, {
    out: { type: 'string', default: 'print' },
    format: { type: 'string', default: 'pdf' },
    'forms-only': { type: 'boolean', default: false },
    'allow-errors': { type: 'boolean', default: false },
    concurrency: { type: 'string', default: '2' },
    browser: { type: 'string' },
    today: { type: 'string' },
  });
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

async function importCommand(args: string[], io: CommandIO, cwd: string): Promise<number> {
  const { values, positionals } = parse(args, { out: { type: 'string', short: 'o' }, force: { type: 'boolean', default: false }, config: { type: 'string', short: 'c' }, today: { type: 'string' } });
  if (positionals.length !== 1) throw new UsageError('import takes one file: continuity import PLAN.docx [--out PLAN.md]');
  const { runImport } = await import('./commands/import.js');
  const { ConfigResolver } = await import('../core/config/config-resolver.js');
  const resolver = new ConfigResolver(values.config ? resolve(cwd, values.config as string) : undefined);
  return runImport({ file: positionals[0], out: values.out as string | undefined, force: values.force as boolean, cwd, today: isoDate(values.today as string | undefined, '--today'), resolver }, io);
}

function newCommand(args: string[], io: CommandIO, cwd: string): number {
  const { values } = parse(args, {
    name: { type: 'string' },
    ods: { type: 'string' },
    out: { type: 'string' },
    today: { type: 'string' },
  });
  if (!values.name || !values.ods) throw new UsageError('continuity new needs --name "Practice name" and --ods CODE, e.g. continuity new --name "Riverside Surgery" --ods K81003');
  const name = values.name as string;
  const out = resolve(cwd, (values.out as string | undefined) ?? `plans/${planFileName(name)}`);
  if (existsSync(out)) throw new UsageError(`${out} already exists; choose another --out (nothing was overwritten)`);
  const text = newPlanText({ practiceName: name, odsCode: (values.ods as string).trim().toUpperCase(), today: isoDate(values.today as string | undefined, '--today') ?? todayIso() });
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, text, { flag: 'wx' });
  io.stdout(`Created ${out}\nFill in every {{placeholder}}, then run: continuity lint ${out}\n`);
  return 0;
}
