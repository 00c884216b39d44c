/** Public API of the engine: no editor or CLI code here. */
export { checkPlan, checkPlanBytes, type CheckOptions, type CheckResult } from './check-plan.js';
export type { Diagnostic, Fix, Range, Position, Severity, TextEdit } from './diagnostic.js';
export { compareDiagnostics } from './diagnostic.js';
export type { PlanModel, SectionModel, StepModel, TableModel, SourceMap } from './model/plan-model.js';
export type { PlanDocument, HeadingInfo } from './model/plan-document.js';
export { fixPlanText } from './fix-plan.js';
export { applyEdits } from './fix/apply-edits.js';
export {
  defaultConfig,
  findConfigFile,
  loadConfigFile,
  resolveConfig,
  ConfigError,
  CONFIG_FILE,
  type ResolvedConfig,
} from './config/config.js';
export { ruleCatalogue, knownRuleIds, type RuleInfo } from './rules/catalogue.js';
export { rules } from './rules/index.js';
export { newPlanText, planFileName } from './new-plan.js';
export { loadPlanSchema } from './schema/load-schema.js';
export { buildCatalogue, type Catalogue, type SectionDef } from './schema/catalogue.js';
export { todayIso } from './dates/dates.js';
export { frontMatterSchemaAt, missingFieldValue } from './schema/front-matter-schema.js';
export { addMissing, type AddMissingOptions, type AddMissingResult, type InsertedItem } from './add-missing.js';
export { fieldYaml, skeletonValue } from './fix/front-matter-skeleton.js';
export { readSources, sourceLink, sourcesMarkdown, type Source } from './schema/sources.js';
export { RULE_LEVELS, type RuleLevel } from './config/config.js';
export { ConfigResolver } from './config/config-resolver.js';
export { globProblem } from './config/glob-bounds.js';
export { addMonths, daysBetween, isIsoDate } from './dates/dates.js';
export { catalogueFor } from './engine/plan-plugin.js';
export { insertFieldFix, insertRowFix } from './fix/insertions.js';
export { decodePlanBytes, isDecodeProblem } from './input/decode-text.js';
export { isInsideFolder, readRegularFile, readRegularText } from './io/read-regular-file.js';
export { FRONT_MATTER_POINTER, pointerOf, segmentsOf } from './model/model-pointer.js';
export { NewPlanError, validateOdsCode } from './new-plan.js';
export { ruleDocsUrl } from './rules/docs-url.js';
export { ruleHelp } from './rules/rule-help.js';
export { type JsonSchema } from './schema/catalogue.js';
export { type SharedFileUse, sharedFilesOf } from './shared/expand-plan.js';
export { MAX_SHARED_BYTES } from './shared/read-shared-file.js';
export { SchemaCompileError } from './validate/compile-validator.js';
export { host, useHost, RESOURCE_NAMES, type Host, type ResourceName } from './host/host.js';
export { MemoryHost, type MemoryEntry, type MemoryHostData } from './host/memory-host.js';
export { fromBase64, toBase64 } from './host/base64.js';
export { afterTheAnswer, isItThatSection } from './model/claim-hint.js';
export { declineTag } from './model/explicit-id.js';
export { mandatoryRowCells } from './fix/table-drafts.js';
