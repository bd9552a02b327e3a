import { SpillFile } from './spill-file.js';
import { compareMessages, countResult, type FileStats, type LintMessage, type LintResult, type MessageSink } from '../engine/types.js';

// A run keeps every message until its report, which is sorted by position.
// A national batch can have millions of them, each an object with strings of
// its own and V8's headroom beside them, so past a budget a run's messages
// are sorted and written to a temporary file, one sorted run per file at a
// time, and the report reads each file's runs back merged, a block at a
// time: memory stays at the budget however many messages there are.
//
// The file holds messages exactly as the report will: masked unless the
// user turned masking off, encrypted with a key only this process holds (see
// SpillFile), in a folder only the user can read, removed when the store is
// collected, the process exits, or SIGINT or SIGTERM ends it.

/** Messages a run holds in memory, over all its files, before it writes them to a temporary file (a few megabytes; measured: bench/RESULTS.md). */
export const DEFAULT_MESSAGES_IN_MEMORY = 20_000;

/** Messages encoded and written at a time (well below V8's large-object size; see writeOut). */
const MESSAGES_PER_WRITE = 200;

/** Bytes read at a time from each sorted run while merging. */
const READ_BLOCK = 64 * 1024;

/** A sorted run of one file's messages: where it is in the temporary file, or the messages when it could not be written. */
type Run = { at: number; bytes: number } | { messages: LintMessage[] };

/** The messages of a result whose messages are read from a store, as a stream. */
const MESSAGE_STREAM = Symbol('beianlint.messageStream');

type StreamedResult = LintResult & { [MESSAGE_STREAM]?: () => Iterable<LintMessage> };

// A store's temporary file outlives lintFiles (the report reads it), so it goes when nothing can read it any more.
const closeWhenUnreachable = new FinalizationRegistry<SpillFile>((spill) => spill.close());

/** The messages of one run, file by file, within a memory budget. */
export class MessageStore {
  private readonly spill = new SpillFile('messages');
  private readonly files: FileMessages[] = [];
  private held = 0;

  constructor(private readonly budget = DEFAULT_MESSAGES_IN_MEMORY) {
    closeWhenUnreachable.register(this, this.spill);
  }

  /** A sink for one file's messages. */
  file(): FileMessages {
    const file = new FileMessages(this, this.spill);
    this.files.push(file);
    return file;
  }

  /** Called by a file as messages arrive; past the budget every file's messages go to the temporary file. */
  holding(count: number): void {
    this.held += count;
    if (this.held >= this.budget) this.writeOut();
  }

  /**
   * Each file's held messages, sorted, become one run in the file. They are
   * encoded and written a few hundred at a time: one text of a whole run
   * (and its bytes again) lands in V8's large-object space, which only a
   * full collection frees, and raised a large run's peak.
   */
  private writeOut(): void {
    for (const file of this.files) {
      if (file.finished) continue;
      const held = file.takeHeld();
      if (held.length === 0) continue;
      held.sort(compareMessages);
      let at: number | undefined;
      let bytes = 0;
      for (let i = 0; i < held.length && (i === 0 || at !== undefined); i += MESSAGES_PER_WRITE) {
        const piece = Buffer.from(held.slice(i, i + MESSAGES_PER_WRITE).map(encode).join('\n') + '\n', 'utf8');
        const written = this.spill.append(piece);
        // The pieces of one run follow each other: only this store writes to its file.
        if (i === 0) at = written;
        if (written === undefined) at = undefined;
        bytes += piece.length;
      }
      // Not written (no temporary file can be): the run stays in memory, which costs memory, not results.
      file.addRun(at === undefined ? { messages: held } : { at, bytes });
    }
    this.held = 0;
  }
}

/** One file's messages: counted as they come, held in memory or in sorted runs in the store's temporary file. */
export class FileMessages implements MessageSink {
  errorCount = 0;
  warningCount = 0;
  infoCount = 0;
  private held: LintMessage[] = [];
  private readonly runs: Run[] = [];
  /** Its result is made: what it holds stays where it is. */
  finished = false;

  constructor(
    private readonly store: MessageStore,
    private readonly spill: SpillFile,
  ) {}

  get count(): number {
    return this.errorCount + this.warningCount + this.infoCount;
  }

  push(...messages: LintMessage[]): number {
    if (this.finished) throw new Error('messages added to a file whose result is made');
    for (const m of messages) {
      if (m.severity === 'error') this.errorCount++;
      else if (m.severity === 'warning') this.warningCount++;
      else this.infoCount++;
      this.held.push(m);
    }
    this.store.holding(messages.length);
    return this.count;
  }

  takeHeld(): LintMessage[] {
    const held = this.held;
    this.held = [];
    return held;
  }

  addRun(run: Run): void {
    this.runs.push(run);
  }

  /** The file's result in report order. Messages that never left memory are an array, as lintText's. */
  result(filePath: string, stats?: FileStats): LintResult {
    this.finished = true;
    const counts = { errorCount: this.errorCount, warningCount: this.warningCount, infoCount: this.infoCount };
    this.held.sort(compareMessages);
    if (this.runs.length === 0) return { filePath, ...counts, messages: this.held, ...(stats ? { stats } : {}) };
    const sources = [...this.runs, { messages: this.held }];
    return streamedResult(filePath, counts, () => merge(sources.map((run) => ('messages' in run ? run.messages : readRun(this.spill, run)))), stats);
  }
}

/**
 * A result whose messages are read when asked for: formatters that write as
 * they go take them one by one (messagesOf); `messages` reads them all into
 * an array on first use, for every other caller.
 */
function streamedResult(
  filePath: string,
  counts: { errorCount: number; warningCount: number; infoCount: number },
  stream: () => Iterable<LintMessage>,
  stats: FileStats | undefined,
): LintResult {
  let all: LintMessage[] | undefined;
  const result: StreamedResult = {
    filePath,
    ...counts,
    get messages() {
      return (all ??= [...stream()]);
    },
    ...(stats ? { stats } : {}),
  };
  Object.defineProperty(result, MESSAGE_STREAM, { value: () => all ?? stream() });
  return result;
}

/** A result's messages in report order, read one at a time when they are in a temporary file. */
export function messagesOf(result: LintResult): Iterable<LintMessage> {
  const stream = (result as StreamedResult)[MESSAGE_STREAM];
  return stream ? stream() : result.messages;
}

/** The result with its errors only (--quiet), still read one at a time if it was. */
export function errorsOnly(result: LintResult): LintResult {
  return filteredResult(result, (m) => m.severity === 'error');
}

/**
 * The result with only the messages `keep` accepts, counted again, and still
 * read one at a time if it was: a national batch's messages are not all put
 * in memory to leave some out (--quiet, suppressions).
 */
export function filteredResult(result: LintResult, keep: (m: LintMessage) => boolean): LintResult {
  if (!(result as StreamedResult)[MESSAGE_STREAM]) {
    const messages = result.messages.filter(keep);
    if (messages.length === result.messages.length) return result;
    const counted = countResult(result.filePath, messages);
    return result.stats ? { ...counted, stats: result.stats } : counted;
  }
  const counts = { errorCount: 0, warningCount: 0, infoCount: 0 };
  for (const m of messagesOf(result)) {
    if (!keep(m)) continue;
    if (m.severity === 'error') counts.errorCount++;
    else if (m.severity === 'warning') counts.warningCount++;
    else counts.infoCount++;
  }
  return streamedResult(
    result.filePath,
    counts,
    function* () {
      for (const m of messagesOf(result)) if (keep(m)) yield m;
    },
    result.stats,
  );
}

function encode(m: LintMessage): string {
  return JSON.stringify([m.ruleId, m.severity, m.message, m.record, m.filingId, m.path, m.line, m.column, m.endLine, m.endColumn]);
}

function decode(line: string): LintMessage {
  const [ruleId, severity, message, record, filingId, path, line_, column, endLine, endColumn] = JSON.parse(line) as [
    LintMessage['ruleId'],
    LintMessage['severity'],
    string,
    number,
    string | null,
    string,
    number,
    number,
    number,
    number,
  ];
  return { ruleId, severity, message, record, filingId, path, line: line_, column, endLine, endColumn };
}

/** The messages of a run in the temporary file, a block at a time. JSON escapes line breaks, so each message is one line. */
function* readRun(spill: SpillFile, run: { at: number; bytes: number }): Generator<LintMessage> {
  let carry: Buffer = Buffer.alloc(0);
  for (let offset = 0; offset < run.bytes; ) {
    const block = Buffer.allocUnsafe(Math.min(READ_BLOCK, run.bytes - offset));
    spill.read(block, run.at + offset);
    offset += block.length;
    const data = carry.length > 0 ? Buffer.concat([carry, block]) : block;
    let start = 0;
    for (let end = data.indexOf(10, start); end !== -1; end = data.indexOf(10, start)) {
      yield decode(data.toString('utf8', start, end));
      start = end + 1;
    }
    carry = data.subarray(start);
  }
}

/**
 * Sorted sources merged into one sorted stream. Equal messages come in
 * source order, so the merge equals a stable sort of the sources joined.
 */
function* merge(sources: Iterable<LintMessage>[]): Generator<LintMessage> {
  // A binary heap of the sources' next messages, least first.
  const heap: Array<{ message: LintMessage; source: number; rest: Iterator<LintMessage> }> = [];
  const before = (a: (typeof heap)[number], b: (typeof heap)[number]) => {
    const c = compareMessages(a.message, b.message);
    return c < 0 || (c === 0 && a.source < b.source);
  };
  const siftDown = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let least = i;
      if (l < heap.length && before(heap[l]!, heap[least]!)) least = l;
      if (r < heap.length && before(heap[r]!, heap[least]!)) least = r;
      if (least === i) return;
      [heap[i], heap[least]] = [heap[least]!, heap[i]!];
      i = least;
    }
  };
  sources.forEach((source, index) => {
    const rest = source[Symbol.iterator]();
    const first = rest.next();
    if (!first.done) heap.push({ message: first.value, source: index, rest });
  });
  for (let i = (heap.length >> 1) - 1; i >= 0; i--) siftDown(i);
  while (heap.length > 0) {
    const top = heap[0]!;
    yield top.message;
    const next = top.rest.next();
    if (next.done) {
      const last = heap.pop()!;
      if (heap.length === 0) break;
      heap[0] = last;
    } else {
      top.message = next.value;
    }
    siftDown(0);
  }
}
