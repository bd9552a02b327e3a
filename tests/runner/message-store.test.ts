import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { errorsOnly, messagesOf, MessageStore } from '../../src/runner/message-store.js';
import { compareMessages, type LintMessage, type Severity } from '../../src/engine/types.js';

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

/** A message at (line, column) of a record; `n` tells equal-sorting messages apart. */
function message(line: number, column: number, record: number, ruleId: string, n: number): LintMessage {
  return {
    ruleId,
    severity: SEVERITIES[n % 3]!,
    // Wide and astral characters and an escaped line break: a message is still one line in the file.
    message: `#${n} 手机号码 138****5678 无效 😀 "quoted"\nsecond line`,
    record,
    filingId: n % 4 === 0 ? null : `F-${n}`,
    path: '/principal/contacts/mobile',
    line,
    column,
    endLine: line,
    endColumn: column + 3,
  };
}

const messages = fc.array(
  fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 0, max: 3 }), fc.constantFrom('schema', 'contact-format', 'batch-shared-mobile')),
  { maxLength: 120 },
);

/** What a store must equal: all messages of a file, stably sorted. */
const stableSorted = (ms: LintMessage[]) => [...ms].sort(compareMessages);

describe('MessageStore', () => {
  it('gives back each file exactly as a stable sort of its messages, however small its budget', () => {
    fc.assert(
      fc.property(messages, messages, fc.integer({ min: 1, max: 40 }), (a, b, budget) => {
        const store = new MessageStore(budget);
        const files = [store.file(), store.file()];
        const sent: LintMessage[][] = [[], []];
        // Interleaved, as units of two files come back in a run.
        for (let i = 0; i < Math.max(a.length, b.length); i++) {
          for (const [f, list] of [a, b].entries()) {
            const t = list[i];
            if (!t) continue;
            const m = message(t[0], t[1], t[2], t[3], i * 2 + f);
            sent[f]!.push(m);
            files[f]!.push(m);
          }
        }
        for (const f of [0, 1]) {
          const result = files[f]!.result(`f${f}`);
          const expected = stableSorted(sent[f]!);
          expect([...messagesOf(result)]).toEqual(expected);
          expect(result.messages).toEqual(expected);
          expect(result.errorCount + result.warningCount + result.infoCount).toBe(expected.length);
          expect(result.errorCount).toBe(expected.filter((m) => m.severity === 'error').length);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('keeps messages in memory as plain arrays while they fit, and streams them from the file once they do not', () => {
    const store = new MessageStore(10);
    const small = store.file();
    small.push(message(2, 1, 0, 'schema', 0), message(1, 1, 0, 'schema', 1));
    const plain = small.result('small.json');
    expect(Array.isArray(plain.messages)).toBe(true);
    expect(messagesOf(plain)).toBe(plain.messages);
    expect(() => small.push(message(3, 1, 0, 'schema', 2))).toThrow(/result is made/);

    const big = store.file();
    for (let i = 0; i < 25; i++) big.push(message(100 - i, 1, i, 'schema', i));
    const streamed = big.result('big.jsonl', { records: 25, groups: [], recordGroup: [] });
    expect(Array.isArray(messagesOf(streamed))).toBe(false);
    // Read twice, once by the formatter's stream and once as an array: the same both times.
    expect([...messagesOf(streamed)].map((m) => m.line)).toEqual(Array.from({ length: 25 }, (_, i) => 76 + i));
    expect(streamed.messages.map((m) => m.line)).toEqual(Array.from({ length: 25 }, (_, i) => 76 + i));
    expect(streamed.stats?.records).toBe(25);
    expect(JSON.parse(JSON.stringify(streamed)).messages).toHaveLength(25);
    // The small file's result was made before the big one spilled: it kept its messages.
    expect(plain.messages.map((m) => m.line)).toEqual([1, 2]);
  });

  it('keeps only errors for --quiet, whether the messages are in memory or in the file', () => {
    for (const budget of [1000, 3]) {
      const store = new MessageStore(budget);
      const file = store.file();
      for (let i = 0; i < 12; i++) file.push(message(i + 1, 1, i, 'schema', i));
      const quiet = errorsOnly(file.result('a.jsonl'));
      expect([quiet.warningCount, quiet.infoCount]).toEqual([0, 0]);
      expect(quiet.errorCount).toBe(4);
      expect([...messagesOf(quiet)].map((m) => m.line)).toEqual([1, 4, 7, 10]);
      expect(quiet.messages.map((m) => m.line)).toEqual([1, 4, 7, 10]);
    }
  });

  it('keeps the messages in memory when no temporary file can be written', () => {
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = '/nonexistent/beianlint-test';
    try {
      const store = new MessageStore(2);
      const file = store.file();
      const sent = Array.from({ length: 9 }, (_, i) => message(9 - i, 1, i, 'schema', i));
      for (const m of sent) file.push(m);
      expect([...messagesOf(file.result('a.jsonl'))]).toEqual(stableSorted(sent));
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
  });
});
