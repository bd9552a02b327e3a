import { lstat, realpathSync, stat as statCallback, type Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { SUPPORTED_EXTENSIONS } from '../input/index.js';
import { ConfigurationError } from '../engine/types.js';
import { CONFIG_FILE_NAMES, type IgnorePatterns } from '../engine/config.js';

// A config file sits among the filings it configures, and is no filing.
const IGNORE = ['**/node_modules/**', '**/.git/**', ...CONFIG_FILE_NAMES.map((name) => `**/${name}`)];
const EXT_GLOB = `**/*.{${SUPPORTED_EXTENSIONS.map((e) => e.slice(1)).join(',')}}`;

/**
 * Where the paths a walk reaches really are, so that a file reached twice
 * (a link to it, a link to its folder, a loop) is linted once: linted twice,
 * its records would be reported as repeats of themselves by the batch rules.
 */
class RealPaths {
  private readonly folders = new Map<string, string>();
  /** Paths the walk found to be links: only these can be elsewhere than their folder's real path says. */
  private readonly links = new Set<string>();

  /** The real path of a folder, or its own path when it cannot be resolved (gone, or not readable). */
  folder(path: string): string {
    let real = this.folders.get(path);
    if (real === undefined) {
      try {
        real = realpathSync.native(path);
      } catch {
        real = path;
      }
      this.folders.set(path, real);
    }
    return real;
  }

  /** A file's real path. A file that is no link is where its folder really is, which is asked once per folder. */
  file(path: string, maybeLink = this.links.has(path)): string {
    if (!maybeLink) return join(this.folder(dirname(path)), basename(path));
    try {
      return realpathSync.native(path);
    } catch {
      return path;
    }
  }

  /**
   * fast-glob's `stat`, which it calls for each link it follows. A link to a
   * folder on its own path (itself, a parent, or a folder whose link led
   * here) would be walked round and round, once per level until the path is
   * too long, and two such links double the walk at every level; it is given
   * the link's own lstat, so the walk sees a link, not a folder, and stops.
   */
  readonly stat = ((path: string, callback: (error: NodeJS.ErrnoException | null, stats: Stats) => void) => {
    const absolute = resolve(path);
    this.links.add(absolute);
    statCallback(absolute, (error, stats) => {
      if (error || !stats.isDirectory() || !this.closesLoop(absolute)) callback(error, stats);
      else lstat(absolute, callback);
    });
  }) as typeof statCallback;

  private closesLoop(link: string): boolean {
    const target = this.folder(link);
    for (let folder = dirname(link); ; folder = dirname(folder)) {
      if (this.folder(folder) === target) return true;
      if (dirname(folder) === folder) return false;
    }
  }
}

/** What a run leaves out: the config's `ignores` and `--ignore-pattern`, and who hears of a named file left out. */
export interface ExpandOptions {
  ignores?: readonly IgnorePatterns[];
  /** A file named as it is (not found in a folder or by a glob) was left out by an ignore pattern. */
  onIgnoredFile?: (pattern: string) => void;
}

/**
 * The files the ignore patterns name, by absolute path. A pattern names
 * files, or a folder whose every file is ignored (`exports/old` as well as
 * `exports/old/**`); fast-glob reads the patterns as it reads the command
 * line's globs, `!` un-ignoring what an earlier pattern ignored.
 */
async function ignoredFiles(ignores: readonly IgnorePatterns[]): Promise<Set<string>> {
  const { default: fg } = await import('fast-glob');
  const ignored = new Set<string>();
  for (const { base, patterns } of ignores) {
    const globs = patterns.flatMap((p) => {
      const trimmed = p.replace(/\/+$/, '');
      return [trimmed, `${trimmed}/**`];
    });
    // suppressErrors: `x.json/**` for a pattern naming a file reads x.json as a folder, and an
    // ignore pattern that names nothing readable is no error.
    const files = await fg(globs, { cwd: base, absolute: true, dot: true, onlyFiles: true, ignore: IGNORE, followSymbolicLinks: false, suppressErrors: true });
    for (const file of files) ignored.add(resolve(file));
  }
  return ignored;
}

/** Whether the ignore patterns leave `file` out (for --print-config). */
export async function isIgnored(file: string, ignores: readonly IgnorePatterns[]): Promise<boolean> {
  return ignores.some((i) => i.patterns.length > 0) && (await ignoredFiles(ignores)).has(resolve(file));
}

/** A folder or glob whose every file is ignored: as in ESLint, an error, since nothing it names would be linted. */
function allIgnored(pattern: string, folder: boolean): ConfigurationError {
  return folder
    ? new ConfigurationError({ en: `every file in the folder "${pattern}" is ignored (ignores, --ignore-pattern)`, 'zh-CN': `文件夹 "${pattern}" 中的文件全部被忽略（ignores、--ignore-pattern）` })
    : new ConfigurationError({ en: `every file matching "${pattern}" is ignored (ignores, --ignore-pattern)`, 'zh-CN': `与 "${pattern}" 匹配的文件全部被忽略（ignores、--ignore-pattern）` });
}

/**
 * Turns the command line's paths into files, in the order given: a file as
 * is, a directory as its supported files in sorted order, anything else as a
 * glob. A pattern that matches nothing is a usage error, as in ESLint. A file
 * reached more than once (named twice, through a link, by two patterns) is
 * listed once, by the path it was first reached by. Files the ignore patterns
 * name are left out; a file named as it is, with a word to `onIgnoredFile`.
 */
export async function expandPaths(patterns: readonly string[], cwd = process.cwd(), options: ExpandOptions = {}): Promise<string[]> {
  const realPaths = new RealPaths();
  const seen = new Set<string>();
  const out: string[] = [];
  const ignored = options.ignores?.some((i) => i.patterns.length > 0) ? await ignoredFiles(options.ignores) : undefined;
  const add = (file: string, maybeLink?: boolean) => {
    const abs = resolve(cwd, file);
    const real = realPaths.file(abs, maybeLink);
    if (!seen.has(real)) {
      seen.add(real);
      out.push(abs);
    }
  };
  const kept = (files: string[], pattern: string, folder: boolean): string[] => {
    if (!ignored) return files;
    const left = files.filter((file) => !ignored.has(resolve(file)));
    if (left.length === 0) throw allIgnored(pattern, folder);
    return left;
  };
  for (const pattern of patterns) {
    const abs = resolve(cwd, pattern);
    const info = await stat(abs).catch(() => undefined);
    if (info?.isFile()) {
      if (ignored?.has(abs)) options.onIgnoredFile?.(pattern);
      else add(abs, true);
    } else if (info?.isDirectory()) {
      const { default: fg } = await import('fast-glob');
      // Links are not followed here, so every file listed is a file of its own, not a link.
      const files = await fg(EXT_GLOB, { cwd: abs, absolute: true, ignore: IGNORE, dot: false, onlyFiles: true, followSymbolicLinks: false });
      // A folder with nothing to lint is a broken export step, not a clean batch: said as a glob that matches nothing is.
      if (files.length === 0) {
        const kinds = SUPPORTED_EXTENSIONS.join(', ');
        throw new ConfigurationError({ en: `no ${kinds} files in the folder "${pattern}"`, 'zh-CN': `文件夹 "${pattern}" 中没有 ${kinds} 文件` });
      }
      kept(files, pattern, true)
        .sort()
        .forEach((file) => add(file, false));
    } else {
      // Loaded only for directories and globs: a run on named files starts without it.
      const { default: fg } = await import('fast-glob');
      const files = fg.isDynamicPattern(pattern) ? await fg(pattern, { cwd, absolute: true, ignore: IGNORE, onlyFiles: true, fs: { stat: realPaths.stat } }) : [];
      if (files.length === 0) throw new ConfigurationError({ en: `no files match "${pattern}"`, 'zh-CN': `没有文件与 "${pattern}" 匹配` });
      kept(files, pattern, false)
        .sort()
        .forEach((file) => add(file));
    }
  }
  return out;
}
