// What a config names by a word rather than a file: the built-in presets an
// `extends` may list, and the severities a rule setting may give. Both are
// plain data with no imports, so the command line can read the severity words
// without loading the engine.

/** A rule's severity as the linter takes it: `off`, or the severity of its messages. */
export type RuleSeverity = 'off' | 'info' | 'warning' | 'error';

/**
 * Each way a config or `--rule` may write a severity, and what it means.
 * ESLint's `warn` and its numbers 0, 1 and 2 are taken as ESLint users write
 * them; its numbers have no `info`, so 1 is a warning as in ESLint.
 */
export const SEVERITY_WORDS: ReadonlyMap<string | number, RuleSeverity> = new Map<string | number, RuleSeverity>([
  ['off', 'off'],
  ['info', 'info'],
  ['warning', 'warning'],
  ['warn', 'warning'],
  ['error', 'error'],
  [0, 'off'],
  [1, 'warning'],
  [2, 'error'],
]);

/** The severities allowed, as an error message lists them in each language. */
export const SEVERITIES_ALLOWED = {
  en: 'off, info, warning (or warn), error, 0 (off), 1 (warning), 2 (error)',
  'zh-CN': 'off、info、warning（或 warn）、error、0（off）、1（warning）、2（error）',
} as const;

/** The severity a config or `--rule` wrote, or undefined when it names none. */
export function severityNamed(written: unknown): RuleSeverity | undefined {
  return typeof written === 'string' || typeof written === 'number' ? SEVERITY_WORDS.get(written) : undefined;
}

/** A preset: rule severities set over the rule files' own. */
export interface Preset {
  rules: Readonly<Record<string, RuleSeverity>>;
}

/**
 * The batch rules: they compare the records of a run with each other. Kept
 * as names here, not worked out from the rule files, so that a preset reads
 * as what it sets; tests/engine/config-presets.test.ts checks the list
 * against the bundled batch rules.
 */
export const BATCH_RULE_IDS = ['batch-duplicate-domain', 'batch-duplicate-filing-id', 'batch-identity-conflict', 'batch-shared-mobile'] as const;

export const PRESETS: Readonly<Record<string, Preset>> = {
  /**
   * For anyone: each rule at the severity its rule file gives it, so it
   * sets nothing.
   */
  'beianlint:recommended': { rules: {} },
  /**
   * For an access provider checking its own filings before it submits them.
   * As recommended, with one difference: `bureau-review-deadline` is off,
   * because the 20 working days are the bureau's time to keep, and a
   * provider can do nothing about a late review. The batch rules stay as
   * bundled: a provider's own export should not file one domain for two
   * owners either.
   */
  'beianlint:provider': { rules: { 'bureau-review-deadline': 'off' } },
  /**
   * For a communications administration (通信管理局) checking batches it
   * received. Every batch rule is an error: a mobile shared by principals of
   * different owners is a warning for a provider looking at its own records,
   * but across a province's batch it is what the bureau must follow up.
   * `bureau-review-deadline` is an error: the deadline is the bureau's own
   * duty. A preset's severity is the rule's default (LinterOptions.defaults), so
   * a message the rule itself rates lower (a review date outside the holiday
   * calendar, a warning) stays so.
   */
  'beianlint:bureau': {
    rules: {
      ...Object.fromEntries(BATCH_RULE_IDS.map((id) => [id, 'error'] as const)),
      'bureau-review-deadline': 'error',
    },
  },
};

/** True when an `extends` entry names a built-in preset rather than a file. */
export function isPresetName(entry: string): boolean {
  return entry.startsWith('beianlint:');
}
