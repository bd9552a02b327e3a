// The workspace's filing files as the batch rules see them when the server
// lints one document: the files a run of the workspace folders
// (`beianlint <folder> …`) reads before it, each with its batch keys. Keys
// are digests and positions only, kept per file until the file changes.
import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { effectiveConfigOf } from '../engine/create.js';
import { isFilingFile, type BatchRuleSet, type Linter } from '../engine/index.js';
import { decodeSource } from '../input/read-file.js';
import { textSource } from '../input/record-source.js';
import type { SourceItem } from '../input/index.js';
import { firstLineOf, UnitKeysBuilder, type UnitKeys } from '../runner/batch.js';
import { expandPaths } from '../runner/index.js';
import type { EarlierFile } from './lint-document.js';

/** Workspace files larger than this are left out of the batch comparison (the CLI still compares them). */
export const WORKSPACE_FILE_BYTES = 4 * 1024 * 1024;
/** At most this many workspace files, the first in a run's order, are compared with a document. */
export const WORKSPACE_FILES = 2000;

/** A text's batch keys as a unit of the run gives them. */
export function keysOfText(filePath: string, text: string, rules: BatchRuleSet): UnitKeys {
  const builder = new UnitKeysBuilder();
  for (const item of textSource(filePath, text).read().items as Iterable<SourceItem>) {
    if (item.kind !== 'record') continue;
    if (builder.addKeys(rules, item.value) > 0) builder.addRecord(item.index, firstLineOf(item), -1);
  }
  const keys = builder.keys();
  return { records: keys.records.slice(), rows: keys.rows.slice() };
}

function inside(folder: string, filePath: string): boolean {
  const rel = relative(folder, filePath);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/** An editor's text of a file and its version. */
export interface OpenText {
  text: string;
  version: number;
}

interface KeptKeys {
  stamp: string;
  keys: UnitKeys;
}

export class WorkspaceFiles {
  private roots: string[] = [];
  /** Each folder's files, by folder and ignore patterns. */
  private readonly listed = new Map<string, Promise<string[]>>();
  /** Keys per linter (its batch rules number the keys), then per file. */
  private readonly keys = new WeakMap<Linter, Map<string, KeptKeys>>();

  setRoots(roots: readonly string[]): void {
    this.roots = roots.map((r) => resolve(r));
    this.listed.clear();
  }

  /** The workspace folder a file lies in, if any. */
  rootOf(filePath: string): string | undefined {
    return this.roots.find((root) => inside(root, filePath));
  }

  /** A filing file was made or removed: the folders are listed again. */
  filesChanged(): void {
    this.listed.clear();
  }

  /** The workspace folders, in order. */
  get folders(): readonly string[] {
    return this.roots;
  }

  /** The filing files a run of `root` lints, in its order: the config's ignores and `files` applied. */
  async filingFiles(root: string, linter: Linter): Promise<string[]> {
    return this.list(root, linter);
  }

  private async list(root: string, linter: Linter): Promise<string[]> {
    const ignores = effectiveConfigOf(linter)?.ignores ?? [];
    const key = `${root}\0${JSON.stringify(ignores)}\0${JSON.stringify(effectiveConfigOf(linter)?.files)}`;
    let listing = this.listed.get(key);
    if (!listing) {
      // A folder with no filing file, or all of it ignored, is an error to the CLI and nothing here.
      // Only the filing files, as only they are linted here (isFilingFile): a project's package.json holds no record to compare.
      listing = expandPaths([root], root, { ignores })
        .then((files) => files.filter((f) => isFilingFile(linter, f)))
        .catch(() => []);
      this.listed.set(key, listing);
    }
    return listing;
  }

  /**
   * The files a run of every workspace folder reads before `filePath`, with
   * their keys: the folders in order, each one's files sorted, as the CLI
   * walks them. `openText` gives an editor's text of a file, which wins over
   * the disk. `base` is the linter createLinter made (its variants share its
   * batch rules).
   */
  async earlierFiles(filePath: string, base: Linter, openText: (filePath: string) => OpenText | undefined): Promise<EarlierFile[]> {
    const at = this.roots.findIndex((root) => inside(root, filePath));
    if (at < 0) return [];
    const before: string[] = [];
    for (let i = 0; i <= at && before.length < WORKSPACE_FILES; i++) {
      const files = await this.list(this.roots[i]!, base);
      before.push(...(i < at ? files : files.filter((f) => f < filePath)));
    }
    const rules = base.batchRules();
    let kept = this.keys.get(base);
    if (!kept) this.keys.set(base, (kept = new Map()));
    const out: EarlierFile[] = [];
    for (const file of before.slice(0, WORKSPACE_FILES)) {
      const earlier = await this.keysOf(file, rules, kept, openText(file));
      if (earlier) out.push(earlier);
    }
    return out;
  }

  private async keysOf(filePath: string, rules: BatchRuleSet, kept: Map<string, KeptKeys>, held: OpenText | undefined): Promise<EarlierFile | undefined> {
    const open = held?.text;
    let stamp: string;
    if (held) {
      if (held.text.length > WORKSPACE_FILE_BYTES) return undefined;
      // An editor's version counts its changes; the length tells a buffer closed and opened again apart.
      stamp = `open:${held.version}:${held.text.length}`;
    } else {
      const info = statOf(filePath);
      if (!info || info.size > WORKSPACE_FILE_BYTES) return undefined;
      stamp = `disk:${info.mtimeMs}:${info.size}`;
    }
    const known = kept.get(filePath);
    if (known?.stamp === stamp) return { filePath, keys: known.keys, ...(open !== undefined ? { text: open } : {}) };
    const text = open ?? (await diskText(filePath));
    if (text === undefined) return undefined;
    const keys = keysOfText(filePath, text, rules);
    kept.set(filePath, { stamp, keys });
    return { filePath, keys, ...(open !== undefined ? { text: open } : {}) };
  }
}

function statOf(filePath: string): { size: number; mtimeMs: number } | undefined {
  try {
    return statSync(filePath);
  } catch {
    return undefined;
  }
}

async function diskText(filePath: string): Promise<string | undefined> {
  const bytes = await readFile(filePath).catch(() => undefined);
  if (!bytes) return undefined;
  const decoded = decodeSource(bytes);
  return decoded.ok ? decoded.text : undefined;
}

