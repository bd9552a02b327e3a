// The library API: what the CLI, the language server and reports build on.
export {
  createLinter,
  Linter,
  loadRuleSet,
  bundledRuleSet,
  loadConfigFile,
  ConfigurationError,
  type LintOptions,
  type LintMessage,
  type LintResult,
  type Locale,
  type Rule,
  type RuleSet,
  type Config,
} from './engine/index.js';
export { lintText, lintFiles, messagesOf, errorsOnly, type RunOptions } from './runner/index.js';
export { FORMATTERS, type Formatter, type FormatterContext } from './formatters/index.js';
export { parseSource, formatOf, type SourceItem, type SourceRecord, type SourceRange } from './input/index.js';
