import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WHOLE_READ_BYTES } from '../../src/input/record-source.js';
import { lintFiles } from '../../src/runner/index.js';
import { TEST_NOW } from '../support/lint.js';

// Reading a file whole holds its text and all parsed from it at once; a YAML
// document's nodes take many times its size. Past WHOLE_READ_BYTES such a file
// is refused unread (issue 21: a 124 MB YAML file took the run out of memory),
// with advice to export JSONL; peak memory is measured in the benchmark.
describe('files too large to read whole', () => {
  it('are refused unread when YAML, or JSON that is not one array, with advice to export JSONL', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'beianlint-whole-'));
    const yamlLine = 'remarks: "a filing record would be here"\n';
    writeFileSync(join(dir, 'big.yaml'), yamlLine.repeat(Math.ceil((WHOLE_READ_BYTES.yaml + 1024) / yamlLine.length)));
    writeFileSync(join(dir, 'big-object.json'), `{"remarks": "${'x'.repeat(WHOLE_READ_BYTES.json + 1024)}"}`);
    const results = await lintFiles(['big.yaml', 'big-object.json'], { config: false, cwd: dir, now: TEST_NOW });
    for (const result of results) {
      expect(result.messages, result.filePath).toEqual([expect.objectContaining({ ruleId: 'parse-error', severity: 'error', line: 1 })]);
      expect(result.messages[0]!.message).toContain('export large batches as JSONL');
    }
    expect(results[1]!.messages[0]!.message).toContain('it does not start with [');
  });

  it('leave a YAML file within the limit to be read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'beianlint-whole-'));
    writeFileSync(join(dir, 'small.yaml'), 'schemaVersion: 1\nfilingId: S-1\n');
    const [result] = await lintFiles(['small.yaml'], { config: false, cwd: dir, now: TEST_NOW });
    expect(result!.messages.some((m) => m.ruleId === 'schema')).toBe(true);
    expect(result!.messages.some((m) => m.ruleId === 'parse-error')).toBe(false);
  });
});
