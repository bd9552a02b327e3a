// A real editor as the client: headless Neovim (0.7 or later, its built-in
// LSP client, no plugins) opens a filing, shows beianlint's diagnostics,
// applies a code action and asks for a hover.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILT, ROOT, SERVER_BIN, filingsFolder } from './harness.js';

const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
const version = /NVIM v(\d+)\.(\d+)/.exec(nvim.stdout ?? '');
const usable = version !== null && (Number(version[1]) > 0 || Number(version[2]) >= 7);
const reason = !usable ? 'nvim 0.7 or later is not installed (.ci/run installs Debian\'s neovim where apt is available)' : !BUILT ? 'the server is not built (npm run build)' : '';

describe.skipIf(reason !== '')(`Neovim as the client${reason ? ` (skipped: ${reason})` : ''}`, () => {
  it('gets the diagnostics, applies a code action and gets a hover', () => {
    const dir = filingsFolder('lsp-nvim-');
    const file = join(dir, 'filing.yaml');
    copyFileSync(join(ROOT, 'examples', 'individual-defects.yaml'), file);
    const out = join(dir, 'result.json');
    const run = spawnSync('nvim', ['--headless', '--clean', '-n', '-S', join(ROOT, 'tests', 'fixtures', 'lsp', 'neovim-client.lua')], {
      env: { ...process.env, BEIANLINT_SERVER: SERVER_BIN, BEIANLINT_FILE: file, BEIANLINT_OUT: out },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(readFileSync(out, 'utf8')) as { diagnostics: Array<{ source: string; code: string; message: string }>; applied?: string; lines: string[]; hover?: string; errors: string[] };
    expect(result.errors).toEqual([]);
    expect(result.diagnostics.map((d) => d.source)).toContain('beianlint');
    // examples/README.md: four errors, one warning, one info.
    expect(result.diagnostics).toHaveLength(6);
    // The first problem (a wrong check character) has no fix: what is offered is to disable the rule for its line.
    expect(result.applied).toBe('Disable document-number for this line');
    const original = readFileSync(join(ROOT, 'examples', 'individual-defects.yaml'), 'utf8').split('\n');
    expect(result.lines).toEqual([...original.slice(0, 15), '    # beianlint-disable-next-line document-number', ...original.slice(15, -1)]);
    expect(result.hover).toContain('Filing id');
  });
});
