import { once } from 'node:events';
import { closeSync, openSync, writeSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import type { Linter, LintResult, Locale } from '../engine/index.js';
import type { ChunkedFormatter, Formatter, FormatterContext } from '../formatters/index.js';
import { dirname, join, relative, resolve } from 'node:path';
import { packageRoot } from '../package-files.js';
import { HELP, parseCliArgs, requestedLocale, UsageError, type CliOptions } from './args.js';
import { ProgressLine } from './progress.js';

/** Writes the pieces in order to a stream that is not ours (standard output), waiting whenever it asks to. */
async function writeAll(stream: NodeJS.WritableStream, pieces: Iterable<string>): Promise<void> {
  let failure: Error | undefined;
  const onError = (e: Error) => {
    failure = e;
  };
  stream.on('error', onError);
  try {
    for (const piece of pieces) {
      if (failure) throw failure;
      // once() rejects on 'error' as well.
      if (!stream.write(piece)) await once(stream, 'drain');
    }
    if (failure) throw failure;
  } finally {
    stream.off('error', onError);
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

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function version(): Promise<string> {
  const pkg = JSON.parse(await readFile(join(packageRoot, 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

/**
 * The command line. Returns the exit status instead of exiting, so tests and
 * wrappers can call it; only bin/beianlint.js touches process.exitCode.
 */
export async function main(argv: readonly string[], io = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  let options: CliOptions;
  try {
    options = parseCliArgs(argv);
  } catch (e) {
    const { localeFromEnv } = await import('../engine/messages.js');
    const locale = requestedLocale(argv) ?? localeFromEnv();
    io.stderr.write(`beianlint: ${e instanceof UsageError ? e.text[locale] : (e as Error).message}\n`);
    return 2;
  }
  if (options.help) {
    const { localeFromEnv } = await import('../engine/messages.js');
    io.stdout.write(HELP[options.locale ?? localeFromEnv()]);
    return 0;
  }
  if (options.version) {
    io.stdout.write(`${await version()}\n`);
    return 0;
  }
  // The engine is loaded only now, so --help and --version stay instant.
  const { createLinter, localeFromEnv, ConfigurationError } = await import('../engine/index.js');
  const { errorsOnly } = await import('../runner/index.js');
  const { FORMATTERS } = await import('../formatters/index.js');
  // Usage and configuration problems are said in the run's language once the linter knows it (a
  // config file may set it), and until then in the one asked for or the environment's.
  let locale = options.locale ?? localeFromEnv();
  try {
    if (options.paths.length === 0) {
      throw new UsageError({
        en: 'no files given (try "beianlint examples/" or "beianlint --help")',
        'zh-CN': '没有给出要检查的文件（试试 "beianlint examples/" 或 "beianlint --help"）',
      });
    }
    const formatter = FORMATTERS[options.format];
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
    });
    locale = linter.locale;
    let results = await lintForCli(options, linter, cwd, io);
    if (options.quiet) {
      results = results.map(errorsOnly);
    }
    await writeReport(options, formatter, results, { cwd, locale: linter.locale, rules: linter.ruleInfo(), version: await version() }, io);
    return exitStatus(results, options, linter.locale, io);
  } catch (e) {
    if (e instanceof UsageError || e instanceof ConfigurationError) {
      io.stderr.write(`beianlint: ${e.text[locale]}\n`);
      return 2;
    }
    throw e;
  }
}

type Io = { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream };

/** Lints what the command line names, with a progress line on a terminal and cache trouble said on stderr. */
async function lintForCli(options: CliOptions, linter: Linter, cwd: string, io: Io): Promise<LintResult[]> {
  const { lintFiles } = await import('../runner/index.js');
  const stdin = options.paths.includes('-') ? { text: await readStdin(), filePath: options.stdinFilename } : undefined;
  const progress = ProgressLine.forStream(io.stderr as NodeJS.WriteStream, linter.locale);
  try {
    return await lintFiles(options.paths, {
      linter,
      cwd,
      ...(stdin ? { stdin } : {}),
      ...(options.maxFileSize ? { maxFileSize: options.maxFileSize } : {}),
      concurrency: options.concurrency,
      ...(options.cacheLocation ? { cacheLocation: options.cacheLocation } : {}),
      onCacheError: (e, cacheFile) => {
        // Node's message names the code and the path that failed (a file where a folder should be, say).
        const reason = e.message.replace(/\s+/g, ' ');
        const where = relative(cwd, cacheFile) || cacheFile;
        io.stderr.write(
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
    try {
      await mkdir(dirname(target), { recursive: true });
      writeAllToFile(target, output);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const reason = code ?? (e as Error).message;
      throw new UsageError({ en: `cannot write the report to ${options.outputFile}: ${reason}`, 'zh-CN': `无法把报告写入 ${options.outputFile}：${reason}` });
    }
  } else {
    await writeAll(io.stdout, output);
  }
}

/** 1 with errors, or more warnings than --max-warnings allows (said on stderr); else 0. */
function exitStatus(results: LintResult[], options: CliOptions, locale: Locale, io: Io): number {
  const errors = results.reduce((n, r) => n + r.errorCount, 0);
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  const tooManyWarnings = options.maxWarnings >= 0 && warnings > options.maxWarnings;
  if (tooManyWarnings && errors === 0) {
    io.stderr.write(
      locale === 'zh-CN'
        ? `beianlint: 发现 ${warnings} 个警告，超过 --max-warnings ${options.maxWarnings}\n`
        : `beianlint: ${warnings} warnings exceed --max-warnings ${options.maxWarnings}\n`,
    );
  }
  return errors > 0 || tooManyWarnings ? 1 : 0;
}
