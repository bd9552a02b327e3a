// The engine: rules, configuration, messages and the Linter that lints one
// record at a time. Beyond its config and rule files it reads no file, and it
// knows nothing of threads or caches; src/runner/ runs it over sets of files.
export { Linter, type ActiveRule, type BatchRuleSet, type LinterOptions } from './linter.js';
export { createLinter, DEFAULT_FILING_FILES, isFilingFile, linterFor, recipeOf, ruleInfoOfRun, type LintOptions, type LinterRecipe } from './create.js';
export { StatsCollector } from './stats.js';
export { loadRuleSet, loadRuleFile, bundledRuleSet, type Rule, type RuleSet, type RuleFile, type RuleExample } from './rules.js';
export { loadConfigFile, findConfigFile, CONFIG_FILE_NAMES, type Config, type RuleSettingInput } from './config.js';
export { localeFromEnv } from './messages.js';
export * from './types.js';
