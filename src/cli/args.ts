import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Locale, Localized } from '../engine/types.js';

export interface CliOptions {
  paths: string[];
  format: string;
  locale?: 'zh-CN' | 'en';
  maxWarnings: number;
  quiet: boolean;
  rules: Record<string, 'off' | 'info' | 'warning' | 'error'>;
  redact: boolean;
  outputFile?: string;
  color?: boolean;
  config?: string | false;
  stdinFilename: string;
  maxFileSize?: number;
  concurrency: 'auto' | 'off' | number;
  cacheLocation?: string;
  now?: Date;
  help: boolean;
  version: boolean;
}

/** A usage problem (exit 2), in both languages: most are found before the run knows which to use. */
export class UsageError extends Error {
  constructor(readonly text: Localized) {
    super(text.en);
  }
}

/** The --locale an argument list asks for, read without parsing it (for the reason it does not parse). */
export function requestedLocale(argv: readonly string[]): Locale | undefined {
  const at = argv.indexOf('--locale');
  const value = at >= 0 ? argv[at + 1] : argv.find((a) => a.startsWith('--locale='))?.slice('--locale='.length);
  return value === 'zh-CN' || value === 'en' ? value : undefined;
}

const SEVERITIES = new Set(['off', 'info', 'warning', 'error']);

/** The flags the command line takes (node:util parseArgs). */
const OPTIONS = {
  format: { type: 'string', short: 'f', default: 'stylish' },
  locale: { type: 'string' },
  'max-warnings': { type: 'string' },
  quiet: { type: 'boolean', default: false },
  rule: { type: 'string', multiple: true, default: [] as string[] },
  'no-redact': { type: 'boolean', default: false },
  'output-file': { type: 'string', short: 'o' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  config: { type: 'string', short: 'c' },
  'no-config': { type: 'boolean', default: false },
  'stdin-filename': { type: 'string', default: 'stdin.json' },
  now: { type: 'string' },
  'max-file-size': { type: 'string' },
  concurrency: { type: 'string', default: 'off' },
  cache: { type: 'boolean', default: false },
  'cache-location': { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', short: 'v', default: false },
} satisfies ParseArgsConfig['options'];

/**
 * parseArgs takes an option's value that starts with "-" only when joined to
 * it (`--max-warnings=-1`), lest a forgotten value swallow the next flag; but
 * `--max-warnings -1`, no limit, is how ESLint users spell it. A negative
 * number after --max-warnings is joined to it here; the value is judged after.
 */
function negativeValuesJoined(argv: readonly string[]): string[] {
  const joined: string[] = [];
  for (let at = 0; at < argv.length; at++) {
    const arg = argv[at]!;
    // After "--", every argument is a path.
    if (arg === '--') return [...joined, ...argv.slice(at)];
    const next = argv[at + 1];
    if (arg === '--max-warnings' && next !== undefined && /^-[0-9]+$/.test(next)) {
      joined.push(`${arg}=${next}`);
      at++;
    } else {
      joined.push(arg);
    }
  }
  return joined;
}

/**
 * The day --now names, at noon in China. A day must exist: 2026-02-31 is
 * refused, not rolled over into March.
 */
function dayOf(value: string): Date {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : undefined;
  if (!day || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== value) {
    throw new UsageError({ en: `--now expects a date like 2026-11-29, not "${value}"`, 'zh-CN': `--now 须为日期，例如 2026-11-29，不能是 "${value}"` });
  }
  return new Date(`${value}T12:00:00+08:00`);
}

/**
 * For parseArgs's "Unknown option '--formt'": the flag meant, when one is a
 * slip of a key or two away (an edit distance of at most 2, and less than
 * half the word).
 */
function closestFlag(reason: string): string | undefined {
  const unknown = /Unknown option '(-{1,2})([^']+)'/.exec(reason);
  if (!unknown) return undefined;
  const typed = unknown[2]!;
  let best: { name: string; distance: number } | undefined;
  for (const name of Object.keys(OPTIONS)) {
    const distance = editDistance(typed, name);
    if (distance <= 2 && distance < name.length / 2 && (!best || distance < best.distance)) best = { name, distance };
  }
  return best && `--${best.name}`;
}

/** Levenshtein distance: insertions, deletions and substitutions of one character each. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}

/** Parses argv strictly: an unknown flag or a bad value is a usage error (exit 2). */
export function parseCliArgs(argv: readonly string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: negativeValuesJoined(argv),
      allowPositionals: true,
      strict: true,
      options: OPTIONS,
    });
  } catch (e) {
    const reason = (e as Error).message.split('\n')[0]!;
    const unknown = /^Unknown option '([^']+)'/.exec(reason);
    const guess = closestFlag(reason);
    if (unknown && guess) throw new UsageError({ en: `unknown option '${unknown[1]}'; did you mean ${guess}?`, 'zh-CN': `未知的选项 '${unknown[1]}'；是否想用 ${guess}？` });
    throw new UsageError({ en: reason, 'zh-CN': `命令行参数有误：${reason}` });
  }
  const v = parsed.values;
  const locale = v.locale;
  if (locale !== undefined && locale !== 'zh-CN' && locale !== 'en') throw new UsageError({ en: `--locale must be zh-CN or en, not "${locale}"`, 'zh-CN': `--locale 只能是 zh-CN 或 en，不能是 "${locale}"` });
  let maxWarnings = -1;
  if (v['max-warnings'] !== undefined) {
    if (!/^(0|[1-9][0-9]*|-1)$/.test(v['max-warnings'])) throw new UsageError({ en: `--max-warnings must be a whole number, not "${v['max-warnings']}"`, 'zh-CN': `--max-warnings 须为整数，不能是 "${v['max-warnings']}"` });
    maxWarnings = Number(v['max-warnings']);
  }
  const rules: CliOptions['rules'] = {};
  for (const spec of v.rule) {
    const m = /^([a-z][a-z0-9-]*)=(\w+)$/.exec(spec);
    if (!m || !SEVERITIES.has(m[2]!)) throw new UsageError({ en: `--rule expects id=off|info|warning|error, not "${spec}"`, 'zh-CN': `--rule 的格式为 规则=off|info|warning|error，不能是 "${spec}"` });
    rules[m[1]!] = m[2] as CliOptions['rules'][string];
  }
  const now = v.now !== undefined ? dayOf(v.now) : undefined;
  let maxFileSize: number | undefined;
  if (v['max-file-size'] !== undefined) {
    if (!/^[1-9][0-9]*$/.test(v['max-file-size'])) throw new UsageError({ en: `--max-file-size takes a size in MiB, not "${v['max-file-size']}"`, 'zh-CN': `--max-file-size 须为以 MiB 计的大小，不能是 "${v['max-file-size']}"` });
    maxFileSize = Number(v['max-file-size']) * 1024 * 1024;
  }
  const c = v.concurrency;
  if (!/^(auto|off|[1-9][0-9]?)$/.test(c)) throw new UsageError({ en: `--concurrency takes auto, off or a number of threads, not "${c}"`, 'zh-CN': `--concurrency 只能是 auto、off 或线程数，不能是 "${c}"` });
  const concurrency = c === 'auto' || c === 'off' ? c : Number(c);
  if (v.color && v['no-color']) throw new UsageError({ en: '--color and --no-color contradict each other', 'zh-CN': '--color 与 --no-color 互相矛盾' });
  if (v.config !== undefined && v['no-config']) throw new UsageError({ en: '--config and --no-config contradict each other', 'zh-CN': '--config 与 --no-config 互相矛盾' });
  return {
    paths: parsed.positionals,
    format: v.format,
    ...(locale ? { locale } : {}),
    maxWarnings,
    quiet: v.quiet,
    rules,
    redact: !v['no-redact'],
    ...(v['output-file'] !== undefined ? { outputFile: v['output-file'] } : {}),
    ...(v.color ? { color: true } : v['no-color'] ? { color: false } : {}),
    ...(v['no-config'] ? { config: false as const } : v.config !== undefined ? { config: v.config } : {}),
    stdinFilename: v['stdin-filename'],
    ...(maxFileSize ? { maxFileSize } : {}),
    concurrency,
    ...(v.cache || v['cache-location'] !== undefined ? { cacheLocation: v['cache-location'] ?? '.beianlintcache' } : {}),
    ...(now ? { now } : {}),
    help: v.help,
    version: v.version,
  };
}

/** `beianlint --help`, in the language of --locale or of the environment. */
export const HELP: Localized = {
  en: `beianlint — lint Chinese website ICP filing records (网站备案信息)

Usage: beianlint [options] <file|dir|glob|->...

Options:
  -f, --format <name>       stylish (default), compact, json, sarif, junit,
                            github (Actions annotations), summary or html
      --locale <zh-CN|en>   message language (default from LC_ALL/LANG)
      --max-warnings <n>    exit 1 when there are more than n warnings
      --quiet               report errors only
      --rule <id=severity>  off|info|warning|error for one rule (repeatable)
      --no-redact           print identity numbers, phones, e-mails and names in full
  -o, --output-file <path>  write the report to a file instead of stdout
      --color, --no-color   force colours on or off (default: on for a terminal)
  -c, --config <path>       config file (default: .beianlintrc.json/.yaml in cwd)
      --no-config           ignore any config file
      --stdin-filename <n>  name (and format, by extension) for input read from -
      --now <YYYY-MM-DD>    check date rules as of this day (default: today)
      --max-file-size <MiB> largest JSON/YAML file read whole, and largest
                            record (default 256); JSONL files and large JSON
                            arrays are streamed
      --concurrency <n>     worker threads: auto (one per core, for large runs),
                            off (default) or a number; output is the same
      --cache               skip files unchanged since a run found nothing in them
      --cache-location <p>  cache file (default .beianlintcache, and its .keys file);
                            holds digests only
  -h, --help                show this help
  -v, --version             show the version

Exit status: 0 no errors, 1 errors (or too many warnings), 2 usage or configuration error.
`,
  'zh-CN': `beianlint — 检查网站备案信息（ICP filing records）的记录

用法：beianlint [选项] <文件|目录|glob|->...

选项：
  -f, --format <name>       报告格式：stylish（默认）、compact、json、sarif、junit、
                            github（Actions 注释）、summary 或 html
      --locale <zh-CN|en>   消息语言（默认取自 LC_ALL/LANG）
      --max-warnings <n>    警告多于 n 条时以状态 1 退出
      --quiet               只报告错误
      --rule <id=severity>  设置一条规则的级别：off|info|warning|error（可重复）
      --no-redact           完整显示身份证件号码、电话、电子邮箱和姓名（默认打码）
  -o, --output-file <path>  把报告写入文件，而不是标准输出
      --color, --no-color   强制开启或关闭颜色（默认：终端中开启）
  -c, --config <path>       配置文件（默认：当前目录下的 .beianlintrc.json/.yaml）
      --no-config           不读取任何配置文件
      --stdin-filename <n>  从 - 读入时使用的文件名（按扩展名确定格式）
      --now <YYYY-MM-DD>    以这一天为“今天”检查与日期有关的规则（默认：今天）
      --max-file-size <MiB> 整个读入的 JSON/YAML 文件和单条记录的大小上限
                            （默认 256）；JSONL 文件和大型 JSON 数组按流读取
      --concurrency <n>     工作线程数：auto（大批量时每个 CPU 核一个）、
                            off（默认）或一个数字；输出相同
      --cache               跳过上次检查无任何问题且未改动的文件
      --cache-location <p>  缓存文件（默认 .beianlintcache 及其 .keys 文件）；
                            只保存摘要
  -h, --help                显示本帮助
  -v, --version             显示版本号

退出状态：0 没有错误；1 有错误（或警告过多）；2 用法或配置错误。
`,
};
