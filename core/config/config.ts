/**
 * continuity.config.json: rule severities and options, ignore globs, and an ICB's schema extension.
 * Found upward from the plan. Bad configuration fails loudly, naming the allowed values.
 */
import type { Severity } from '../diagnostic.js';
import type { JsonSchema } from '../schema/catalogue.js';
import { readRegularText } from '../io/read-regular-file.js';
import { extensionProblem } from './check-extension.js';
import { globProblem } from './glob-bounds.js';
import { loadPlanSchema } from '../schema/load-schema.js';
import { checkRuleOptions } from './rule-options.js';
import { fixedRuleReason } from '../rules/catalogue.js';
import { repositoryRoot } from './repository-root.js';
import { host } from '../host/host.js';
import { docsUrlProblem } from './docs-url-setting.js';

export const CONFIG_FILE = 'continuity.config.json';
/** A config file or schema extension is a page of JSON; anything larger is not one. */
export const MAX_CONFIG_BYTES = 1024 * 1024;
export type RuleLevel = Severity | 'off';
export const RULE_LEVELS: RuleLevel[] = ['off', 'info', 'warning', 'error'];

export interface RuleSetting {
  level: RuleLevel;
  options: Record<string, unknown>;
}

export interface ResolvedConfig {
  /** Absolute path of the config file, when one was found. */
  path?: string;
  rules: Record<string, RuleSetting>;
  ignore: string[];
  /** The project's schema, then the extension (which may $ref the project's schema by its $id). */
  schemas: JsonSchema[];
  /** Hash of everything above, for the result cache. */
  hash: string;
  /** The schema extension the config names but that was not loaded (an untrusted workspace). */
  schemaIgnored?: string;
  /**
   * Where rule links point (an ICB publishing its own copy of docs/rules.md, e.g.
   * https://icb.example.nhs.uk/continuity/rules.html); each rule's anchor is added. Default: the copy
   * shipped with the tools.
   */
  docsUrl?: string;
}

export interface LoadOptions {
  /**
   * Load the `schema` extension the config names (default true). An editor turns this off in an
   * untrusted workspace: the file could be anywhere (a network share) and compiling a stranger's
   * schema is work a stranger chose.
   */
  schemaExtensions?: boolean;
}

export class ConfigError extends Error {
  constructor(
    message: string,
    readonly configPath?: string,
  ) {
    super(configPath ? `${configPath}: ${message}` : message);
  }
}

/**
 * The nearest config file upward, stopping at the repository's root (the folder with `.git`): a file
 * above the repository (in a home folder, or a CI runner's work folder) belongs to no one who reviews
 * the plans, so it is never used silently.
 */
export function findConfigFile(startDir: string): string | undefined {
  const h = host();
  let dir = h.path.resolve(startDir);
  for (;;) {
    const candidate = h.path.join(dir, CONFIG_FILE);
    if (h.exists(candidate)) return candidate;
    if (h.isRepositoryRoot(dir)) return undefined;
    const parent = h.path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

const KNOWN_KEYS = ['$schema', 'rules', 'ignore', 'schema', 'docsUrl'];

export function defaultConfig(): ResolvedConfig {
  const schemas = [loadPlanSchema()];
  return { rules: {}, ignore: [], schemas, hash: hashOf({ rules: {}, ignore: [], schemas }) };
}

function hashOf(v: unknown): string {
  return host().sha256(JSON.stringify(v)).slice(0, 16);
}

export function loadConfigFile(path: string, knownRuleIds: string[], options: LoadOptions = {}): ResolvedConfig {
  let raw: unknown;
  const read = readRegularText(path, { maxBytes: MAX_CONFIG_BYTES });
  if ('refused' in read) throw new ConfigError(`cannot be read: ${read.reason}`, path);
  try {
    raw = JSON.parse(read.text);
  } catch (e) {
    throw new ConfigError(`is not valid JSON: ${(e as Error).message}`, path);
  }
  return resolveConfig(raw, host().path.dirname(path), knownRuleIds, path, options);
}

export function resolveConfig(
  raw: unknown,
  baseDir: string,
  knownRuleIds: string[],
  path?: string,
  options: LoadOptions = {},
): ResolvedConfig {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    throw new ConfigError('must be a JSON object such as {"rules": {"placeholder": "error"}}', path);
  const obj = raw as Record<string, unknown>;
  for (const key of Object.keys(obj)) {
    if (!KNOWN_KEYS.includes(key))
      throw new ConfigError(
        `unknown setting '${key}'. Allowed settings: ${KNOWN_KEYS.filter((k) => k !== '$schema').join(', ')}`,
        path,
      );
  }
  const rules: Record<string, RuleSetting> = {};
  if (obj.rules !== undefined) {
    if (!obj.rules || typeof obj.rules !== 'object' || Array.isArray(obj.rules))
      throw new ConfigError('"rules" must be an object of rule id to level', path);
    for (const [id, value] of Object.entries(obj.rules as Record<string, unknown>)) {
      if (!knownRuleIds.includes(id))
        throw new ConfigError(`unknown rule '${id}' in "rules". Known rules: ${knownRuleIds.join(', ')}`, path);
      const fixed = fixedRuleReason(id);
      if (fixed) throw new ConfigError(`rule '${id}' cannot be set: ${fixed}. Remove it from "rules".`, path);
      const [level, options] = Array.isArray(value) ? value : [value, {}];
      if (!RULE_LEVELS.includes(level as RuleLevel))
        throw new ConfigError(
          `rule '${id}' has level ${JSON.stringify(level)}. Allowed levels: ${RULE_LEVELS.join(', ')} (or [level, {options}])`,
          path,
        );
      if (options === null || typeof options !== 'object' || Array.isArray(options))
        throw new ConfigError(`rule '${id}': options must be an object, e.g. ["warning", {"maxAgeMonths": 6}]`, path);
      const wrong = checkRuleOptions(id, options as Record<string, unknown>);
      if (wrong) throw new ConfigError(wrong, path);
      rules[id] = { level: level as RuleLevel, options: options as Record<string, unknown> };
    }
  }
  let ignore: string[] = [];
  if (obj.ignore !== undefined) {
    if (!Array.isArray(obj.ignore) || obj.ignore.some((g) => typeof g !== 'string'))
      throw new ConfigError('"ignore" must be a list of glob strings, e.g. ["plans/archive/**"]', path);
    ignore = obj.ignore as string[];
    if (ignore.length > 1000)
      throw new ConfigError(`"ignore" has ${ignore.length} globs; at most 1000 are allowed`, path);
    for (const g of ignore) {
      const problem = globProblem(g);
      if (problem)
        throw new ConfigError(
          `the "ignore" glob ${JSON.stringify(g.slice(0, 80))}${g.length > 80 ? '...' : ''} is refused: ${problem}`,
          path,
        );
    }
  }
  let docsUrl: string | undefined;
  if (obj.docsUrl !== undefined) {
    const problem = docsUrlProblem(obj.docsUrl);
    if (problem)
      throw new ConfigError(
        `"docsUrl" must be the web address of your copy of the rule docs, starting https:// (no #anchor: each rule's is added), e.g. "https://icb.example.nhs.uk/continuity/rules.html"; ${problem}`,
        path,
      );
    docsUrl = obj.docsUrl as string;
  }
  const schemas = [loadPlanSchema()];
  // The one shape every outcome takes; the hash covers everything that can change a check's result.
  const resolved = (schemaIgnored?: string): ResolvedConfig => ({
    path,
    rules,
    ignore,
    schemas,
    hash: hashOf({ rules, ignore, schemas, docsUrl }),
    ...(schemaIgnored ? { schemaIgnored } : {}),
    ...(docsUrl ? { docsUrl } : {}),
  });
  if (obj.schema !== undefined) {
    if (typeof obj.schema !== 'string')
      throw new ConfigError('"schema" must be the path of a JSON Schema file that extends the plan schema', path);
    const schemaPath = host().path.resolve(baseDir, obj.schema);
    if (options.schemaExtensions === false) return resolved(schemaPath);
    let ext: unknown;
    // The extension must be a regular file inside the repository holding the config (a link to
    // /dev/zero, a FIFO or a file elsewhere on the machine is refused before it is opened).
    const read = readRegularText(schemaPath, {
      root: path ? repositoryRoot(path) : host().path.resolve(baseDir),
      maxBytes: MAX_CONFIG_BYTES,
    });
    if ('refused' in read)
      throw new ConfigError(`cannot read the schema extension ${schemaPath}: ${read.reason}`, path);
    try {
      ext = JSON.parse(read.text);
    } catch (e) {
      throw new ConfigError(`cannot read the schema extension ${schemaPath}: ${(e as Error).message}`, path);
    }
    if (!ext || typeof ext !== 'object')
      throw new ConfigError(`the schema extension ${schemaPath} must be a JSON Schema object`, path);
    const problem = extensionProblem(schemas[0], ext as JsonSchema);
    if (problem) throw new ConfigError(`the schema extension ${schemaPath} cannot be used: ${problem}`, path);
    schemas.push(ext as JsonSchema);
  }
  return resolved();
}
