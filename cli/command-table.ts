/**
 * One table per command: its options, what each takes and means. The argument parser, each command's
 * `--help` and the option lists of docs/cli.md (`npm run generate`) are all made from it, so an option
 * cannot be accepted and undocumented, or documented and refused.
 */
import type { ParseArgsConfig } from 'node:util';
import { reporters } from './reporters/index.js';

const reporterNames = Object.keys(reporters);

export interface OptionSpec {
  name: string;
  type: 'string' | 'boolean';
  short?: string;
  /** The parser's default (a string option's value is parsed by the command). */
  default?: string | boolean;
  /** The value's placeholder in help, e.g. FILE. */
  value?: string;
  help: string;
}

export interface CommandSpec {
  name: string;
  /** What follows `continuity NAME` in the usage line. */
  args: string;
  summary: string;
  options: OptionSpec[];
}

const today: OptionSpec = {
  name: 'today',
  type: 'string',
  value: 'YYYY-MM-DD',
  help: 'check dates as if today were this day (a real calendar date)',
};
const config: OptionSpec = {
  name: 'config',
  type: 'string',
  short: 'c',
  value: 'FILE',
  help: 'use this continuity.config.json instead of searching upward from each plan',
};
const noCache: OptionSpec = {
  name: 'no-cache',
  type: 'boolean',
  default: false,
  help: 'do not use or write the result cache (.continuity-cache/)',
};
const browser: OptionSpec = {
  name: 'browser',
  type: 'string',
  value: 'PATH',
  help: 'the Chrome, Chromium or Edge to print with (default: found on this machine; see continuity doctor)',
};
const concurrency: OptionSpec = {
  name: 'concurrency',
  type: 'string',
  default: '2',
  value: 'N',
  help: 'plans printed at once, 1 to 32 (default 2)',
};

const cacheLocation: OptionSpec = {
  name: 'cache-location',
  type: 'string',
  value: 'DIR',
  help: 'where to keep the result cache (default .continuity-cache/; in CI, a folder outside the checkout)',
};

export const COMMANDS: CommandSpec[] = [
  {
    name: 'lint',
    args: '[paths or globs...]',
    summary: 'check plans (default: plans/)',
    options: [
      {
        name: 'format',
        type: 'string',
        short: 'f',
        default: 'stylish',
        value: reporterNames.join('|'),
        help: 'report format (default stylish, for people): json; sarif (GitHub code scanning); github or azure (annotations in GitHub Actions or Azure Pipelines); junit (test reports); codequality (GitLab Code Quality)',
      },
      {
        name: 'output',
        type: 'string',
        short: 'o',
        value: 'FILE',
        help: 'write the report to FILE instead of stdout (written whole or not at all)',
      },
      { name: 'fix', type: 'boolean', default: false, help: 'apply safe fixes (never deletes your text)' },
      {
        name: 'add-missing',
        type: 'boolean',
        default: false,
        help: 'with --fix: insert every missing required section as a guided draft, and the full shape of every missing front-matter field',
      },
      { name: 'max-warnings', type: 'string', value: 'N', help: 'exit 1 when there are more than N warnings' },
      { name: 'quiet', type: 'boolean', short: 'q', default: false, help: 'report errors only' },
      config,
      noCache,
      cacheLocation,
      today,
      {
        name: 'workers',
        type: 'string',
        value: 'N',
        help: 'worker threads for a large cold run (default: one per core once enough plans need checking to repay them; 0 or 1 checks in this thread)',
      },
    ],
  },
  {
    name: 'new',
    args: '--name NAME --ods CODE [--out FILE]',
    summary: 'start a plan from the template',
    options: [
      { name: 'name', type: 'string', value: 'NAME', help: "the practice's name (required)" },
      { name: 'ods', type: 'string', value: 'CODE', help: "the practice's ODS code, e.g. K81003 (required)" },
      {
        name: 'out',
        type: 'string',
        value: 'FILE',
        help: 'where to write the plan (default plans/<practice-name>.md; never overwrites)',
      },
      { name: 'today', type: 'string', value: 'YYYY-MM-DD', help: 'the date written as date_issued (default today)' },
    ],
  },
  {
    name: 'render',
    args: '[paths...]',
    summary: 'print plans that pass their checks (default: plans/)',
    options: [
      { name: 'out', type: 'string', default: 'print', value: 'DIR', help: 'where to write (default print/)' },
      {
        name: 'format',
        type: 'string',
        default: 'pdf',
        value: 'pdf|html',
        help: "PDF, or the same print document as HTML for a browser's print dialog",
      },
      { name: 'forms-only', type: 'boolean', default: false, help: 'print only the paper forms (the grab pack)' },
      {
        name: 'allow-errors',
        type: 'boolean',
        default: false,
        help: 'print plans that fail their checks, every page stamped DRAFT',
      },
      concurrency,
      browser,
      {
        name: 'today',
        type: 'string',
        value: 'YYYY-MM-DD',
        help: 'the printed date (or set SOURCE_DATE_EPOCH for reproducible output)',
      },
    ],
  },
  {
    name: 'build',
    args: '[paths...]',
    summary: 'CI: check every plan, print those that pass, write a site',
    options: [
      {
        name: 'out',
        type: 'string',
        default: 'site',
        value: 'DIR',
        help: 'the site folder (default site/): index.html, dashboard.html, PDFs, status/',
      },
      {
        name: 'outputs',
        type: 'string',
        default: 'pdf,forms,html',
        value: 'LIST',
        help: 'what to print per plan: pdf,forms,html (default all three)',
      },
      {
        name: 'sarif',
        type: 'string',
        value: 'FILE',
        help: 'write the check results as SARIF 2.1.0 (GitHub code scanning)',
      },
      {
        name: 'junit',
        type: 'string',
        value: 'FILE',
        help: 'write the check results as JUnit XML (GitLab, Azure Tests tab)',
      },
      {
        name: 'codequality',
        type: 'string',
        value: 'FILE',
        help: 'write the check results as a GitLab Code Quality report',
      },
      { name: 'json', type: 'string', value: 'FILE', help: 'write the check results as JSON' },
      {
        name: 'annotations',
        type: 'boolean',
        help: 'print annotations on the changed lines (on by default inside GitHub Actions and Azure Pipelines)',
      },
      {
        name: 'changed-since',
        type: 'string',
        value: 'REF',
        help: 'only plans changed since a git ref, and plans using changed shared files',
      },
      {
        name: 'shard',
        type: 'string',
        value: 'I/N',
        help: "this runner's share of the estate (the same plan is never in two shards)",
      },
      {
        name: 'index-only',
        type: 'boolean',
        default: false,
        help: "write index.html and the dashboard from merged shards' folders",
      },
      { name: 'force', type: 'boolean', default: false, help: 'print every plan again, even when unchanged' },
      concurrency,
      browser,
      today,
      config,
      noCache,
      cacheLocation,
    ],
  },
  {
    name: 'report',
    args: '[paths...]',
    summary: 'the estate dashboard (HTML, JSON, CSV)',
    options: [
      { name: 'out', type: 'string', default: 'report', value: 'DIR', help: 'where to write (default report/)' },
      {
        name: 'format',
        type: 'string',
        default: 'html,json,csv',
        value: 'LIST',
        help: 'html,json,csv (default all three)',
      },
      today,
      config,
      noCache,
      cacheLocation,
    ],
  },
  {
    name: 'import',
    args: 'FILE [--out PLAN.md] [--force]',
    summary: "a practice's existing plan (.docx, .html, .md, .txt) as a plan in this format, with a migration report",
    options: [
      {
        name: 'out',
        type: 'string',
        short: 'o',
        value: 'PLAN.md',
        help: 'where to write the plan (default: beside the source, FILE with .md, or .imported.md when the source is markdown)',
      },
      { name: 'force', type: 'boolean', default: false, help: 'replace an existing output file' },
      config,
      today,
    ],
  },
  { name: 'doctor', args: '', summary: 'say which browser prints PDFs and whether it starts', options: [browser] },
  { name: 'rules', args: '', summary: 'list every check with its id', options: [] },
];

/** Every command also takes these. */
export const COMMON_OPTIONS: OptionSpec[] = [
  { name: 'help', type: 'boolean', short: 'h', help: 'show this help and exit' },
  { name: 'version', type: 'boolean', short: 'v', help: 'show the version and exit' },
];

export function commandSpec(name: string): CommandSpec | undefined {
  return COMMANDS.find((c) => c.name === name);
}

/** The parser's option table for a command (node:util parseArgs). */
export function parserOptions(spec: CommandSpec): NonNullable<ParseArgsConfig['options']> {
  const options: NonNullable<ParseArgsConfig['options']> = {};
  for (const o of [...spec.options, ...COMMON_OPTIONS]) {
    options[o.name] = {
      type: o.type,
      ...(o.short ? { short: o.short } : {}),
      ...(o.default !== undefined ? { default: o.default } : {}),
    } as never;
  }
  return options;
}

function optionLabel(o: OptionSpec): string {
  return `${o.short ? `-${o.short}, ` : ''}--${o.name}${o.value ? ` ${o.value}` : ''}`;
}

export const EXIT_CODES = 'Exit codes: 0 no errors, 1 errors (or too many warnings), 2 usage or internal failure.';

/** `continuity COMMAND --help`. */
export function commandHelp(spec: CommandSpec, version: string): string {
  const rows = [...spec.options, ...COMMON_OPTIONS].map((o) => [optionLabel(o), o.help]);
  const width = Math.max(...rows.map(([label]) => label.length)) + 2;
  return [
    `continuity ${spec.name} ${version}: ${spec.summary}`,
    '',
    `Usage: continuity ${spec.name}${spec.args ? ` ${spec.args}` : ''}${spec.options.length ? ' [options]' : ''}`,
    '',
    'Options:',
    ...rows.map(([label, help]) => `  ${label.padEnd(width)}${help}`),
    '',
    EXIT_CODES,
    '',
  ].join('\n');
}

/** `continuity --help`: every command in one screen. */
export function overallHelp(version: string): string {
  const rows = COMMANDS.map((c) => [`continuity ${c.name}${c.args ? ` ${c.args}` : ''}`, c.summary]);
  const width = Math.max(...rows.map(([u]) => u.length)) + 2;
  return [
    `continuity ${version}: IT-outage continuity plans for GP practices, as code`,
    '',
    'Usage:',
    ...rows.map(([u, s]) => `  ${u.padEnd(width)}${s}`),
    `  ${'continuity --version | --help'.padEnd(width)}`,
    '',
    "Each command's options: continuity COMMAND --help",
    '',
    EXIT_CODES,
    '',
  ].join('\n');
}

/** Help text as markdown text: `<practice-name>` would otherwise vanish as an HTML tag. */
function markdownText(s: string): string {
  return s.replace(/[\\`*_[\]<]/g, '\\$&');
}

/**
 * The command reference of docs/cli.md (between `<!-- cli-options:start -->` and
 * `<!-- cli-options:end -->`, written by scripts/generate-cli-docs.js): a heading per command, so
 * other pages can link to `docs/cli.md#continuity-lint`.
 */
export function optionListsMarkdown(): string {
  const out: string[] = [];
  for (const c of COMMANDS) {
    out.push(`### continuity ${c.name}`, '');
    out.push(`\`continuity ${c.name}${c.args ? ` ${c.args}` : ''}\`: ${markdownText(c.summary)}.`, '');
    for (const o of c.options) out.push(`- \`${optionLabel(o)}\`: ${markdownText(o.help)}`);
    out.push(`- \`-h, --help\`, \`-v, --version\``, '');
  }
  return out.join('\n').trimEnd();
}
