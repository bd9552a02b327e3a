import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Locale, Localized, RecordPeriod } from '../engine/types.js';
import { closestName } from '../schema/explain.js';
import { SEVERITIES_ALLOWED, severityNamed, type RuleSeverity } from '../engine/presets.js';

export interface CliOptions {
  paths: string[];
  format: string;
  locale?: 'zh-CN' | 'en';
  maxWarnings: number;
  quiet: boolean;
  rules: Record<string, RuleSeverity>;
  /** --ignore-pattern: globs of files not to lint, relative to the working directory, on top of the config's `ignores`. */
  ignorePatterns: string[];
  /** --print-config <file>: print the configuration that file would be linted with, instead of linting. */
  printConfig?: string;
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
  /** --list-rules: print the active rules instead of linting. */
  listRules: boolean;
  /** --explain <rule-id>: print one rule's documentation instead of linting. */
  explain?: string;
  /** --init (with --bureau for the bureau's preset): write a starter config instead of linting. */
  init?: 'provider' | 'bureau';
  /** --fix (`write`) or --fix-dry-run: apply the fixes the problems carry (src/cli/fix.ts). */
  fix?: 'write' | 'dry-run';
  /** --suppress-all or --suppress-rule <id>…: record the run's problems (of those rules) in the suppressions file. */
  suppress?: 'all' | string[];
  /** --suppressions-location: the suppressions file (default beianlint-suppressions.json here). */
  suppressionsLocation?: string;
  /** --prune-suppressions: remove the suppressions file's entries the run no longer finds. */
  pruneSuppressions: boolean;
  /** --submitted-from, --submitted-to: lint only the records of this period (a monthly or quarterly check). */
  period?: RecordPeriod;
  /** --group-by with --output-dir: one report per access provider or province, written into outputDir (src/cli/group-reports.ts). */
  groupBy?: 'provider' | 'province';
  outputDir?: string;
  /** --sample N (with --seed, --sample-by, --sample-output): a spot-check sample written beside the report (src/cli/sample.ts). */
  sample?: SampleRequest;
}

/** How a sample is stratified: N records from each province, or from each access provider. */
export type Stratification = 'province' | 'provider';

export interface SampleRequest {
  /** Records drawn in all, or from each stratum with `by`. */
  size: number;
  /** --seed; without it the run picks one and says it. */
  seed?: string;
  by?: Stratification;
  /** --sample-output: the CSV file. */
  output: string;
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


/** The flags the command line takes (node:util parseArgs). */
const OPTIONS = {
  format: { type: 'string', short: 'f', default: 'stylish' },
  locale: { type: 'string' },
  'max-warnings': { type: 'string' },
  quiet: { type: 'boolean', default: false },
  rule: { type: 'string', multiple: true, default: [] as string[] },
  'ignore-pattern': { type: 'string', multiple: true, default: [] as string[] },
  'print-config': { type: 'string' },
  'no-redact': { type: 'boolean', default: false },
  'output-file': { type: 'string', short: 'o' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  config: { type: 'string', short: 'c' },
  'no-config': { type: 'boolean', default: false },
  // No default here: whether it was given at all is checked against the paths.
  'stdin-filename': { type: 'string' },
  now: { type: 'string' },
  'max-file-size': { type: 'string' },
  concurrency: { type: 'string', default: 'off' },
  cache: { type: 'boolean', default: false },
  'cache-location': { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', short: 'v', default: false },
  'list-rules': { type: 'boolean', default: false },
  explain: { type: 'string' },
  init: { type: 'boolean', default: false },
  bureau: { type: 'boolean', default: false },
  fix: { type: 'boolean', default: false },
  'fix-dry-run': { type: 'boolean', default: false },
  'suppress-all': { type: 'boolean', default: false },
  'suppress-rule': { type: 'string', multiple: true, default: [] as string[] },
  'suppressions-location': { type: 'string' },
  'prune-suppressions': { type: 'boolean', default: false },
  'submitted-from': { type: 'string' },
  'submitted-to': { type: 'string' },
  'group-by': { type: 'string' },
  'output-dir': { type: 'string' },
  sample: { type: 'string' },
  seed: { type: 'string' },
  'sample-by': { type: 'string' },
  'sample-output': { type: 'string' },
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
  const name = closestName(unknown[2]!, Object.keys(OPTIONS));
  return name && `--${name}`;
}

/**
 * parseArgs's own reason for refusing argv, said in both languages. Its
 * English is kept as the English; each message node is known to give is put
 * into a Chinese sentence, and one it may give in a later version is quoted
 * after a Chinese lead-in rather than left bare inside a Chinese sentence.
 */
export function parseArgsProblem(reason: string): Localized {
  const unknown = /^Unknown option '([^']+)'/.exec(reason);
  if (unknown) {
    const guess = closestFlag(reason);
    if (guess) return { en: `unknown option '${unknown[1]}'; did you mean ${guess}?`, 'zh-CN': `未知的选项 '${unknown[1]}'；是否想用 ${guess}？` };
    return { en: reason, 'zh-CN': `命令行参数有误：没有选项 '${unknown[1]}'（以 - 开头的路径请写在 -- 之后，例如 -- "${unknown[1]}"）` };
  }
  // "Option '-f, --format <value>' argument missing"; "Option '--rule <value>' argument missing".
  const missing = /^Option '(?:-\w, )?(--[\w-]+)(?: <value>)?' argument missing/.exec(reason);
  if (missing) return { en: reason, 'zh-CN': `命令行参数有误：选项 ${missing[1]} 缺少取值` };
  // "Option '-q, --quiet' does not take an argument" (--quiet=1).
  const noValue = /^Option '(?:-\w, )?(--[\w-]+)' does not take an argument/.exec(reason);
  if (noValue) return { en: reason, 'zh-CN': `命令行参数有误：选项 ${noValue[1]} 不接受取值` };
  // "Option '--format' argument is ambiguous." (--format --quiet): the value looks like a flag.
  const ambiguous = /^Option '(-{1,2}[\w-]+)' argument is ambiguous/.exec(reason);
  if (ambiguous) {
    return { en: reason, 'zh-CN': `命令行参数有误：选项 ${ambiguous[1]} 后面是另一个选项，而不是它的取值；取值确实以 - 开头时，请用 = 连写，例如 ${ambiguous[1]}=-x` };
  }
  // "Unexpected argument 'x'. This command does not take positional arguments."
  const positional = /^Unexpected argument '([^']*)'/.exec(reason);
  if (positional) return { en: reason, 'zh-CN': `命令行参数有误：多余的参数 '${positional[1]}'` };
  return { en: reason, 'zh-CN': `命令行参数有误（Node.js 原文）：“${reason}”` };
}

/** The bulk suppression flags (src/cli/suppressions.ts) as options. */
function suppressionOptionsOf(v: { 'suppress-all': boolean; 'suppress-rule': string[]; 'suppressions-location'?: string | undefined; 'prune-suppressions': boolean }): Pick<CliOptions, 'suppress' | 'suppressionsLocation' | 'pruneSuppressions'> {
  if (v['suppress-all'] && v['suppress-rule'].length > 0) {
    throw new UsageError({ en: '--suppress-all and --suppress-rule contradict each other', 'zh-CN': '--suppress-all 与 --suppress-rule 互相矛盾' });
  }
  return {
    ...(v['suppress-all'] ? { suppress: 'all' as const } : v['suppress-rule'].length > 0 ? { suppress: v['suppress-rule'] } : {}),
    ...(v['suppressions-location'] !== undefined ? { suppressionsLocation: v['suppressions-location'] } : {}),
    pruneSuppressions: v['prune-suppressions'],
  };
}

/** The spot-check sample flags as options: each one needs --sample, and --sample needs a file to write. */
function sampleOptionsOf(v: { sample?: string | undefined; seed?: string | undefined; 'sample-by'?: string | undefined; 'sample-output'?: string | undefined }, paths: readonly string[]): Pick<CliOptions, 'sample'> {
  if (v.sample === undefined) {
    const stray = (['seed', 'sample-by', 'sample-output'] as const).find((name) => v[name] !== undefined);
    if (stray) throw new UsageError({ en: `--${stray} goes with --sample <n>`, 'zh-CN': `--${stray} 只能与 --sample <n> 同用` });
    return {};
  }
  if (!/^[1-9][0-9]{0,6}$/.test(v.sample)) throw new UsageError({ en: `--sample takes a number of records from 1 to 9999999, not "${v.sample}"`, 'zh-CN': `--sample 须为 1 到 9999999 之间的记录数，不能是 "${v.sample}"` });
  if (v.seed !== undefined && !/^[0-9A-Za-z._-]{1,64}$/.test(v.seed)) {
    throw new UsageError({ en: `--seed takes up to 64 letters, digits, dots, dashes or underscores, not "${v.seed}"`, 'zh-CN': `--seed 须为至多 64 个字母、数字、点、连字符或下划线，不能是 "${v.seed}"` });
  }
  const by = v['sample-by'];
  if (by !== undefined && by !== 'province' && by !== 'provider') throw new UsageError({ en: `--sample-by must be province or provider, not "${by}"`, 'zh-CN': `--sample-by 只能是 province 或 provider，不能是 "${by}"` });
  if (v['sample-output'] === undefined) throw new UsageError({ en: '--sample needs --sample-output <file.csv> to write the sample to', 'zh-CN': '--sample 需要 --sample-output <文件.csv> 指定样本写入的文件' });
  // The sample is drawn in a second pass over the inputs, and standard input cannot be read twice.
  if (paths.includes('-')) throw new UsageError({ en: '--sample reads the files again to draw the sample, which standard input ("-") cannot be', 'zh-CN': '--sample 需要再次读取文件来抽样，标准输入（"-"）无法再次读取' });
  return { sample: { size: Number(v.sample), ...(v.seed !== undefined ? { seed: v.seed } : {}), ...(by !== undefined ? { by } : {}), output: v['sample-output'] } };
}

/** A day --submitted-from or --submitted-to names; it must exist (2026-02-31 is refused). */
function periodDay(flag: string, value: string): string {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : undefined;
  if (!day || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== value) {
    throw new UsageError({ en: `--${flag} expects a date like 2026-03-01, not "${value}"`, 'zh-CN': `--${flag} 须为日期，例如 2026-03-01，不能是 "${value}"` });
  }
  return value;
}

/** The period flags as options: inclusive Beijing days, the first not after the last. */
function periodOptionsOf(v: {
  'submitted-from'?: string | undefined;
  'submitted-to'?: string | undefined;
  'suppress-all'?: boolean | undefined;
  'suppress-rule'?: string[] | undefined;
  'prune-suppressions'?: boolean | undefined;
}): Pick<CliOptions, 'period'> {
  const from = v['submitted-from'] === undefined ? undefined : periodDay('submitted-from', v['submitted-from']);
  const to = v['submitted-to'] === undefined ? undefined : periodDay('submitted-to', v['submitted-to']);
  if (from === undefined && to === undefined) return {};
  if (from !== undefined && to !== undefined && from > to) {
    throw new UsageError({ en: `--submitted-from ${from} is after --submitted-to ${to}`, 'zh-CN': `--submitted-from ${from} 晚于 --submitted-to ${to}` });
  }
  // Suppressions are recorded and pruned over whole runs: a run of one period would take the records
  // it leaves out for problems that no longer occur.
  const changing = v['suppress-all'] ? '--suppress-all' : v['suppress-rule']?.length ? '--suppress-rule' : v['prune-suppressions'] ? '--prune-suppressions' : undefined;
  if (changing) {
    throw new UsageError({
      en: `${changing} records or prunes suppressions over a whole run; drop --submitted-from/--submitted-to for it`,
      'zh-CN': `${changing} 针对整次运行记录或清理抑制项；请去掉 --submitted-from/--submitted-to 再运行`,
    });
  }
  return { period: { ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) } };
}

/** --group-by and --output-dir as options: each needs the other, and the reports go to the folder, not to -o. */
function groupOptionsOf(v: { 'group-by'?: string | undefined; 'output-dir'?: string | undefined; 'output-file'?: string | undefined }): Pick<CliOptions, 'groupBy' | 'outputDir'> {
  const by = v['group-by'];
  const dir = v['output-dir'];
  if (by === undefined) {
    if (dir !== undefined) throw new UsageError({ en: '--output-dir goes with --group-by provider|province', 'zh-CN': '--output-dir 只能与 --group-by provider|province 同用' });
    return {};
  }
  if (by !== 'provider' && by !== 'province') throw new UsageError({ en: `--group-by must be provider or province, not "${by}"`, 'zh-CN': `--group-by 只能是 provider 或 province，不能是 "${by}"` });
  if (dir === undefined) {
    throw new UsageError({ en: '--group-by writes one report per group and needs --output-dir <folder> to write them into', 'zh-CN': '--group-by 为每组各写一份报告，需要用 --output-dir <目录> 指定写入的目录' });
  }
  if (v['output-file'] !== undefined) {
    throw new UsageError({ en: '--group-by writes its reports into --output-dir; --output-file cannot be used with it', 'zh-CN': '--group-by 把报告写入 --output-dir 指定的目录，不能同时使用 --output-file' });
  }
  return { groupBy: by, outputDir: dir };
}

/** --stdin-filename names standard input, so "-" must be among the paths. */
function refuseStdinNameWithoutStdin(stdinFilename: string | undefined, paths: readonly string[]): void {
  if (stdinFilename === undefined || paths.includes('-')) return;
  throw new UsageError({
    en: '--stdin-filename names the input read from standard input, but "-" is not among the paths; add "-" to lint standard input',
    'zh-CN': '--stdin-filename 为从标准输入读入的内容命名，但路径中没有 "-"；要检查标准输入，请加上 "-"',
  });
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
    throw new UsageError(parseArgsProblem((e as Error).message.split('\n')[0]!));
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
    // A number comes as text on the command line; ESLint's 0, 1, 2 are meant.
    const severity = m && severityNamed(/^[0-9]+$/.test(m[2]!) ? Number(m[2]) : m[2]);
    if (!m || !severity) {
      throw new UsageError({
        en: `--rule expects id=severity, not "${spec}"; a severity is one of ${SEVERITIES_ALLOWED.en}`,
        'zh-CN': `--rule 的格式为 规则=级别，不能是 "${spec}"；级别可用 ${SEVERITIES_ALLOWED['zh-CN']}`,
      });
    }
    rules[m[1]!] = severity;
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
  refuseStdinNameWithoutStdin(v['stdin-filename'], parsed.positionals);
  if (v.fix && v['fix-dry-run']) throw new UsageError({ en: '--fix and --fix-dry-run contradict each other', 'zh-CN': '--fix 与 --fix-dry-run 互相矛盾' });
  if (v.bureau && !v.init) throw new UsageError({ en: '--bureau goes with --init (beianlint --init --bureau)', 'zh-CN': '--bureau 只能与 --init 同用（beianlint --init --bureau）' });
  return {
    paths: parsed.positionals,
    format: v.format,
    ...(locale ? { locale } : {}),
    maxWarnings,
    quiet: v.quiet,
    rules,
    ignorePatterns: v['ignore-pattern'],
    ...(v['print-config'] !== undefined ? { printConfig: v['print-config'] } : {}),
    redact: !v['no-redact'],
    ...(v['output-file'] !== undefined ? { outputFile: v['output-file'] } : {}),
    ...(v.color ? { color: true } : v['no-color'] ? { color: false } : {}),
    ...(v['no-config'] ? { config: false as const } : v.config !== undefined ? { config: v.config } : {}),
    stdinFilename: v['stdin-filename'] ?? 'stdin.json',
    ...(maxFileSize ? { maxFileSize } : {}),
    concurrency,
    ...(v.cache || v['cache-location'] !== undefined ? { cacheLocation: v['cache-location'] ?? '.beianlintcache' } : {}),
    ...(now ? { now } : {}),
    help: v.help,
    version: v.version,
    listRules: v['list-rules'],
    ...(v.explain !== undefined ? { explain: v.explain } : {}),
    ...(v.init ? { init: v.bureau ? ('bureau' as const) : ('provider' as const) } : {}),
    ...(v.fix ? { fix: 'write' as const } : v['fix-dry-run'] ? { fix: 'dry-run' as const } : {}),
    ...suppressionOptionsOf(v),
    ...periodOptionsOf(v),
    ...groupOptionsOf(v),
    ...sampleOptionsOf(v, parsed.positionals),
  };
}

/** `beianlint --help`, in the language of --locale or of the environment. */
export const HELP: Localized = {
  en: `beianlint — lint Chinese website ICP filing records (网站备案信息)

Usage: beianlint [options] <file|dir|glob|->...

Options:
  -f, --format <name>       stylish (default), compact, json, sarif, junit,
                            github (Actions annotations), summary, html (a
                            report with charts), checkstyle, gitlab (Code
                            Quality) or csv (one row per problem)
      --locale <zh-CN|en>   message language (default from LC_ALL/LANG)
      --max-warnings <n>    exit 1 when there are more than n warnings
      --quiet               report errors only
      --rule <id=severity>  off|info|warning|error for one rule (repeatable);
                            ESLint's warn and 0|1|2 too
      --no-redact           print identity numbers, phones, e-mails and names in full
  -o, --output-file <path>  write the report to a file instead of stdout
      --color, --no-color   force colours on or off (default: on for a terminal)
  -c, --config <path>       config file (default: beianlint.config.yaml/.yml/.json
                            or .beianlintrc.*, searched from here upward)
      --no-config           ignore any config file
      --ignore-pattern <g>  do not lint files matching this glob (repeatable)
      --print-config <file> print the configuration that file is linted with
      --stdin-filename <n>  name (and format, by extension) for input read from -
      --now <YYYY-MM-DD>    check date rules as of this day (default: today)
      --max-file-size <MiB> largest JSON/YAML file read whole, and largest
                            record (default 256); JSONL files and large JSON
                            arrays are streamed
      --concurrency <n>     threads that lint, this one included: auto (one per
                            core, for large runs), off (default) or a number;
                            output is the same
      --cache               skip files unchanged since a run found nothing in them
      --cache-location <p>  cache file (default .beianlintcache, and its .keys file);
                            holds digests only
      --fix                 fix what can be fixed without changing what a record
                            says (lower-case x, full-width digits, padding, a
                            domain's trailing dot), writing the files in place
      --fix-dry-run         as --fix, writing nothing; with --format json and
                            --no-redact, each changed file's fixed text as "output"
      --list-rules          list the active rules (severity, stage, clause, title)
      --explain <rule-id>   show a rule's documentation: what it checks, why, examples
      --init                write beianlint.config.yaml here (provider preset);
                            with --bureau, the bureau preset
      --suppress-all        record every problem found in the suppressions file;
                            later runs report only problems not recorded there
      --suppress-rule <id>  record the problems of this rule only (repeatable)
      --suppressions-location <p>
                            suppressions file (default beianlint-suppressions.json);
                            read on every run where it exists
      --prune-suppressions  remove recorded problems that no longer occur
      --submitted-from <YYYY-MM-DD>
      --submitted-to <YYYY-MM-DD>
                            check only the records of this period (Beijing days,
                            both included): by verification.submittedAt, or
                            review.reviewedAt for a record without one; a record
                            with neither date is outside any period; the others
                            are skipped, counted as such, never as clean
      --group-by <what>     provider or province: one report per access provider
                            (or province) in --format, written into --output-dir,
                            with an index.csv listing them
      --output-dir <dir>    folder for the --group-by reports
      --sample <n>          also write a random sample of n records for telephone
                            spot checks, as CSV (UTF-8 with BOM) to --sample-output
      --seed <s>            the sample's seed: the same seed over the same files
                            draws the same sample (default: a new one, shown)
      --sample-by <what>    province or provider: n records from each
      --sample-output <p>   the sample's CSV file; phones and names are masked
                            unless --no-redact, which makes it owner-readable only
  -h, --help                show this help
  -v, --version             show the version

Exit status: 0 no errors, 1 errors (or too many warnings), 2 usage or configuration error.
`,
  'zh-CN': `beianlint — 检查网站备案信息（ICP filing records）的记录

用法：beianlint [选项] <文件|目录|glob|->...

选项：
  -f, --format <name>       报告格式：stylish（默认）、compact、json、sarif、junit、
                            github（Actions 注释）、summary、html（带图表的报告）、
                            checkstyle、gitlab（Code Quality）或 csv（每个问题一行）
      --locale <zh-CN|en>   消息语言（默认取自 LC_ALL/LANG）
      --max-warnings <n>    警告多于 n 条时以状态 1 退出
      --quiet               只报告错误
      --rule <id=severity>  设置一条规则的级别：off|info|warning|error（可重复）；
                            也接受 ESLint 的 warn 和 0|1|2
      --no-redact           完整显示身份证件号码、电话、电子邮箱和姓名（默认打码）
  -o, --output-file <path>  把报告写入文件，而不是标准输出
      --color, --no-color   强制开启或关闭颜色（默认：终端中开启）
  -c, --config <path>       配置文件（默认：从当前目录向上查找
                            beianlint.config.yaml/.yml/.json 或 .beianlintrc.*）
      --no-config           不读取任何配置文件
      --ignore-pattern <g>  不检查与此 glob 匹配的文件（可重复）
      --print-config <file> 显示检查该文件时所用的配置
      --stdin-filename <n>  从 - 读入时使用的文件名（按扩展名确定格式）
      --now <YYYY-MM-DD>    以这一天为“今天”检查与日期有关的规则（默认：今天）
      --max-file-size <MiB> 整个读入的 JSON/YAML 文件和单条记录的大小上限
                            （默认 256）；JSONL 文件和大型 JSON 数组按流读取
      --concurrency <n>     检查所用的线程数（含主线程）：auto（大批量时每个
                            CPU 核一个）、off（默认）或一个数字；输出相同
      --cache               跳过上次检查无任何问题且未改动的文件
      --cache-location <p>  缓存文件（默认 .beianlintcache 及其 .keys 文件）；
                            只保存摘要
      --fix                 自动修正不改变记录含义的问题（小写 x、全角数字、
                            首尾空白、域名末尾的点），直接写回文件
      --fix-dry-run         同 --fix，但不写文件；配合 --format json 和 --no-redact
                            时，每个有改动的文件以 "output" 给出修正后的全文
      --list-rules          列出生效的规则（级别、起始阶段、条款、说明）
      --explain <rule-id>   显示一条规则的文档：检查什么、为什么、示例
      --init                在当前目录写入 beianlint.config.yaml（接入服务单位预设）；
                            加 --bureau 则用通信管理局预设
      --suppress-all        把发现的所有问题记入抑制文件；
                            之后的检查只报告其中没有记录的问题
      --suppress-rule <id>  只记录这条规则的问题（可重复）
      --suppressions-location <p>
                            抑制文件（默认 beianlint-suppressions.json）；
                            只要它存在，每次检查都会读取
      --prune-suppressions  删除抑制文件中已不再出现的问题
      --submitted-from <YYYY-MM-DD>
      --submitted-to <YYYY-MM-DD>
                            只检查这一期间的记录（北京时间，含首尾两天）：按
                            verification.submittedAt，没有它的记录按 review.reviewedAt；
                            两个日期都没有的记录不属于任何期间；期间外的记录
                            跳过，计为“已跳过”，不计为无错误
      --group-by <what>     provider 或 province：按 --format 为每个接入服务单位
                            （或省份）各写一份报告到 --output-dir，并附 index.csv 目录
      --output-dir <dir>    --group-by 报告写入的目录
      --sample <n>          另外随机抽取 n 条记录用于人工电话抽查，
                            以 CSV（带 BOM 的 UTF-8）写入 --sample-output
      --seed <s>            抽样的种子：同一种子、同样的文件抽出同一样本
                            （默认：新选一个，并在标准错误中给出）
      --sample-by <what>    province 或 provider：每个省份或接入服务单位各抽 n 条
      --sample-output <p>   样本 CSV 文件；电话和姓名默认打码，
                            --no-redact 时完整写出，文件仅所有者可读
  -h, --help                显示本帮助
  -v, --version             显示版本号

退出状态：0 没有错误；1 有错误（或警告过多）；2 用法或配置错误。
`,
};
