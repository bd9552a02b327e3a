import { realPathOf } from './output-files.js';
import { closeSync, openSync, writeSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import type { Linter, LintResult, Locale } from '../engine/index.js';
import type { Localized } from '../engine/types.js';
import type { ChunkedFormatter, Formatter, FormatterContext } from '../formatters/index.js';
import { dirname, join, relative, resolve } from 'node:path';
import { packageRoot } from '../package-files.js';
import { HELP, parseCliArgs, requestedLocale, UsageError, type CliOptions } from './args.js';
import { ProgressLine } from './progress.js';
import { absorbWriteErrors, tell, writeAll } from './streams.js';

/** The report (or the help) could not be written: exit 2, said in both languages. */
class OutputError extends Error {
  constructor(readonly text: Localized) {
    super(text.en);
  }
}

/**
 * Writes the pieces to a file, blocking: each piece is garbage as soon as it
 * is written, instead of waiting in a stream's queue long enough to outlive
 * two collections and be moved to the old generation.
 */
function writeAllToFile(target: string, pieces: Iterable<string>): void {
  const fd = openSync(target, 'w');
  try {
    for (const piece of pieces) {
      const bytes = Buffer.from(piece, 'utf8');
      for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at);
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * Stdin, limited like a file: bytes past `maxBytes` are counted, not kept,
 * so a stream larger than the limit costs no memory and is reported as too
 * large. The bytes are decoded by the runner, as a file's are.
 */
async function readStdin(maxBytes: number): Promise<{ bytes: Uint8Array; size: number }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    size += (chunk as Buffer).length;
    if (size <= maxBytes) chunks.push(chunk as Buffer);
    else chunks.length = 0;
  }
  return { bytes: size <= maxBytes ? Buffer.concat(chunks) : new Uint8Array(0), size };
}

async function version(): Promise<string> {
  const pkg = JSON.parse(await readFile(join(packageRoot, 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

/**
 * The command line. Returns the exit status instead of exiting, so tests and
 * wrappers can call it; only bin/beianlint.js touches process.exitCode.
 */
export async function main(argv: readonly string[], io: Io = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  absorbWriteErrors(io.stdout);
  absorbWriteErrors(io.stderr);
  let options: CliOptions;
  try {
    options = parseCliArgs(argv);
  } catch (e) {
    const { localeFromEnv } = await import('../engine/messages.js');
    const locale = requestedLocale(argv) ?? localeFromEnv();
    tell(io.stderr, `beianlint: ${e instanceof UsageError ? e.text[locale] : (e as Error).message}\n`);
    return 2;
  }
  if (options.help || options.version) return helpOrVersion(options, io);
  // The engine is loaded only now, so --help and --version stay instant.
  const { createLinter, localeFromEnv, ConfigurationError, ruleInfoOfRun } = await import('../engine/index.js');
  const { errorsOnly } = await import('../runner/index.js');
  const { FORMATTERS } = await import('../formatters/index.js');
  // Usage and configuration problems are said in the run's language once the linter knows it (a
  // config file may set it), and until then in the one asked for or the environment's.
  let locale = options.locale ?? localeFromEnv();
  try {
    if (options.init) {
      // No config is read: --init is what a folder without one (or with a broken one above it) runs.
      const { writeStarterConfig } = await import('./inspect.js');
      await writeToStdout(io, [writeStarterConfig(process.cwd(), options.init, locale)]);
      return 0;
    }
    // --list-rules and --explain show the rules as this config and --rule set them, and lint nothing.
    const inspecting = options.listRules || options.explain !== undefined || options.printConfig !== undefined;
    if (options.paths.length === 0 && !inspecting) {
      throw new UsageError({
        en: 'no files given (try "beianlint examples/" or "beianlint --help")',
        'zh-CN': '没有给出要检查的文件（试试 "beianlint examples/" 或 "beianlint --help"）',
      });
    }
    // Only the formats themselves: a name such as "constructor" or "__proto__" is no format.
    const formatter = Object.hasOwn(FORMATTERS, options.format) ? FORMATTERS[options.format] : undefined;
    const formats = Object.keys(FORMATTERS).join(', ');
    if (!formatter) throw new UsageError({ en: `unknown format "${options.format}"; use ${formats}`, 'zh-CN': `未知的报告格式 "${options.format}"；可用：${formats}` });
    const cwd = process.cwd();
    const linter = createLinter({
      cwd,
      ...(options.locale ? { locale: options.locale } : {}),
      fallbackLocale: localeFromEnv(),
      ...(options.config !== undefined ? { config: options.config } : {}),
      redact: options.redact,
      ...(options.now ? { now: options.now } : {}),
      rules: options.rules,
      ...(options.period ? { period: options.period } : {}),
    });
    locale = linter.locale;
    if (options.printConfig !== undefined) {
      await writeToStdout(io, [await printedConfig(linter, options.printConfig, cwd, options.ignorePatterns)]);
      return 0;
    }
    if (inspecting) {
      const { explainRule, listRules } = await import('./inspect.js');
      await writeToStdout(io, [options.explain !== undefined ? explainRule(linter, options.explain, cwd) : listRules(linter)]);
      return 0;
    }
    const { checkSuppressedRules, suppressedForCli } = await import('./suppressions.js');
    if (Array.isArray(options.suppress)) checkSuppressedRules(options.suppress, linter.knownRuleIds());
    // Suppressions apply before --quiet: the file records every problem, warnings too.
    const fixing = { writeFailed: false };
    let results = suppressedForCli(await lintOrFix(options, linter, cwd, io, fixing), options, cwd, (note) => tell(io.stderr, `beianlint: ${note[linter.locale]}\n`));
    if (options.quiet) results = results.map(errorsOnly);
    const about = { cwd, locale: linter.locale, rules: ruleInfoOfRun(linter), version: await version(), ...(await checkedWith(options, linter)) };
    if (options.groupBy) await writeGroupReportsForCli(options, formatter, results, about, io);
    else await writeReport(options, formatter, results, about, io);
    if (options.sample) await writeSample(options, results, linter.locale, cwd, io);
    // A file --fix could not write is a failure of the run, whatever the report holds.
    return Math.max(exitStatus(results, options, linter.locale, io), fixing.writeFailed ? 2 : 0);
  } catch (e) {
    if (e instanceof UsageError || e instanceof ConfigurationError || e instanceof OutputError) {
      tell(io.stderr, `beianlint: ${e.text[locale]}\n`);
      return 2;
    }
    throw e;
  }
}

/**
 * `--sample`: the spot-check sample, drawn from the files the run linted and
 * written beside the report (src/cli/sample.ts). A file it cannot write is
 * an OutputError, as the report's is.
 */
async function writeSample(options: CliOptions, results: readonly LintResult[], locale: Locale, cwd: string, io: Io): Promise<void> {
  const request = options.sample!;
  if (options.outputFile !== undefined && resolve(cwd, options.outputFile) === resolve(cwd, request.output)) {
    throw new UsageError({ en: '--sample-output and --output-file name the same file', 'zh-CN': '--sample-output 与 --output-file 指向同一个文件' });
  }
  const { writeSpotCheckSample } = await import('./sample.js');
  const { DEFAULT_MAX_FILE_SIZE } = await import('../runner/index.js');
  try {
    await writeSpotCheckSample(request, {
      files: results.map((r) => r.filePath),
      cwd,
      locale,
      redact: options.redact,
      maxFileSize: options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE,
      ...(options.period ? { period: options.period } : {}),
      tell: (line) => tell(io.stderr, `beianlint: ${line[locale]}\n`),
    });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === undefined) throw e;
    throw new OutputError({ en: `cannot write the sample to ${request.output}: ${code}`, 'zh-CN': `无法把抽查样本写入 ${request.output}：${code}` });
  }
}

/** What the HTML report's header names: the inputs as given, the day checked as of, the presets and config files. */
async function checkedWith(options: CliOptions, linter: Linter): Promise<Pick<FormatterContext, 'inputs' | 'now' | 'ruleSet' | 'period'>> {
  const { effectiveConfigOf } = await import('../engine/create.js');
  return { inputs: options.paths, now: linter.now, ruleSet: effectiveConfigOf(linter)?.from ?? [], ...(linter.period ? { period: linter.period } : {}) };
}

/** `--help` (which wins over --version) or `--version`, on standard output. */
async function helpOrVersion(options: CliOptions, io: Io): Promise<number> {
  const { localeFromEnv } = await import('../engine/messages.js');
  const locale = options.locale ?? localeFromEnv();
  try {
    await writeToStdout(io, [options.help ? HELP[locale] : `${await version()}\n`]);
    return 0;
  } catch (e) {
    if (!(e instanceof OutputError)) throw e;
    tell(io.stderr, `beianlint: ${e.text[locale]}\n`);
    return 2;
  }
}

/**
 * Writes to standard output. A reader that went away (EPIPE: `| head -1`) has
 * had all it wanted, so the run ends quietly with its own status; any other
 * failure (ENOSPC: a full disk) loses the report, and is an OutputError.
 */
async function writeToStdout(io: Io, pieces: Iterable<string>): Promise<void> {
  const failure = (await writeAll(io.stdout, pieces)) as NodeJS.ErrnoException | undefined;
  if (!failure || failure.code === 'EPIPE') return;
  const reason = failure.code ?? failure.message;
  throw new OutputError({ en: `cannot write to standard output: ${reason}`, 'zh-CN': `无法写入标准输出：${reason}` });
}

type Io = { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream };

/** Lints what the command line names, with a progress line on a terminal and cache trouble said on stderr. */
async function lintForCli(options: CliOptions, linter: Linter, cwd: string, io: Io): Promise<LintResult[]> {
  const { lintFiles, DEFAULT_MAX_FILE_SIZE } = await import('../runner/index.js');
  const { suppressionsIgnore } = await import('./suppressions.js');
  const { ConfigurationError } = await import('../engine/index.js');
  const stdin = options.paths.includes('-') ? { ...(await readStdin(options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE)), filePath: options.stdinFilename } : undefined;
  const progress = ProgressLine.forStream(io.stderr as NodeJS.WriteStream, linter.locale);
  try {
    return await lintFiles(options.paths, {
      linter,
      cwd,
      ...(stdin ? { stdin } : {}),
      ...(options.maxFileSize ? { maxFileSize: options.maxFileSize } : {}),
      concurrency: options.concurrency,
      // The suppressions file is JSON, but no filing: it is not linted even in a folder that is.
      ignores: [{ base: cwd, patterns: options.ignorePatterns }, suppressionsIgnore(options.suppressionsLocation, cwd)],
      // As ESLint does: a file named on the command line is skipped with a word, not silently.
      onIgnoredFile: (pattern) =>
        tell(
          io.stderr,
          linter.locale === 'zh-CN'
            ? `beianlint: 警告：${pattern}：与忽略模式（ignores、--ignore-pattern）匹配，已跳过\n`
            : `beianlint: warning: ${pattern}: file ignored because of a matching ignore pattern (ignores, --ignore-pattern)\n`,
        ),
      ...(options.cacheLocation ? { cacheLocation: options.cacheLocation } : {}),
      onCacheError: (e, cacheFile) => {
        // Node's message names the code and the path that failed (a file where a folder should be, say).
        const reason = (e instanceof ConfigurationError ? e.text[linter.locale] : e.message).replace(/\s+/g, ' ');
        const where = relative(cwd, cacheFile) || cacheFile;
        tell(
          io.stderr,
          linter.locale === 'zh-CN'
            ? `beianlint: 无法写入缓存 ${where}（${reason}），本次结果不受影响\n`
            : `beianlint: could not write the cache ${where} (${reason}); the results are not affected\n`,
        );
      },
      ...(progress ? { onProgress: (p) => progress.update(p) } : {}),
    });
  } finally {
    progress?.done();
  }
}

/**
 * The run's results, after --fix has written the files (a report of them as
 * written) or as --fix-dry-run would leave them; `fixing.writeFailed` says
 * a file could not be written.
 */
async function lintOrFix(options: CliOptions, linter: Linter, cwd: string, io: Io, fixing: { writeFailed: boolean }): Promise<LintResult[]> {
  if (!options.fix) return lintForCli(options, linter, cwd, io);
  const { lintWithFixes } = await import('./fix.js');
  const outcome = await lintWithFixes({
    paths: options.paths,
    cwd,
    linter,
    dryRun: options.fix === 'dry-run',
    ignorePatterns: options.ignorePatterns,
    ...(options.maxFileSize ? { maxFileSize: options.maxFileSize } : {}),
    lint: () => lintForCli(options, linter, cwd, io),
    tell: (line) => tell(io.stderr, line),
  });
  fixing.writeFailed = outcome.writeFailed;
  return outcome.results;
}

/**
 * `--print-config <file>`: the configuration the file is linted with, as
 * JSON: every rule's severity and options after presets, config files and
 * --rule, where they came from, and whether the file is ignored.
 */
async function printedConfig(linter: Linter, file: string, cwd: string, ignorePatterns: readonly string[]): Promise<string> {
  const { effectiveConfigOf, linterFor } = await import('../engine/create.js');
  const { isIgnored } = await import('../runner/index.js');
  // The file's own linter: the config's overrides that match it applied.
  const effective = effectiveConfigOf(linterFor(linter, resolve(cwd, file)))!;
  const ignores = [...effective.ignores, { base: cwd, patterns: ignorePatterns }].filter((i) => i.patterns.length > 0);
  const shown = {
    file: relative(cwd, resolve(cwd, file)) || file,
    ignored: await isIgnored(resolve(cwd, file), ignores),
    from: effective.from,
    locale: effective.locale,
    ruleDirs: effective.ruleDirs,
    ignores: ignores.map(({ base, patterns }) => ({ base: relative(cwd, base) || '.', patterns })),
    // What the editor lints (the command line lints what it is given); the default's base is the filesystem root.
    files: { base: relative(cwd, effective.files.base) || '.', patterns: effective.files.patterns },
    rules: effective.rules,
  };
  return `${JSON.stringify(shown, null, 2)}\n`;
}

/** Writes the report to the output file, or to stdout. */
async function writeReport(options: CliOptions, formatter: Formatter, results: LintResult[], about: Omit<FormatterContext, 'color'>, io: Io): Promise<void> {
  const { cwd } = about;
  const toFile = options.outputFile !== undefined;
  const color = options.color ?? (!toFile && Boolean((io.stdout as NodeJS.WriteStream).isTTY));
  const context = { ...about, color };
  // A chunked formatter's pieces are written as they come: a report is never one string in memory.
  const output: Iterable<string> = 'chunks' in formatter ? (formatter as ChunkedFormatter).chunks(results, context) : [formatter(results, context)];
  if (toFile) {
    const target = resolve(cwd, options.outputFile!);
    refuseToOverwriteAnInput(target, options.outputFile!, results, cwd);
    try {
      await mkdir(dirname(target), { recursive: true });
      writeAllToFile(target, output);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const reason = code ?? (e as Error).message;
      throw new OutputError({ en: `cannot write the report to ${options.outputFile}: ${reason}`, 'zh-CN': `无法把报告写入 ${options.outputFile}：${reason}` });
    }
  } else {
    await writeToStdout(io, output);
  }
}

/**
 * `--group-by … --output-dir DIR`: one report per group into DIR
 * (src/cli/group-reports.ts), and on stderr where they went. A folder that
 * cannot be written is an OutputError, as the report's file is.
 */
async function writeGroupReportsForCli(options: CliOptions, formatter: Formatter, results: LintResult[], about: Omit<FormatterContext, 'color'>, io: Io): Promise<void> {
  const { writeGroupReports } = await import('./group-reports.js');
  const dir = resolve(about.cwd, options.outputDir!);
  let written: string[];
  try {
    written = await writeGroupReports(results, { by: options.groupBy!, dir, format: options.format, formatter, context: { ...about, color: options.color ?? false } });
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const reason = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new OutputError({ en: `cannot write the reports into ${options.outputDir}: ${reason}`, 'zh-CN': `无法把报告写入目录 ${options.outputDir}：${reason}` });
  }
  const shown = options.outputDir!;
  tell(
    io.stderr,
    about.locale === 'zh-CN'
      ? `beianlint: 已在 ${shown} 中写入 ${written.length - 2} 份分组报告、全部结果 ${written[written.length - 2]} 和目录 index.csv\n`
      : `beianlint: wrote ${written.length - 2} group report(s), the whole run as ${written[written.length - 2]} and index.csv into ${shown}\n`,
  );
}

/**
 * A report written over a file just linted would destroy the input: that is
 * refused. Real paths are compared, so a symbolic link to an input or a path
 * such as `./a/../a.json` is caught as well.
 */
function refuseToOverwriteAnInput(target: string, asGiven: string, results: readonly LintResult[], cwd: string): void {
  const realTarget = realPathOf(target);
  // Nothing there yet, so no input either.
  if (realTarget === undefined) return;
  if (results.some(({ filePath }) => realPathOf(resolve(cwd, filePath)) === realTarget)) {
    throw new UsageError({
      en: `will not write the report to ${asGiven}: it is one of the files being linted`,
      'zh-CN': `不会把报告写入 ${asGiven}：它是被检查的文件之一`,
    });
  }
}

/** 1 with errors, or more warnings than --max-warnings allows (said on stderr); else 0. */
function exitStatus(results: LintResult[], options: CliOptions, locale: Locale, io: Io): number {
  const errors = results.reduce((n, r) => n + r.errorCount, 0);
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  const tooManyWarnings = options.maxWarnings >= 0 && warnings > options.maxWarnings;
  if (tooManyWarnings && errors === 0) {
    tell(
      io.stderr,
      locale === 'zh-CN'
        ? `beianlint: 发现 ${warnings} 个警告，超过 --max-warnings ${options.maxWarnings}\n`
        : `beianlint: ${warnings} warnings exceed --max-warnings ${options.maxWarnings}\n`,
    );
  }
  return errors > 0 || tooManyWarnings ? 1 : 0;
}
