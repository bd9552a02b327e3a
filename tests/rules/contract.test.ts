import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundledRuleSet } from '../../src/engine/index.js';

// The rule ids of ../shared/spec/filing-format.md, with the clause and first
// stage the contract gives each. Users' scripts depend on these names.
const CONTRACT: Array<[id: string, clause: string, appliesFrom: string, scope: 'record' | 'batch' | 'source']> = [
  ['schema', 'whole', 'draft', 'record'],
  ['owner-document-type', '一、1.(1)(2)', 'draft', 'record'],
  ['principal-document-type', '一、1.(1)(2)', 'draft', 'record'],
  ['citizenship', '一、1.(1)(2)', 'draft', 'record'],
  ['document-validity', '二、(二)1.(5) 有效证件', 'draft', 'record'],
  ['region-code', '一、1 主体所在地', 'draft', 'record'],
  ['document-number', '一、1', 'draft', 'record'],
  ['first-generation-id-card', '一、1', 'draft', 'record'],
  ['document-holder', '二、(二)1.(5)', 'draft', 'record'],
  ['principal-role', '一、1.(3)', 'draft', 'record'],
  ['uscc-category', '一、1.(1)', 'draft', 'record'],
  ['fallback-document', '一、1.(1)(2)', 'draft', 'record'],
  ['required-contacts', '一、2', 'draft', 'record'],
  ['contact-format', '一、2', 'draft', 'record'],
  ['domain-format', '一、3', 'draft', 'record'],
  ['owner-domain-consistency', '二、(二)1.(5)', 'draft', 'record'],
  ['restricted-domain', '一、3', 'draft', 'record'],
  ['pre-approval', '一、3', 'draft', 'record'],
  ['ip-address', '一、4', 'draft', 'record'],
  ['duplicate-domain', '一、3', 'draft', 'record'],
  ['pre-verification-deadline', '二、(二)1.(2)', 'verified', 'record'],
  ['notification-message', '二、(二)1.(2)', 'verified', 'record'],
  ['on-site-deadline', '二、(二)1.(2)', 'verified', 'record'],
  ['on-site-attendance', '二、(二)1.(3)', 'verified', 'record'],
  ['photo-spec', '二、(二)1.(4)', 'verified', 'record'],
  ['document-verification', '二、(二)1.(5)', 'verified', 'record'],
  ['verification-form', '二、(二)1.(6)', 'verified', 'record'],
  ['contract-clause', '三、(一)3', 'verified', 'record'],
  ['submission-order', '二、(二)', 'verified', 'record'],
  ['bureau-region', '二、(二)1.(7)', 'submitted', 'record'],
  ['bureau-review-deadline', '二、(二)2', 'approved', 'record'],
  ['stage-consistency', '二、(二)1–2', 'draft', 'record'],
  ['filing-number', '二、(二)2', 'approved', 'record'],
  ['retention-period', '三、(一)4', 'verified', 'record'],
  ['whitespace', 'whole', 'draft', 'record'],
  ['control-characters', 'whole', 'draft', 'record'],
  ['batch-duplicate-filing-id', '', 'draft', 'batch'],
  ['batch-duplicate-domain', '', 'draft', 'batch'],
  ['batch-identity-conflict', '', 'draft', 'batch'],
  ['batch-shared-mobile', '', 'draft', 'batch'],
  ['parse-error', 'whole', 'draft', 'source'],
];

const ruleSet = bundledRuleSet();

/** The "Rule ids" section of the contract, ../shared/spec/filing-format.md. */
function ruleTable(): string {
  const spec = readFileSync(new URL('../../../shared/spec/filing-format.md', import.meta.url), 'utf8');
  return spec.slice(spec.indexOf('## Rule ids'));
}

describe('the contract rule ids', () => {
  it.each(CONTRACT)('%s exists with its clause, stage and scope', (id, clause, appliesFrom, scope) => {
    const rule = ruleSet.byId.get(id);
    expect(rule, `rules/${id}.yaml`).toBeDefined();
    if (clause) expect(rule!.clause).toBe(clause);
    else expect(rule!.clause.length).toBeGreaterThan(0);
    expect(rule!.appliesFrom).toBe(appliesFrom);
    expect(rule!.scope).toBe(scope);
  });

  it.each([
    ['uscc-category', 'warning'],
    ['fallback-document', 'info'],
    ['batch-shared-mobile', 'warning'],
    // 1.1: the bureau's own deadline is its duty, not the provider's.
    ['bureau-review-deadline', 'warning'],
    ['whitespace', 'warning'],
    ['control-characters', 'error'],
  ])('%s has the default severity the contract gives it (%s)', (id, severity) => {
    expect(ruleSet.byId.get(id)?.severity).toBe(severity);
  });

  it('every record rule of the contract\'s table has the clause and first stage the table gives it', () => {
    const rows = [...ruleTable().matchAll(/^\| `([a-z0-9-]+)` \| .*? \| (.*?) \| (draft|verified|submitted|approved) \|$/gm)];
    expect(rows.length).toBeGreaterThan(30);
    for (const [, id, clause, appliesFrom] of rows) {
      const rule = ruleSet.byId.get(id!);
      expect(rule, id).toBeDefined();
      expect({ id, clause: rule!.clause, appliesFrom: rule!.appliesFrom }).toEqual({ id, clause, appliesFrom });
    }
  });

  it('every rule id of the contract\'s rule table is in this list, and so is every bundled rule', () => {
    const specIds = [...ruleTable().matchAll(/^\| `([a-z0-9-]+)` \|/gm)].map((m) => m[1]!);
    const listed = new Set(CONTRACT.map(([id]) => id));
    expect(specIds.filter((id) => !listed.has(id))).toEqual([]);
    // duplicate-key and unused-directive are the project's own additions: source rules the contract does not name.
    expect(ruleSet.rules.map((r) => r.id).filter((id) => !listed.has(id))).toEqual(['duplicate-key', 'unused-directive']);
  });

  it('every rule has zh-CN and en text for its title, description and each message', () => {
    for (const rule of ruleSet.rules) {
      for (const text of [rule.title, rule.description, ...Object.values(rule.messages)]) {
        expect(text['zh-CN'], rule.id).toMatch(/\S/);
        expect(text.en, rule.id).toMatch(/\S/);
      }
    }
  });
});
