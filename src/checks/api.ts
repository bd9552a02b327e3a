// The contract between the engine and a named check. A check sees one record
// (or, for batch checks, a stream of records) and reports problems at JSON
// Pointer paths; the engine turns reports into positioned, localized, redacted
// messages. Checks never print, never read files and never know the locale.

/** Kinds of personal data a message may quote; the engine masks them unless told not to. */
export type SensitiveKind = 'id-number' | 'phone' | 'email';

/** A value quoted in a message that must be masked in output by default. */
export interface Sensitive {
  readonly sensitive: SensitiveKind;
  readonly value: string;
}

export function sensitive(kind: SensitiveKind, value: string): Sensitive {
  return { sensitive: kind, value };
}

export type MessageValue = string | number | Sensitive;
export type MessageData = Record<string, MessageValue>;

export type Severity = 'error' | 'warning' | 'info';

export interface Report {
  /** RFC 6901 pointer into the record; for a missing value, the path it should have. */
  path: string;
  /** Key into the rule file's `messages`; `default` when omitted. */
  messageId?: string;
  /** Placeholders for the message template (`{name}`). */
  data?: MessageData;
  /** Overrides the rule's severity for this report (e.g. a subdomain is a warning). */
  severity?: Severity;
  /** Point at the property name rather than its value (an unknown or forbidden field). */
  locateKey?: boolean;
}

export interface CheckContext<Options = Record<string, unknown>> {
  /** The record as parsed: untrusted data, any shape the schema may have rejected. */
  readonly record: unknown;
  readonly options: Options;
  /** "Today" for date checks; fixed in tests. */
  readonly now: Date;
  report(report: Report): void;
}

export type RecordCheck<Options = Record<string, unknown>> = (ctx: CheckContext<Options>) => void;

/** Where a record sits, so a batch rule can name the earlier occurrence. */
export interface RecordLocation {
  filePath: string;
  /** The file as the user should read it in a message (relative to the working directory). */
  displayPath: string;
  record: number;
  filingId?: string;
  /** Resolves a pointer of this record to a 1-based line (for naming earlier occurrences). */
  lineOf(path: string): number;
}

export interface BatchReport extends Report {
  /** The record the message belongs to (the later occurrence). */
  at: RecordLocation;
}

/**
 * A batch check sees every record of a run, one at a time, and reports at the
 * end or as it goes. It keeps compact keys, never whole records.
 */
export interface BatchCheck<Options = Record<string, unknown>> {
  create(options: Options): BatchCheckInstance;
}

export interface BatchCheckInstance {
  visit(record: unknown, at: RecordLocation, report: (r: BatchReport) => void): void;
  finish?(report: (r: BatchReport) => void): void;
}
