// Part of `npm run build`: validates every bundled rule file with the engine's
// own loader (a defective rule file fails the build with file:line) and writes
// dist/rules.bundle.json, which runs then load instead of the YAML.
import { writeFileSync } from 'node:fs';
import { RULE_BUNDLE, serializeRuleBundle } from '../dist/engine/rules.js';

try {
  writeFileSync(RULE_BUNDLE, serializeRuleBundle());
} catch (e) {
  console.error(`bundle-rules: ${e.message}`);
  process.exit(1);
}
