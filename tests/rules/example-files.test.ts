import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { testLinter, lintTextWith } from '../support/lint.js';

// examples/README.md promises what each bundled example reports; a newcomer's
// first run is on these files, so the promise is held here, finding by finding.
const EXAMPLES = new URL('../../examples/', import.meta.url);

function findings(name: string, format: 'json' | 'jsonl' | 'yaml', locale: 'en' | 'zh-CN' = 'en'): string[] {
  const text = readFileSync(new URL(name, EXAMPLES), 'utf8');
  const result = lintTextWith(testLinter({ locale }), text, `examples/${name}`, format);
  return result.messages.map((m) => `${m.record} ${m.severity} ${m.ruleId} ${m.path}`);
}

describe('the bundled examples report what examples/README.md says', () => {
  it('enterprise-clean.json is clean', () => {
    expect(findings('enterprise-clean.json', 'json')).toEqual([]);
  });

  it('hmt-and-overseas-principals.yaml: a Hong Kong resident, a Taiwan resident and a 华侨 get one info each, nothing else', () => {
    const expected = [
      '0 info fallback-document /principal/document/type',
      '1 info fallback-document /owner/document/type',
      '2 info fallback-document /principal/document/type',
    ];
    expect(findings('hmt-and-overseas-principals.yaml', 'yaml')).toEqual(expected);
    expect(findings('hmt-and-overseas-principals.yaml', 'yaml', 'zh-CN')).toEqual(expected);
  });

  it('individual-defects.yaml: its planted defects and nothing else', () => {
    expect(findings('individual-defects.yaml', 'yaml').sort()).toEqual(
      [
        '0 error document-number /owner/document/number',
        '0 error principal-role /principal/document/type',
        '0 info fallback-document /principal/document/type',
        '0 error required-contacts /principal/contacts/email',
        '0 warning whitespace /websites/0/domains/0/name',
        '0 error ip-address /websites/0/access/ips/0',
      ].sort(),
    );
  });

  it('government.yml is clean: a legal-person certificate carrying a credit code is a first choice (1.1)', () => {
    expect(findings('government.yml', 'yaml')).toEqual([]);
  });
});
