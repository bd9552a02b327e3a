import type { LintResult, Locale } from '../engine/types.js';

export interface FormatterContext {
  cwd: string;
  color: boolean;
  locale: Locale;
}

/** Turns a run's results into the text written to stdout or --output-file. */
export type Formatter = (results: readonly LintResult[], context: FormatterContext) => string;
