import type { Severity } from '../checks/api.js';

export type { Severity } from '../checks/api.js';
export type Locale = 'zh-CN' | 'en';
export type Stage = 'draft' | 'verified' | 'submitted' | 'approved';

/** One problem, exactly as the data contract's JSON output names it. */
export interface LintMessage {
  ruleId: string;
  severity: Severity;
  message: string;
  record: number;
  filingId: string | null;
  path: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /**
   * An edit that removes the problem without changing what the record says
   * (a lower-case check character, full-width digits, padding whitespace).
   * Positions as the message's own (1-based, UTF-16 columns, end exclusive),
   * not offsets: a streamed JSONL record does not know its file offset. Not
   * part of the contract's JSON output: its text may be a personal value.
   */
  fix?: LintFix;
}

/** Replace the text from line:column to endLine:endColumn with `text`. */
export interface LintFix {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  text: string;
}

/** Where linting puts messages: an array, or a store that keeps them within a memory budget. */
export interface MessageSink {
  push(...messages: LintMessage[]): unknown;
}

/** Report order: by position, then record, then rule; ties keep the order they were found in (sorts are stable). */
export function compareMessages(a: LintMessage, b: LintMessage): number {
  return a.line - b.line || a.column - b.column || a.record - b.record || a.ruleId.localeCompare(b.ruleId);
}

/** One file's results, exactly as the data contract's JSON output names it. */
export interface LintResult {
  filePath: string;
  errorCount: number;
  warningCount: number;
  infoCount: number;
  messages: LintMessage[];
  /** Who the file's records belong to, for accuracy reports; not part of the JSON output. */
  stats?: FileStats;
  /** The file's text as --fix-dry-run would leave it, for a file it changes (ESLint's `output`). */
  output?: string;
}

/** A province (GB/T 2260 two-digit code of the owner) and an access provider, the bureaus' reporting units. */
export interface RecordGroup {
  province: string;
  provider: string;
  /** The record's stage, when it is one the format knows; the HTML report's records by stage. */
  stage?: string;
  /** The Beijing month (YYYY-MM) of verification.submittedAt, when it is a date; the monthly check's records by month. */
  month?: string;
}

/** FileStats.recordGroup of a record that did not parse: it counts, in no group. */
export const UNPARSED_RECORD = -1;
/**
 * FileStats.recordGroup of a record outside the run's period (RecordPeriod):
 * not linted, not reported, and counted as skipped, never as clean.
 */
export const SKIPPED_RECORD = -2;

/**
 * The records of a monthly or quarterly check: those whose Beijing day of
 * submission (verification.submittedAt) or, for the stock that has none,
 * of review (review.reviewedAt) lies from `from` to `to`, both inclusive
 * (YYYY-MM-DD). Either end may be open. A record with neither date lies
 * outside every period.
 */
export interface RecordPeriod {
  from?: string;
  to?: string;
}

export interface FileStats {
  /** Records seen, parse faults included. */
  records: number;
  groups: RecordGroup[];
  /**
   * Index into `groups` for each record, by record index (UNPARSED_RECORD,
   * -1, for a record that did not parse; SKIPPED_RECORD, -2, for one outside
   * the run's period). A run gives an Int32Array: four bytes a record, as a
   * national batch has millions.
   */
  recordGroup: ArrayLike<number>;
  /**
   * The last Beijing day (YYYY-MM-DD) the file's verdicts reached against
   * "today" hold through (CheckContext.holdsThrough); absent when none
   * depends on today in a way later days could change.
   */
  holdsThrough?: string;
}

export type Localized = Record<Locale, string>;

/** A usage or configuration problem: the run stops with exit status 2. */
export class ConfigurationError extends Error {
  /** The reason in each language; `message` is the English. A rule author's detail (file:line: …) is English only. */
  readonly text: Localized;

  constructor(message: string | Localized) {
    const text = typeof message === 'string' ? { en: message, 'zh-CN': message } : message;
    super(text.en);
    this.name = 'ConfigurationError';
    this.text = text;
  }
}

// Stage order is domain knowledge that checks use too; the engine re-exports it for its callers.
export { STAGE_ORDER, stageRank } from '../domain/stages.js';

export function countResult(filePath: string, messages: LintMessage[]): LintResult {
  let errorCount = 0;
  let warningCount = 0;
  let infoCount = 0;
  for (const m of messages) {
    if (m.severity === 'error') errorCount++;
    else if (m.severity === 'warning') warningCount++;
    else infoCount++;
  }
  return { filePath, errorCount, warningCount, infoCount, messages };
}
