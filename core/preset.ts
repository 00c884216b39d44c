/**
 * A remark preset, so the real remark-cli checks plans with the same engine and rule ids:
 *   remark --use continuity-plans/preset --frail plans
 * Our rule ids work with remark's comments: `<!-- lint disable placeholder -->`.
 * Rule severities and the ICB schema extension come from continuity.config.json, found upward from
 * the current folder (remark presets are configured once per run, not per file).
 */
import type { Preset } from 'unified';
import { defaultConfig, findConfigFile, loadConfigFile } from './config/config.js';
import { checkPlugins } from './engine/processor.js';
import { knownRuleIds } from './rules/catalogue.js';
import { todayIso } from './dates/dates.js';
import { host } from './host/host.js';

const configPath = findConfigFile(host().cwd());
const config = configPath ? loadConfigFile(configPath, knownRuleIds()) : defaultConfig();

const preset: Preset = {
  plugins: checkPlugins({
    schemas: config.schemas,
    today: host().env('CONTINUITY_TODAY') ?? todayIso(),
    rules: config.rules,
  }),
};

export default preset;
