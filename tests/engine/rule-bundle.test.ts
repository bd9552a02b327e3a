import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundledRuleSet, loadRuleDir, RULE_BUNDLE } from '../../src/engine/rules.js';
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
});
