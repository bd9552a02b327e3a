import type { Rule, RuleSet } from '../../src/engine/index.js';

/** What a synthetic rule's check is handed: the record, and `report` (with the fix a report may carry). */
export type SyntheticContext = { record: unknown; report: (r: { path: string; fix?: { value: string } }) => void };

/**
 * A record rule made in code, for engine tests that need a check of their
 * own (one that throws, one that offers a fix): `raw` hands it the record as
 * parsed rather than its trimmed view.
 */
export function syntheticRule(id: string, run: (ctx: SyntheticContext) => void, options: { appliesFrom?: Rule['appliesFrom']; raw?: boolean } = {}): Rule {
  return {
    id,
    severity: 'error',
    clause: '一、4',
    appliesFrom: options.appliesFrom ?? 'draft',
    scope: 'record',
    title: { 'zh-CN': 't', en: 't' },
    description: { 'zh-CN': 'd', en: 'd' },
    messages: { default: { 'zh-CN': '{path} 不对', en: '{path} is wrong' } },
    check: { name: id },
    examples: [],
    file: `${id}.yaml`,
    definition: { kind: 'record', run: run as never, messageIds: [], ...(options.raw ? { raw: true } : {}) },
  };
}

export function ruleSetOf(rules: Rule[]): RuleSet {
  return { rules, byId: new Map(rules.map((r) => [r.id, r])) };
}
