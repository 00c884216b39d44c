/** Public API of the engine: no editor or CLI code here. */
export { checkPlan, checkPlanBytes, type CheckOptions, type CheckResult } from './check-plan.js';
export type { Diagnostic, Fix, Range, Position, Severity, TextEdit } from './diagnostic.js';
export { compareDiagnostics } from './diagnostic.js';
export type { PlanModel, SectionModel, StepModel, TableModel, SourceMap } from './model/plan-model.js';
export type { PlanDocument, HeadingInfo } from './model/plan-document.js';
export { fixPlanText } from './fix/fix-plan.js';
export { applyEdits } from './fix/apply-edits.js';
export { defaultConfig, findConfigFile, loadConfigFile, resolveConfig, ConfigError, CONFIG_FILE, type ResolvedConfig } from './config/config.js';
export { ruleCatalogue, knownRuleIds, type RuleInfo } from './rules/catalogue.js';
export { rules } from './rules/index.js';
export { newPlanText, planFileName, templatePath } from './new-plan.js';
export { loadPlanSchema } from './schema/load-schema.js';
export { buildCatalogue, type Catalogue, type SectionDef } from './schema/catalogue.js';
export { readSources, sourcesMarkdown, type Source } from './schema/sources.js';
export { todayIso } from './rules/dates.js';
