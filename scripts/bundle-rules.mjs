// Part of `npm run build`: validates every bundled rule file with the engine's
// own loader (a defective rule file fails the build with file:line), writes
// dist/rules.bundle.json, which runs then load instead of the YAML, and
// dist/validators.cjs, the filing schema and the schema rules compiled to
// plain functions so a run need not load or run ajv's compiler.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../dist/package-files.js';
import { RULE_BUNDLE, precompiledValidatorsSource, serializeRuleBundle } from '../dist/engine/rules.js';

try {
  writeFileSync(RULE_BUNDLE, serializeRuleBundle());
  writeFileSync(join(packageRoot, 'dist', 'validators.cjs'), precompiledValidatorsSource());
} catch (e) {
  console.error(`bundle-rules: ${e.message}`);
  process.exit(1);
}
