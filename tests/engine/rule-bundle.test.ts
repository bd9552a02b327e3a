import { existsSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledRuleSet, loadRuleDir, RULE_BUNDLE, ruleBundleIsCurrent } from '../../src/engine/rules.js';
import { rulesDir } from '../../src/package-files.js';

// A run loads the bundled rules from dist/rules.bundle.json (written by the
// build) when it matches rules/; it must then hold exactly what the YAML says.
describe('the rule bundle', () => {
  it('exists after the build and loads the same rules as the YAML files', () => {
    expect(existsSync(RULE_BUNDLE), 'npm test builds first; run npm run build').toBe(true);
    const fromBundle = bundledRuleSet().rules;
    const fromYaml = loadRuleDir(rulesDir, { trusted: true });
    const plain = ({ definition, validate, validateOptions, ...rest }: (typeof fromYaml)[number]) => ({
      ...rest,
      check: rest.check,
      hasDefinition: definition !== undefined,
      hasValidate: validate !== undefined,
      hasOptionsValidator: validateOptions !== undefined,
    });
    expect(fromBundle.map(plain)).toEqual(fromYaml.map(plain));
  });

  it('is current by the rule files\' content, whatever their times (npm packs every file with one date)', () => {
    const file = join(rulesDir, 'schema.yaml');
    const { atime, mtime } = statSync(file);
    try {
      utimesSync(file, new Date('1985-10-26T08:15:00Z'), new Date('1985-10-26T08:15:00Z'));
      expect(ruleBundleIsCurrent()).toBe(true);
    } finally {
      utimesSync(file, atime, mtime);
    }
  });
});

describe('validators compiled at build time', async () => {
  const { readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { precompiledValidator, schemaStamp, createAjv } = await import('../../src/schema/ajv.js');
  const { packageRoot, schemasDir } = await import('../../src/package-files.js');
  const file = join(packageRoot, 'dist', 'validators.cjs');
  const text = readFileSync(join(schemasDir, 'filing.schema.json'), 'utf8');

  it('are used for the filing schema as built, and give the same verdicts as a fresh compile', () => {
    const built = precompiledValidator(file, 'filing', schemaStamp(text));
    expect(built, 'npm test builds first; run npm run build').toBeDefined();
    const fresh = createAjv().compile(JSON.parse(text) as object);
    const record = JSON.parse(readFileSync(new URL('../fixtures/records/enterprise-approved.json', import.meta.url), 'utf8'));
    for (const r of [record, { ...record, stage: 'pending' }, { ...record, owner: 5 }, {}]) {
      expect(built!(r)).toBe(fresh(r));
      expect(built!.errors ?? null).toEqual(fresh.errors ?? null);
    }
  });

  it('are ignored once the schema changed since the build', () => {
    expect(precompiledValidator(file, 'filing', schemaStamp(text + ' '))).toBeUndefined();
  });
});
