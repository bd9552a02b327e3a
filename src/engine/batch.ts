import { isAbsolute, relative, sep } from 'node:path';
import type { BatchKey, MessageData, Report } from '../checks/api.js';
import type { SourceRecord } from '../input/index.js';
import type { Linter } from './linter.js';
import type { LintMessage } from './types.js';

/** What the batch rules take from one record, wherever it was parsed (this thread or a worker). */
export interface RecordKeys {
  record: number;
  /** Where a streamed record's line starts, so a message can be placed by reading that line again. */
  byteOffset?: number;
  /** The record's first line: how a later message names it. */
  line: number;
  filingId: string | null;
  keys: Array<{ ruleId: string; keys: BatchKey[] }>;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** 30 bits of a base64 digest: enough to tell two holders of one key apart. */
function holderBits(holder: string | undefined): number {
  if (holder === undefined) return -1;
  let bits = 0;
  for (let i = 0; i < 5; i++) bits = bits * 64 + Math.max(0, BASE64.indexOf(holder[i] ?? 'A'));
  return bits;
}

/**
 * Where each key was first seen, for one batch rule. A national batch holds
 * millions of keys, so the places live in typed arrays and the map holds
 * only the key and a slot number.
 */
class FirstSeenTable {
  private readonly slots = new Map<string, number>();
  private file = new Int32Array(1024);
  private record = new Int32Array(1024);
  private line = new Int32Array(1024);
  private holder = new Int32Array(1024);

  get(key: string): { file: number; record: number; line: number; holder: number } | undefined {
    const slot = this.slots.get(key);
    if (slot === undefined) return undefined;
    return { file: this.file[slot]!, record: this.record[slot]!, line: this.line[slot]!, holder: this.holder[slot]! };
  }

  add(key: string, file: number, record: number, line: number, holder: number): void {
    const slot = this.slots.size;
    if (slot === this.file.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.file = grow(this.file);
      this.record = grow(this.record);
      this.line = grow(this.line);
      this.holder = grow(this.holder);
    }
    this.slots.set(key, slot);
    this.file[slot] = file;
    this.record[slot] = record;
    this.line[slot] = line;
    this.holder[slot] = holder;
  }
}

/** A batch message whose exact range must still be found (its record was parsed in a worker). */
export interface UnplacedMessage {
  filePath: string;
  message: LintMessage;
  byteOffset?: number;
  /**
   * Set when the key came from the cache, which keeps no message data: the
   * message is written again from the record once it is read.
   */
  rewrite?: { ruleId: string; earlier: MessageData };
}

export class BatchSession {
  private readonly messages = new Map<string, LintMessage[]>();
  private readonly unplaced: UnplacedMessage[] = [];
  private readonly seen = new Map<string, FirstSeenTable>();
  private readonly files: string[] = [];
  private readonly fileIndex = new Map<string, number>();

  constructor(
    private readonly linter: Linter,
    private readonly cwd = process.cwd(),
  ) {}

  private displayPath(file: number): string {
    const filePath = this.files[file]!;
    const rel = relative(this.cwd, filePath);
    return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : filePath;
  }

  /** A record parsed in this thread: its keys are taken and any message is placed at once. */
  visit(record: SourceRecord, filePath: string): void {
    const value = record.value;
    const keys = this.linter.batchKeys(value);
    if (keys.length === 0) return;
    const filingId = isObject(value) && typeof value.filingId === 'string' ? value.filingId : null;
    const line = record.line ?? record.startLine ?? record.locate('').line;
    this.add(filePath, { record: record.index, line, filingId, keys }, record);
  }

  /**
   * Compares one record's keys with everything seen before it in the run.
   * Records must come in input order, so "earlier" means earlier in the
   * files as given. Without the record itself (a worker parsed it), a message
   * is placed on the record's first line until `unplacedMessages` are placed.
   */
  add(filePath: string, rk: RecordKeys, record?: SourceRecord): void {
    let file = this.fileIndex.get(filePath);
    if (file === undefined) {
      file = this.files.length;
      this.files.push(filePath);
      this.fileIndex.set(filePath, file);
    }
    for (const { ruleId, keys } of rk.keys) {
      const active = this.linter.activeRule(ruleId);
      if (!active) continue;
      let table = this.seen.get(ruleId);
      if (!table) this.seen.set(ruleId, (table = new FirstSeenTable()));
      for (const k of keys) {
        const first = table.get(k.key);
        const holder = holderBits(k.holder);
        if (!first) {
          table.add(k.key, file, rk.record, rk.line, holder);
          continue;
        }
        if (holder !== -1 && first.holder === holder) continue;
        const report: Report = {
          path: k.path,
          data: { ...k.data, earlierFile: this.displayPath(first.file), earlierRecord: first.record, earlierLine: first.line },
        };
        const range = record ? record.locate(k.path) : { line: rk.line, column: 1, endLine: rk.line, endColumn: 1 };
        const message = this.linter.message(active, rk.record, rk.filingId, report, range);
        const list = this.messages.get(filePath) ?? [];
        list.push(message);
        this.messages.set(filePath, list);
        if (!record) {
          this.unplaced.push({
            filePath,
            message,
            ...(rk.byteOffset !== undefined ? { byteOffset: rk.byteOffset } : {}),
            ...(k.data === undefined ? { rewrite: { ruleId, earlier: report.data! } } : {}),
          });
        }
      }
    }
  }

  /** Messages still on their record's first line, for the caller to place exactly. */
  unplacedMessages(): readonly UnplacedMessage[] {
    return this.unplaced;
  }

  /** Ends the run: the batch messages, grouped by file. */
  finish(): Map<string, LintMessage[]> {
    return this.messages;
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
