// Re-linting one open filing in the engine (issue 5: ≤ 20 ms): an editor keeps
// one linter and lints the buffer again on each change. Creates the linter,
// lints the canonical enterprise record 5 times to warm up, then 21 times,
// and prints the median and the first (cold) lint in milliseconds as JSON.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const file = join(root, 'tests/fixtures/records/enterprise-approved.json');
const text = readFileSync(file, 'utf8');
const { createLinter, lintText } = await import(join(root, 'dist/index.js'));

const t0 = performance.now();
const linter = createLinter({ config: false, cwd: root });
const t1 = performance.now();
lintText(text, { filePath: file, linter });
const t2 = performance.now();
for (let k = 0; k < 5; k++) lintText(text, { filePath: file, linter });
const times = [];
for (let k = 0; k < 21; k++) {
  // A small edit each time, as in an editor, so nothing can be cached by text.
  const edited = text.replace('"F-2026-0001"', `"F-2026-${String(k).padStart(4, '0')}"`);
  const s = performance.now();
  lintText(edited, { filePath: file, linter });
  times.push(performance.now() - s);
}
times.sort((a, b) => a - b);
process.stdout.write(JSON.stringify({ createLinterMs: t1 - t0, firstLintMs: t2 - t1, medianMs: times[10] }) + '\n');
