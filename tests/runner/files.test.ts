import { copyFileSync, mkdirSync, mkdtempSync, realpathSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLinter } from '../../src/engine/index.js';
import { expandPaths, lintFiles } from '../../src/runner/index.js';
import { TEST_NOW } from '../support/lint.js';

const RECORD = new URL('../fixtures/records/enterprise-approved.json', import.meta.url);

/** A project whose `records/` folder holds one filing, with `links` (name → target) made inside `records/`. */
function project(links: Record<string, string>): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'beianlint-files-')));
  mkdirSync(join(dir, 'records'));
  copyFileSync(RECORD, join(dir, 'records', 'a.json'));
  for (const [name, target] of Object.entries(links)) symlinkSync(target, join(dir, 'records', name));
  return dir;
}

describe('expandPaths', () => {
  it('lists a file reached through a link to its own folder once, by the path it was first reached by', async () => {
    const dir = project({ self: '.' });
    expect(await expandPaths(['records/**/*.json'], dir)).toEqual([join(dir, 'records', 'a.json')]);
  });

  it('does not walk a link to a parent folder round and round', async () => {
    const dir = project({ up: '..' });
    expect(await expandPaths(['records/**/*.json'], dir)).toEqual([join(dir, 'records', 'a.json')]);
  });

  it('does not double its walk at every level when a folder links to itself and to its parent', async () => {
    const dir = project({ self: '.', up: '..' });
    expect(await expandPaths(['records/**/*.json'], dir)).toEqual([join(dir, 'records', 'a.json')]);
  });

  it('does not walk two folders that link to each other round and round', async () => {
    const dir = project({});
    mkdirSync(join(dir, 'records', 'one'));
    mkdirSync(join(dir, 'records', 'two'));
    copyFileSync(RECORD, join(dir, 'records', 'two', 'b.json'));
    symlinkSync('../two', join(dir, 'records', 'one', 'to-two'));
    symlinkSync('../one', join(dir, 'records', 'two', 'to-one'));
    expect(await expandPaths(['records/**/*.json'], dir)).toEqual([
      join(dir, 'records', 'a.json'),
      join(dir, 'records', 'one', 'to-two', 'b.json'),
    ]);
  });

  it('still follows a link to a folder that is no loop', async () => {
    const dir = project({ elsewhere: '../elsewhere', 'b.json': '../elsewhere/b.json' });
    mkdirSync(join(dir, 'elsewhere'));
    copyFileSync(RECORD, join(dir, 'elsewhere', 'b.json'));
    copyFileSync(RECORD, join(dir, 'elsewhere', 'c.json'));
    // b.json is reached twice (a link to it, and through the linked folder): the first path wins.
    expect(await expandPaths(['records/**/*.json'], dir)).toEqual([
      join(dir, 'records', 'a.json'),
      join(dir, 'records', 'b.json'),
      join(dir, 'records', 'elsewhere', 'c.json'),
    ]);
  });

  it('lists a file named twice, through a linked folder or two patterns, once', async () => {
    const dir = project({ self: '.' });
    const first = join(dir, 'records', 'a.json');
    expect(await expandPaths(['records', 'records/self'], dir)).toEqual([first]);
    expect(await expandPaths(['records/a.json', 'records/self/a.json', 'records/../records/a.json'], dir)).toEqual([first]);
    expect(await expandPaths(['records/self/a.json', 'records/*.json'], dir)).toEqual([join(dir, 'records', 'self', 'a.json')]);
  });
});

describe('a run over a folder with a link loop', () => {
  it('lints the looped file once: no filing repeats itself', async () => {
    const dir = project({ self: '.' });
    const linter = createLinter({ config: false, now: TEST_NOW, cwd: dir });
    const results = await lintFiles(['records/**/*.json'], { linter, cwd: dir });
    expect(results.map((r) => r.filePath)).toEqual([join(dir, 'records', 'a.json')]);
    expect(results[0]!.messages.filter((m) => m.ruleId === 'batch-duplicate-filing-id')).toEqual([]);
  });
});
