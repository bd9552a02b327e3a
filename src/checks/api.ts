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

/**
 * One thing a batch rule compares across records: a domain, a document
 * number, a mobile, a filing id, normalized so that equal things have equal
 * keys. The engine keeps only a digest of each key and holder, so a run
 * remembers millions of them without keeping personal data.
 */
export interface BatchKey {
  key: string;
  /**
   * Who the key belongs to (e.g. the owner). A later record with the same
   * key is reported when its holder differs from the first record's;
   * without a holder, every repeat is reported.
   */
  holder?: string;
  /** Where the key sits in this record. */
  path: string;
  /** Placeholders for the message should this record be the one reported. */
  data?: MessageData;
}

/**
 * A batch rule reduces each record to keys, wherever the record is parsed
 * (the main thread or a worker); it must give the same keys, in the same
 * order, each time it sees the same record, since the engine reads a
 * reported record again for its message. The engine compares keys across
 * the whole run in input order, reports each later repeat at its own path, and names
 * the first occurrence (file, record, line) in the message's
 * {earlierFile}, {earlierRecord} and {earlierLine}.
 */
export interface BatchCheck<Options = Record<string, unknown>> {
  keys(record: unknown, options: Options): BatchKey[];
}
