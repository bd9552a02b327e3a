// The contract between the engine and a named check. A check sees one record
// (or, for batch checks, a stream of records) and reports problems at JSON
// Pointer paths; the engine turns reports into positioned, localized, redacted
// messages. Checks never print, never read files and never know the locale.

import type { LocalizedText } from '../domain/vocabulary.js';

export type { LocalizedText } from '../domain/vocabulary.js';

/** Kinds of personal data a message may quote; the engine masks them unless told not to. */
export type SensitiveKind = 'id-number' | 'phone' | 'email' | 'person-name';

/** A value quoted in a message that must be masked in output by default. */
export interface Sensitive {
  readonly sensitive: SensitiveKind;
  readonly value: string;
}

export function sensitive(kind: SensitiveKind, value: string): Sensitive {
  return { sensitive: kind, value };
}

/**
 * A placeholder's value: a text or number quoted as it is, a personal value
 * to mask, or words in each language (src/domain/vocabulary.ts), of which
 * the engine prints the locale's.
 */
export type MessageValue = string | number | Sensitive | LocalizedText;
export type MessageData = Record<string, MessageValue>;

export type Severity = 'error' | 'warning' | 'info';

/**
 * A problem a check found. `MessageId` is the check's vocabulary: the ids it
 * declares with its registration (src/checks/registry.ts), and `default`,
 * which every rule file has (schemas/rule.schema.json requires it).
 */
export interface Report<MessageId extends string = string> {
  /** RFC 6901 pointer into the record; for a missing value, the path it should have. */
  path: string;
  /** Key into the rule file's `messages`; `default` when omitted. */
  messageId?: MessageId | 'default';
  /** Placeholders for the message template (`{name}`). */
  data?: MessageData;
  /** Overrides the rule's severity for this report (e.g. a subdomain is a warning). */
  severity?: Severity;
  /** Point at the property name rather than its value (an unknown or forbidden field). */
  locateKey?: boolean;
  /**
   * The string the value at `path` should read instead, when the problem is
   * a slip whose correction changes nothing the record says (a lower-case
   * check character, full-width digits, padding) and the corrected value
   * passes this check. The engine turns it into an edit of the source text;
   * the check never sees that text. A check that is not raw is handed the
   * trimmed value, and gives the fix of that: the padding stays (see
   * Linter.report).
   */
  fix?: { value: string };
}

export interface CheckContext<Options = Record<string, unknown>, MessageId extends string = string> {
  /** The record as parsed: untrusted data, any shape the schema may have rejected. */
  readonly record: unknown;
  readonly options: Options;
  /** "Today" for date checks; fixed in tests. */
  readonly now: Date;
  /**
   * A property, not a method: a method's parameter would be compared both
   * ways, and a check reporting an id it never declared would still fit.
   */
  readonly report: (report: Report<MessageId>) => void;
  /**
   * Says that a verdict reached against `now` holds through `day` (a Beijing
   * date, YYYY-MM-DD) and may find more after it: a document valid until that
   * day. A `--cache` entry of a clean file holds no longer. A verdict that can
   * only find less as days pass (a birth date in the future) need not say so.
   */
  holdsThrough(day: string): void;
}

/** The options of a check that takes none: the engine passes it an empty object. */
export type NoOptions = Record<string, never>;

/**
 * A check of one record. `MessageId` is the union of the ids it may report
 * besides `default`, written as `(typeof fooMessageIds)[number]` from the
 * list it is registered with, so the list and the reports cannot drift.
 */
export type RecordCheck<Options = Record<string, unknown>, MessageId extends string = string> = (ctx: CheckContext<Options, MessageId>) => void;

/**
 * How a holder is identified, for a holder that may be identified in more
 * than one way (an owner by its organisation code, its 15-digit registration
 * number or its name). Two holders of the same scheme are the same when their
 * ids are; of different schemes, when both have a `holderName` and those are
 * equal (and, either way, when both have a `holderAlias` and those are).
 * The engine keeps a scheme as its number in this list (1 + index; 0 is a
 * plain holder), so a scheme added here changes the cache format.
 */
export const HOLDER_SCHEMES = [
  /** A unit's organisation code (GB 11714), also positions 9–17 of its unified social credit code. */
  'org-code',
  /** A unit's 15-digit registration number of before 2015. */
  'registration-number',
  /** A unit's other document (type and number). */
  'unit-document',
  /** A unit known by its name only. */
  'unit-name',
  /** A person, by the citizen ID number of their identity card or household register (the same number). */
  'person',
  /** A person, by the number of their travel permit of Hong Kong, Macao or Taiwan residents. */
  'person-travel-permit',
  /** A person, by the number of their residence permit of Hong Kong, Macao or Taiwan residents. */
  'person-residence-permit',
  /** A person, by their passport number. */
  'person-passport',
  /** A person, by the number of their foreign permanent resident ID card. */
  'person-permanent-residence',
  /** A person, by the number of another document (an officer's ID). */
  'person-document',
] as const;

export type HolderScheme = (typeof HOLDER_SCHEMES)[number];

/**
 * One thing a batch rule compares across records: a domain, a document
 * number, a mobile, a filing id, normalized so that equal things have equal
 * keys. The engine keeps only a digest of each key and holder, so a run
 * remembers millions of them without keeping personal data.
 */
export interface BatchKey {
  key: string;
  /**
   * Who the key belongs to (e.g. the owner), as a normalized id. A later
   * record with the same key is reported when its holder differs from the
   * first record's; without a holder, every repeat is reported. Alone, the
   * holder is a plain string compared as it is.
   */
  holder?: string;
  /**
   * What kind of id `holder` is. Fields on the key rather than an object
   * of their own: a record's keys are made for every record of a batch.
   */
  holderScheme?: HolderScheme;
  /**
   * The holder's normalized name, compared when the two holders' schemes
   * differ (a 15-digit registration number and an organisation code); none
   * where a name does not identify (a person: two people share a name).
   */
  holderName?: string;
  /**
   * A second id of the holder, which alone makes two keys' holders the same
   * when equal in both, whatever `holder` says: the principal's document for
   * a mobile (one person heading several owners' websites).
   */
  holderAlias?: string;
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
 * the first occurrence in the message's {earlierFile}, {earlierRecord}
 * (counted from 1), {earlierFilingId} (its filingId in the locale's
 * parentheses, or nothing) and {earlierLine}.
 */
export interface BatchCheck<Options = Record<string, unknown>> {
  keys(record: unknown, options: Options): BatchKey[];
}
