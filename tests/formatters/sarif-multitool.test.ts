import { execFileSync } from 'node:child_process';
import { accessSync, constants, copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { Collected } from '../support/cli.js';

// GitHub code scanning rejects or hides what the SARIF multitool flags with its GitHub rule kinds
// (a rule without help, a location that is not a file path), so a real run's report is validated
// with it, when @microsoft/sarif-multitool has installed its binary for this platform.

const EXAMPLES = fileURLToPath(new URL('../../examples/', import.meta.url));
const DEFECTS = fileURLToPath(new URL('../../examples/individual-defects.yaml', import.meta.url));

/** The validator's own executable; the package's index names the one of this platform's package. */
function multitoolBinary(): string | undefined {
  try {
    const binary = createRequire(import.meta.url)('@microsoft/sarif-multitool') as string;
    accessSync(binary, constants.X_OK);
    return binary;
  } catch {
    return undefined;
  }
}

const MULTITOOL = multitoolBinary();

interface ValidatorFinding {
  ruleId: string;
  level: string;
  message: { id?: string; text?: string; arguments?: string[] };
}

/**
 * The validator's findings of level error on a SARIF file, each as one readable line. The binary
 * is run directly: the package's `sarif-multitool` command passes its arguments through a shell,
 * which splits `--rule-kind Sarif;Gh` at the semicolon.
 */
function validationErrors(sarifFile: string, dir: string): string[] {
  const log = join(dir, 'validation.sarif');
  execFileSync(MULTITOOL!, ['validate', '--rule-kind', 'Sarif;Gh', '--output', log, sarifFile], { stdio: 'pipe' });
  const findings = (JSON.parse(readFileSync(log, 'utf8').replace(/^\uFEFF/, '')) as { runs: Array<{ results?: ValidatorFinding[] }> }).runs[0]!.results ?? [];
  return findings.filter((f) => f.level === 'error').map((f) => [f.ruleId, f.message.id ?? f.message.text, ...(f.message.arguments ?? [])].join(' '));
}

describe.skipIf(!MULTITOOL)('sarif-multitool validate --rule-kind "Sarif;Gh"', () => {
  for (const locale of ['en', 'zh-CN'] as const) {
    it(`finds no error in the report of a real run (${locale})`, { timeout: 120_000 }, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'beianlint-sarif-'));
      // A file outside the working directory, with a name that must not read as a URI scheme or fragment.
      const outside = join(dir, 'x:y #1.yaml');
      copyFileSync(DEFECTS, outside);
      const report = join(dir, 'report.sarif');
      const stderr = new Collected();
      const status = await main(['--no-config', '--locale', locale, '-f', 'sarif', '-o', report, EXAMPLES, outside], { stdout: new Collected(), stderr });
      expect({ status, stderr: stderr.text }).toEqual({ status: 1, stderr: '' });
      const sarif = JSON.parse(readFileSync(report, 'utf8'));
      expect(sarif.runs[0].results.length).toBeGreaterThan(10);
      expect(validationErrors(report, dir)).toEqual([]);
    });
  }

  it('reports a rule table without help, so a passing report means something', { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'beianlint-sarif-'));
    const report = join(dir, 'report.sarif');
    await main(['--no-config', '--locale', 'en', '-f', 'sarif', '-o', report, DEFECTS], { stdout: new Collected(), stderr: new Collected() });
    const sarif = JSON.parse(readFileSync(report, 'utf8'));
    for (const rule of sarif.runs[0].tool.driver.rules) delete rule.help;
    const stripped = join(dir, 'stripped.sarif');
    writeFileSync(stripped, JSON.stringify(sarif));
    const errors = validationErrors(stripped, dir);
    expect(errors.length).toBe(sarif.runs[0].tool.driver.rules.length);
    expect(errors[0]).toMatch(/^GH2012 /);
  });
});
