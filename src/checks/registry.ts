import type { BatchCheck, RecordCheck } from './api.js';

/**
 * What a rule file may name in `check.name`. The kind must match the rule's
 * `scope`; `options` is the JSON Schema the rule's options (file and config)
 * are validated against when loaded; `messageIds` are the message templates
 * the check may ask for, so a rule file missing one is refused at load time
 * rather than printing a blank message later. `optionalMessageIds` are ids a
 * check asks for only under some options, which a rule file may leave out
 * (the engine then prints `default`).
 */
export type CheckDefinition =
  /**
   * `raw`: the check reads the record as parsed, not the trimmed view every
   * other rule reads (padding and control characters are what it looks for).
   */
  | { kind: 'record'; run: RecordCheck<any>; options?: object; messageIds: readonly string[]; optionalMessageIds?: readonly string[]; raw?: boolean }
  | { kind: 'batch'; batch: BatchCheck<any>; options?: object; messageIds: readonly string[] }
  /** Produced by the engine from the input layer itself (parse faults, duplicate keys). */
  | { kind: 'source'; options?: object; messageIds: readonly string[] };

/**
 * A record check with the message ids it may report: `run` is typed with
 * its own ids (RecordCheck's `MessageId`), and they must be among
 * `messageIds` and `how.optionalMessageIds`, which are read from the lists
 * alone (NoInfer), so a report of an id no list has does not compile.
 */
export function recordCheck<O, const M extends string, const Optional extends string = never>(
  run: RecordCheck<O, NoInfer<M | Optional>>,
  messageIds: readonly M[],
  options?: object,
  how?: { raw?: true; optionalMessageIds?: readonly Optional[] },
): CheckDefinition {
  return {
    kind: 'record',
    run,
    messageIds,
    ...(how?.optionalMessageIds ? { optionalMessageIds: how.optionalMessageIds } : {}),
    ...(options ? { options } : {}),
    ...(how?.raw ? { raw: true } : {}),
  };
}

/** A batch check: its keys name no message, so every repeat it finds is reported with `default`. */
export function batchCheck<O>(batch: BatchCheck<O>, messageIds: readonly 'default'[], options?: object): CheckDefinition {
  return { kind: 'batch', batch, messageIds, ...(options ? { options } : {}) };
}

/**
 * Check names rule files gave before each check took the name of its rule,
 * by the name that replaced them. A rule folder of a user's (`ruleDirs`) may
 * still give one; it loads as the renamed check. `duplicate-domain` is none
 * of them: the batch check had that name, and it is now the record check's
 * (rule duplicate-domain), so a batch rule that gives it is refused for its
 * scope and must name `batch-duplicate-domain`.
 */
export const DEPRECATED_CHECK_NAMES: Readonly<Record<string, string>> = Object.freeze({
  'filing-schema': 'schema',
  'record-duplicate-domain': 'duplicate-domain',
  'duplicate-filing-id': 'batch-duplicate-filing-id',
  'identity-conflict': 'batch-identity-conflict',
  'shared-mobile': 'batch-shared-mobile',
  'calendar-month-deadline': 'on-site-deadline',
  'notification-content': 'notification-message',
  'date-order': 'submission-order',
});
