// One linter per config file, as the CLI would build it from the document's
// folder: the config is found from that folder upward. Made again when a
// config or rule file changes, and when the day changes (date rules judge
// against the day the linter was made on).
import { dirname } from 'node:path';
import { createLinter, findConfigFile, linterFor, recipeOf, type Linter, type Locale } from '../engine/index.js';

export interface LinterChoice {
  /** The linter createLinter made for the config (its ignores, its batch rules). */
  base: Linter;
  /** The linter for the file itself: `base` with the config's overrides for it applied. */
  linter: Linter;
  configFile?: string;
}

/** The day in Beijing, as the date rules count days. */
function beijingDay(now: Date): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

export class Linters {
  private readonly byConfig = new Map<string, Linter>();
  private readonly configByFolder = new Map<string, string | undefined>();
  private day = '';
  /** Counts the clears: what was worked out from a linter (ignored files) holds within one generation. */
  generation = 0;

  constructor(private readonly options: { fallbackLocale: Locale; redact: boolean; now?: () => Date }) {}

  /** Config or rule files changed: every linter is made again on next use. */
  clear(): void {
    this.generation++;
    this.byConfig.clear();
    this.configByFolder.clear();
  }

  /** The linter for a file; a configuration problem is thrown as the CLI's ConfigurationError. */
  forFile(filePath: string): LinterChoice {
    const { base, configFile } = this.forFolder(dirname(filePath));
    return { base, linter: linterFor(base, filePath), ...(configFile ? { configFile } : {}) };
  }

  /** The linter a run from `folder` makes, as `beianlint` run there would: the config found from it upward. */
  forFolder(folder: string): { base: Linter; configFile?: string } {
    const now = this.options.now?.() ?? new Date();
    const today = beijingDay(now);
    if (today !== this.day) {
      this.clear();
      this.day = today;
    }
    if (!this.configByFolder.has(folder)) this.configByFolder.set(folder, findConfigFile(folder));
    const configFile = this.configByFolder.get(folder);
    const key = configFile ?? '';
    let base = this.byConfig.get(key);
    if (!base) {
      base = createLinter({ cwd: folder, config: configFile ?? false, fallbackLocale: this.options.fallbackLocale, redact: this.options.redact, now });
      this.byConfig.set(key, base);
    }
    return { base, ...(configFile ? { configFile } : {}) };
  }

  /** The rule folders of the linters made so far, to watch. */
  ruleDirs(): string[] {
    const dirs = new Set<string>();
    for (const linter of this.byConfig.values()) {
      // The recipe's rule folders are absolute, as the config resolved them.
      for (const dir of recipeOf(linter)?.config.ruleDirs ?? []) dirs.add(dir);
    }
    return [...dirs];
  }
}
