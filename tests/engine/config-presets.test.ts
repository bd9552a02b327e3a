import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { effectiveConfigOf } from '../../src/engine/create.js';
import { BATCH_RULE_IDS, PRESETS } from '../../src/engine/presets.js';
import { bundledRuleSet, createLinter } from '../../src/engine/index.js';

// The built-in presets: what each sets against the bundled rules, as its comment in src/engine/presets.ts says.

/** Each rule's severity under a preset, against the bundled rules with no config at all. */
function severitiesUnder(preset: string | undefined): Record<string, string> {
  const config = effectiveConfigOf(createLinter({ config: preset ? { extends: preset } : false }))!;
  return Object.fromEntries(Object.entries(config.rules).map(([id, { severity }]) => [id, severity]));
}

/** The rules a preset sets to something other than bundled, with what it sets. */
function differences(preset: string): Record<string, string> {
  const bundled = severitiesUnder(undefined);
  return Object.fromEntries(Object.entries(severitiesUnder(preset)).filter(([id, severity]) => bundled[id] !== severity));
}

describe('built-in presets', () => {
  it('lists every bundled batch rule as a batch rule, and nothing else', () => {
    const batchRules = bundledRuleSet()
      .rules.filter((rule) => rule.scope === 'batch')
      .map((rule) => rule.id);
    expect([...BATCH_RULE_IDS].sort()).toEqual(batchRules.sort());
  });

  it('recommended is the bundled severities, setting none of its own', () => {
    expect(differences('beianlint:recommended')).toEqual({});
    // Set, a severity would override the lower one some of a rule's own messages carry.
    expect(PRESETS['beianlint:recommended']!.rules).toEqual({});
  });

  it("provider turns off only the bureau's own deadline", () => {
    expect(differences('beianlint:provider')).toEqual({ 'bureau-review-deadline': 'off' });
  });

  it("bureau makes every batch rule and the bureau's deadline an error", () => {
    const bureau = severitiesUnder('beianlint:bureau');
    for (const id of [...BATCH_RULE_IDS, 'bureau-review-deadline']) expect(bureau[id], id).toBe('error');
    expect(Object.keys(differences('beianlint:bureau')).sort()).toEqual(['batch-shared-mobile', 'bureau-review-deadline']);
  });
});

describe('a severity a preset gives', () => {
  it("is the rule's default: the rule's own lower severity for one of its messages still holds, as it does not for the user's", async () => {
    const { Linter } = await import('../../src/engine/index.js');
    const { lintTextWith } = await import('../support/lint.js');
    const { patched } = await import('../support/records.js');
    // An abolished region code is a warning from a rule whose other messages are errors.
    const text = JSON.stringify(patched('enterprise-approved', { set: { '/owner/regionCode': '110103' } }));
    const severityWith = (settings: { defaults?: Record<string, 'error'>; rules?: Record<string, 'error'> }) =>
      lintTextWith(new Linter({ ruleSet: bundledRuleSet(), ...settings }), text, '/virtual/r.json', 'json').messages.filter((m) => m.ruleId === 'region-code').map((m) => m.severity);
    expect(severityWith({})).toEqual(['warning']);
    expect(severityWith({ defaults: { 'region-code': 'error' } })).toEqual(['warning']);
    expect(severityWith({ rules: { 'region-code': 'error' } })).toEqual(['error']);
  });

  it('loses to a rule setting the config file writes itself, and wins over one a file extended before it', () => {
    const own = effectiveConfigOf(createLinter({ config: { extends: 'beianlint:provider', rules: { 'bureau-review-deadline': 'warning' } } }))!;
    expect(own.rules['bureau-review-deadline']!.severity).toBe('warning');
    const dir = mkdtempSync(join(tmpdir(), 'beianlint-preset-'));
    writeFileSync(join(dir, 'base.yaml'), 'rules:\n  bureau-review-deadline: warning\n');
    const later = effectiveConfigOf(createLinter({ cwd: dir, config: { extends: ['./base.yaml', 'beianlint:bureau'] } }))!;
    expect(later.rules['bureau-review-deadline']!.severity).toBe('error');
  });
});
