import type { LintResult, Locale, RecordPeriod } from '../engine/types.js';

/** What a report says about each rule (SARIF's rule table, the summary's titles). */
export interface RuleInfo {
  id: string;
  title: string;
  /** What the rule checks and why, from its rule file; SARIF's full description and help. The title stands in without it. */
  description?: string;
  clause: string;
  severity: 'error' | 'warning' | 'info';
}

export interface FormatterContext {
  cwd: string;
  color: boolean;
  locale: Locale;
  /** The rules of the run, localized; formatters that need none ignore it. */
  rules?: readonly RuleInfo[];
  /** beianlint's version, for reports that name their tool. */
  version?: string;
  /** The paths the run was given, as given; the HTML report's header. */
  inputs?: readonly string[];
  /** The day the run checked as of (--now, or today); the HTML report's header. */
  now?: Date;
  /** The presets and config files the rules came from, in order (--print-config's `from`); the HTML report's header. */
  ruleSet?: readonly string[];
  /** The period the run checked (--submitted-from, --submitted-to); the summary and HTML report say it and how many records lay outside. */
  period?: RecordPeriod;
}

/** Turns a run's results into the text written to stdout or --output-file. */
export type Formatter = (results: readonly LintResult[], context: FormatterContext) => string;

/** A formatter that can also hand its text over in pieces, so a large report is never one string. */
export type ChunkedFormatter = Formatter & {
  chunks(results: readonly LintResult[], context: FormatterContext): Iterable<string>;
};
