// Spot-check samples (issue 18): the filing centre phones a random few of a
// batch's principals (人工电话抽查) to confirm what the filings say. The sample
// is drawn in a pass of its own over the files the run linted, through the
// input layer's record sources, so a JSONL file of millions of records is
// streamed and only the records kept so far are held.
//
// A record's place in the draw is a keyed hash: HMAC-SHA256 with the seed as
// key over the record's file (as the report shows it, relative to the working
// directory) and its index in that file. The records with the smallest hashes
// are the sample, per stratum when the sample is stratified. So the same seed
// over the same files gives the same sample whatever order they are read in
// and however many threads lint them, and records appended to a file later
// leave the earlier records' chances as they were.

import { realPathOf, replaceFile } from './output-files.js';
import { createHmac, randomInt } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { maskPersonalText } from '../domain/personal-text.js';
import { maskPersonName, maskPhone } from '../domain/redact.js';
import { inPeriod } from '../engine/stats.js';
import { trimmedView } from '../engine/trimmed.js';
import type { Locale, Localized, RecordPeriod } from '../engine/types.js';
import { textCell } from '../formatters/csv.js';
import { displayPath } from '../formatters/paths.js';
import { provinceLabel, providerLabel } from '../formatters/report/markup.js';
import { sayIn } from '../formatters/report/texts.js';
import { valueAt } from '../input/pointer.js';
import { eachItem, jsonArraySource, jsonlFileSource, wholeFileSource, type RecordSource } from '../input/record-source.js';
import type { SourceRecord } from '../input/source.js';
import { planRun, type PlannedFile } from '../runner/plan.js';
import { UsageError, type SampleRequest, type Stratification } from './args.js';

/** What one draw takes. */
export interface SampleDraw {
  /** Records drawn in all, or from each stratum when `by` is given. */
  size: number;
  /** The key of the draw: the same seed over the same files draws the same records. */
  seed: string;
  /** Draw `size` records from each province (owner's region code) or each access provider. */
  by?: Stratification;
  /**
   * The records the sample may take, such as those of a period
   * (--submitted-from/--submitted-to); every record when absent.
   */
  include?: (record: unknown) => boolean;
}

/** A drawn record: where it is, and what the caller needs to phone, as the record has it. */
export interface SampledRecord {
  /** The file as reports show it. */
  file: string;
  /** The file's place among the inputs, and the record's index in it: input order. */
  fileOrder: number;
  index: number;
  /** The record's first line, counted from 1. */
  line: number;
  /** The record's rank in the draw: the smaller, the earlier it is taken. */
  priority: number;
  /** A GB/T 2260 province code, or `??` when the owner's region code does not give one. */
  province: string;
  /** The first website's access provider, or `?` when there is none. */
  provider: string;
  filingId: string;
  owner: string;
  /** Whether the owner's name is a person's: as the engine masks it, an owner that is not a unit is taken for one. */
  ownerIsPerson: boolean;
  principal: string;
  mobile: string;
  officePhone: string;
  homePhone: string;
}

/** The seed a run picks when none is given: a number, so that it is easy to read out and type again. */
export function chosenSeed(): string {
  return String(randomInt(0, 2 ** 47));
}

/** A record's rank in the draw of `seed`: the first 48 bits of HMAC-SHA256(seed, file LF index). */
export function samplePriority(seed: string, file: string, index: number): number {
  return createHmac('sha256', seed).update(`${file}\n${index}`).digest().readUIntBE(0, 6);
}

/** Earlier in the draw: a smaller hash, then input order (so even equal hashes rank alike every time). */
function drawnBefore(a: SampledRecord, b: SampledRecord): boolean {
  if (a.priority !== b.priority) return a.priority < b.priority;
  return a.fileOrder !== b.fileOrder ? a.fileOrder < b.fileOrder : a.index < b.index;
}

/**
 * The `size` records of a stratum drawn earliest so far: a binary heap with
 * the latest drawn on top, which a record drawn earlier replaces.
 */
class Earliest {
  private readonly heap: SampledRecord[] = [];
  constructor(private readonly size: number) {}

  /** Whether a record of this rank would be kept, asked before the record's fields are read. */
  takes(rank: Pick<SampledRecord, 'priority' | 'fileOrder' | 'index'>): boolean {
    return this.heap.length < this.size || drawnBefore(rank as SampledRecord, this.heap[0]!);
  }

  add(record: SampledRecord): void {
    const heap = this.heap;
    if (heap.length < this.size) {
      heap.push(record);
      for (let at = heap.length - 1; at > 0; ) {
        const parent = (at - 1) >> 1;
        if (!drawnBefore(heap[parent]!, heap[at]!)) break;
        [heap[parent], heap[at]] = [heap[at]!, heap[parent]!];
        at = parent;
      }
      return;
    }
    heap[0] = record;
    for (let at = 0; ; ) {
      let latest = at;
      for (const child of [2 * at + 1, 2 * at + 2]) if (child < heap.length && drawnBefore(heap[latest]!, heap[child]!)) latest = child;
      if (latest === at) return;
      [heap[latest], heap[at]] = [heap[at]!, heap[latest]!];
      at = latest;
    }
  }

  records(): SampledRecord[] {
    return [...this.heap];
  }
}

function textAt(record: unknown, pointer: string): string {
  const value = valueAt(record, pointer);
  if (typeof value === 'string') return value;
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : '';
}

/** The province and access provider a record is counted under, as the reports group records (src/engine/stats.ts). */
function groupOf(record: unknown): { province: string; provider: string } {
  const region = textAt(record, '/owner/regionCode');
  const provider = textAt(record, '/websites/0/access/providerName').trim();
  return { province: /^[0-9]{2}/.test(region) ? region.slice(0, 2) : '??', provider: provider === '' ? '?' : provider };
}

function sampledRecord(item: SourceRecord, rank: Pick<SampledRecord, 'file' | 'fileOrder' | 'priority'>, group: { province: string; provider: string }): SampledRecord {
  const record = item.value;
  const contact = (name: string) => textAt(record, `/principal/contacts/${name}`);
  return {
    ...rank,
    index: item.index,
    line: item.line ?? item.startLine ?? item.locate('').line,
    ...group,
    filingId: textAt(record, '/filingId'),
    owner: textAt(record, '/owner/name'),
    ownerIsPerson: valueAt(record, '/owner/kind') !== 'unit',
    principal: textAt(record, '/principal/name'),
    mobile: contact('mobile'),
    officePhone: contact('officePhone'),
    homePhone: contact('homePhone'),
  };
}

/** A file's records, read as the run reads them: JSONL and large JSON arrays streamed, the rest whole. */
function sourceOf(file: PlannedFile, maxFileSize: number): RecordSource {
  if (file.read === 'jsonl') return jsonlFileSource(file.filePath, maxFileSize);
  if (file.read === 'json-array') return jsonArraySource(file.filePath, maxFileSize, { size: file.size });
  return wholeFileSource(file.filePath, file.size, maxFileSize, file.format);
}

/** Strata in order of their code or name, the unknown one last; records within one in input order. */
function inSampleOrder(strata: Map<string, Earliest>): SampledRecord[] {
  const unknown = (key: string) => key === '??' || key === '?';
  const keys = [...strata.keys()].sort((a, b) => Number(unknown(a)) - Number(unknown(b)) || (a < b ? -1 : a > b ? 1 : 0));
  return keys.flatMap((key) => strata.get(key)!.records().sort((a, b) => a.fileOrder - b.fileOrder || a.index - b.index));
}

/**
 * Draws the sample from the records of `files` (paths as the run's results
 * name them, in their order). Faults are skipped: a record that does not
 * parse cannot be phoned about, and the report names it anyway.
 */
export async function drawSample(files: readonly string[], cwd: string, draw: SampleDraw, maxFileSize: number): Promise<SampledRecord[]> {
  const plan = planRun(files, { concurrency: 'off', workersPossible: false, chunkBytes: Number.POSITIVE_INFINITY });
  const strata = new Map<string, Earliest>();
  for (const [fileOrder, planned] of plan.files.entries()) {
    const file = displayPath(planned.filePath, cwd);
    await eachItem(sourceOf(planned, maxFileSize).read().items, (item) => {
      if (item.kind !== 'record' || (draw.include && !draw.include(item.value))) return;
      const priority = samplePriority(draw.seed, file, item.index);
      const group = groupOf(item.value);
      const key = draw.by === undefined ? '' : group[draw.by];
      let stratum = strata.get(key);
      if (!stratum) strata.set(key, (stratum = new Earliest(draw.size)));
      if (stratum.takes({ priority, fileOrder, index: item.index })) stratum.add(sampledRecord(item, { file, fileOrder, priority }, group));
    });
  }
  return inSampleOrder(strata);
}

/** The columns, in the run's language: the record's, then three the caller fills in. */
const HEADERS: Readonly<Record<Locale, readonly string[]>> = {
  en: ['filingId', 'file:line', 'Province', 'Access provider', 'Owner', 'Principal', 'Mobile', 'Office phone', 'Home phone', 'Reached', 'Details match', 'Note'],
  'zh-CN': ['备案记录编号', '文件:行', '省份', '接入服务单位', '网站主办者', '网站负责人', '手机号码', '办公电话', '住宅电话', '是否接通', '信息是否一致', '备注'],
};

/** A record's cells: personal data masked unless `redact` is false; an access provider's name as every report shows it. */
function rowOf(r: SampledRecord, say: ReturnType<typeof sayIn>, redact: boolean): string[] {
  const phone = (value: string) => (redact && value.trim() !== '' ? maskPhone(value) : value);
  const personName = (value: string) => (redact && value.trim() !== '' ? maskPersonName(value) : value);
  const text = (value: string) => (redact ? maskPersonalText(value) : value);
  return [
    text(r.filingId),
    `${r.file}:${r.line}`,
    provinceLabel(r.province, say),
    providerLabel(r.provider, say),
    r.ownerIsPerson ? personName(r.owner) : text(r.owner),
    personName(r.principal),
    phone(r.mobile),
    phone(r.officePhone),
    phone(r.homePhone),
    '',
    '',
    '',
  ];
}

/**
 * The sample as CSV for a spreadsheet, as `--format csv` writes: UTF-8 with a
 * byte order mark (so Excel shows the Chinese), LF line ends, its cells
 * quoted and guarded against formulas by the same writer.
 */
export function sampleCsv(records: readonly SampledRecord[], locale: Locale, redact: boolean): string {
  const say = sayIn(locale);
  const lines = [HEADERS[locale], ...records.map((r) => rowOf(r, say, redact))].map((cells) => `${cells.map(textCell).join(',')}\n`);
  return `\uFEFF${lines.join('')}`;
}

/**
 * Writes `text` to `target` through a new file beside it, renamed over the
 * target once whole: a sample is never left half written, and one with
 * personal data in full is created readable by its owner only (0600) rather
 * than made so after, when another user could already have opened it.
 */
export function writeSampleFile(target: string, text: string, ownerOnly: boolean): void {
  mkdirSync(dirname(target), { recursive: true });
  replaceFile(target, text, ownerOnly ? 0o600 : 0o666);
}

/** Everything the CLI knows that a sample needs besides the request. */
export interface SampleRun {
  files: readonly string[];
  cwd: string;
  locale: Locale;
  redact: boolean;
  maxFileSize: number;
  /** The run's period (--submitted-from/--submitted-to): the sample is drawn from its records only. */
  period?: RecordPeriod;
  /** Says a line on standard error, in the run's language. */
  tell: (line: Localized) => void;
}

/** How many a stratified sample takes of each stratum, as the line on stderr says it. */
function perStratum({ by, size }: SampleRequest): Localized {
  if (by === 'province') return { en: `, up to ${size} per province,`, 'zh-CN': `，每个省份至多 ${size} 条` };
  if (by === 'provider') return { en: `, up to ${size} per access provider,`, 'zh-CN': `，每个接入服务单位至多 ${size} 条` };
  return { en: '', 'zh-CN': '' };
}

/** `--sample`: draws the sample, writes it to --sample-output and says on stderr what was written and with which seed. */
export async function writeSpotCheckSample(request: SampleRequest, run: SampleRun): Promise<void> {
  const target = resolve(run.cwd, request.output);
  const realTarget = realPathOf(target);
  if (realTarget !== undefined && run.files.some((f) => realPathOf(resolve(run.cwd, f)) === realTarget)) {
    throw new UsageError({
      en: `will not write the sample to ${request.output}: it is one of the files being linted`,
      'zh-CN': `不会把抽查样本写入 ${request.output}：它是被检查的文件之一`,
    });
  }
  const seed = request.seed ?? chosenSeed();
  const { period } = run;
  // As the linter decides which records are the period's: on the record's trimmed view.
  const include = period && ((record: unknown) => inPeriod(trimmedView(record), period));
  const draw: SampleDraw = { size: request.size, seed, ...(request.by ? { by: request.by } : {}), ...(include ? { include } : {}) };
  const records = await drawSample(run.files, run.cwd, draw, run.maxFileSize);
  writeSampleFile(target, sampleCsv(records, run.locale, run.redact), !run.redact);
  const per = perStratum(request);
  run.tell({
    en: `wrote a spot-check sample of ${records.length} record(s)${per.en} to ${request.output} (seed ${seed}; --seed ${seed} draws it again)`,
    'zh-CN': `已把抽查样本（${records.length} 条记录${per['zh-CN']}）写入 ${request.output}（种子 ${seed}；用 --seed ${seed} 可再次抽出同一样本）`,
  });
  if (!run.redact) {
    run.tell({
      en: `warning: ${request.output} holds phone numbers and names in full (--no-redact); it was created readable by its owner only: keep it so, and delete it when the checks are done`,
      'zh-CN': `警告：${request.output} 含完整的电话号码和姓名（--no-redact），已创建为仅所有者可读；请妥善保管，抽查完成后删除`,
    });
  }
}
