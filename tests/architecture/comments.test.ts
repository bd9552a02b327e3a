import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseSync } from 'oxc-parser';
import { describe, expect, it } from 'vitest';

// Comments say why, not how fast. A timing quoted as the reason for a design
// ("took 1.1 s", "three times as long") goes stale as the code and the
// machine change; the comment says what costs what, in kind, and the figure
// goes to bench/DECISIONS.md, which `npm run bench` appends to RESULTS.md.
// Sizes (16 MiB) are not timings: a constant's own value may be named.

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');
const GENERATED = join(SRC, 'generated');

const NUMBER = String.raw`\d+(?:[.,]\d+)*(?:\s*[-–]\s*\d+(?:[.,]\d+)*)?`;
const TIME_UNIT = String.raw`(?:µs|μs|ns|ms|s|secs?|seconds?|minutes?|microseconds?|milliseconds?|nanoseconds?)`;
const HOW_MANY = String.raw`(?:\d+(?:\.\d+)?|two|three|four|five|six|seven|eight|nine|ten|several|many)`;
const SPEED = String.raw`(?:faster|slower|quicker|longer|as long|as fast|as slow|as quick)`;

/** What a comment must not quote: a time, or a speed-up or slow-down by a factor. */
const TIMING = new RegExp(
  [
    // "1.1 s", "110-190 ms", "7 µs", "30 seconds"; not a decade ("the 1900s") nor part of a word or version.
    String.raw`(?<![\w.])(?!\d{3}0s\b)${NUMBER}\s*${TIME_UNIT}(?![\w])`,
    // "a microsecond a record"
    String.raw`\b(?:a|an|one|half a)\s+(?:micro|milli|nano)seconds?\b`,
    // "three times as long", "1.7 times faster", "2× slower"
    String.raw`\b${HOW_MANY}\s*(?:times|×|x)\s+${SPEED}\b`,
    String.raw`\b(?:twice|half) as (?:long|fast|slow|quick)\b`,
    // "30% faster"
    String.raw`\b\d+(?:\.\d+)?\s*%\s+${SPEED}\b`,
  ].join('|'),
  'giu',
);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (path === GENERATED) return [];
    return statSync(path).isDirectory() ? sourceFiles(path) : name.endsWith('.ts') ? [path] : [];
  });
}

/** The timings quoted in the comments of a source text, as `line: quote`; strings and code are not read. */
function timingsInComments(fileName: string, text: string): string[] {
  const found: string[] = [];
  for (const comment of parseSync(fileName, text).comments) {
    // The value starts after `//` or `/*`.
    const valueStart = comment.start + 2;
    for (const match of comment.value.matchAll(TIMING)) {
      const line = text.slice(0, valueStart + match.index).split('\n').length;
      found.push(`${line}: ${match[0].replace(/\s+/g, ' ')}`);
    }
  }
  return found;
}

describe('comments in src/', () => {
  const files = sourceFiles(SRC);

  it('quote no timing (the figures behind a design are in bench/DECISIONS.md)', () => {
    const quoted = files.flatMap((file) => timingsInComments(file, readFileSync(file, 'utf8')).map((hit) => `${relative(SRC, file)}:${hit}`));
    expect(quoted).toEqual([]);
  });

  it('are read: the scan finds the comments of src/ (a check that reads nothing proves nothing)', () => {
    const comments = files.reduce((n, file) => n + parseSync(file, readFileSync(file, 'utf8')).comments.length, 0);
    expect(files.length).toBeGreaterThan(50);
    expect(files.some((file) => file.startsWith(GENERATED))).toBe(false);
    expect(comments).toBeGreaterThan(500);
  });

  it('catches a timing in a line or block comment, and only in a comment', () => {
    const sample = [
      "const label = 'took 5 ms'; // took 1.1 s per 100,000 filings",
      '/**',
      ' * Filling it cost 7 µs a record; stats took 110-190 ms against 25-35 ms.',
      ' * Imported as ES modules they cost three times as long to load,',
      ' * 1.7 times faster on two, 2× slower, twice as fast, 30% faster,',
      ' * 24 s of which a third idle, 7 of its 30 seconds, and a microsecond a record.',
      ' */',
      'const x = 1; /* a run of 2 minutes */',
    ].join('\n');
    expect(timingsInComments('sample.ts', sample)).toEqual([
      '1: 1.1 s',
      '3: 7 µs',
      '3: 110-190 ms',
      '3: 25-35 ms',
      '4: three times as long',
      '5: 1.7 times faster',
      '5: 2× slower',
      '5: twice as fast',
      '5: 30% faster',
      '6: 24 s',
      '6: 30 seconds',
      '6: a microsecond',
      '8: 2 minutes',
    ]);
  });

  it('passes comments that say why in words, and sizes, dates and versions', () => {
    const clean = [
      '// A round trip to the thread pool per file costs more than linting a one-filing file.',
      '/** `.json` files this large are read an element at a time (16 MiB by default). */',
      '/**',
      ' * A 15-digit number of the 1900s (GB 11643-1989), valid until 2013-01-01;',
      ' * a plain array that large lands in V8\'s old generation (measured: bench/RESULTS.md).',
      ' * crypto.hash (Node 20.12+); (ms since the epoch); a second id of the holder;',
      ' * the 256 partitions; up to 4 with the default limit, 1.6 with 1 GB.',
      ' */',
      "const timeout = '30 s';",
    ].join('\n');
    expect(timingsInComments('clean.ts', clean)).toEqual([]);
  });
});
