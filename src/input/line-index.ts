import type { SourceRange } from './source.js';

/**
 * Maps string offsets to 1-based line/column. Line breaks are LF, CRLF and a
 * lone CR, as VS Code counts them; columns are UTF-16 code units, which is
 * what JavaScript string offsets already are.
 */
export class LineIndex {
  private readonly starts: number[] = [0];
  /** Line breaks are known before this offset: most files are asked for the position of their first record only. */
  private scanned = 0;

  constructor(private readonly text: string) {}

  /** Finds the line starts up to `offset`, from where the last call stopped. */
  private scanTo(offset: number): void {
    const text = this.text;
    const end = Math.min(offset, text.length);
    let i = this.scanned;
    for (; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      }
    }
    this.scanned = Math.max(this.scanned, i);
  }

  position(offset: number): { line: number; column: number } {
    this.scanTo(offset);
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  }

  /**
   * The offset of a 1-based line and column, the way back from position();
   * undefined where the text has no such place (a column past the line's
   * break).
   */
  offset(line: number, column: number): number | undefined {
    this.scanTo(this.text.length);
    const start = this.starts[line - 1];
    if (start === undefined || column < 1) return undefined;
    const offset = start + column - 1;
    return offset <= (this.starts[line] ?? this.text.length) ? offset : undefined;
  }

  range(start: number, end: number): SourceRange {
    const a = this.position(start);
    const b = this.position(Math.max(start, end));
    return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  }
}

/**
 * Positions in a piece of a file read on its own (one element of a streamed
 * JSON array): its lines count from `firstLine`, and its first line starts
 * `firstColumn` UTF-16 code units into the file's line.
 */
export class PieceLineIndex extends LineIndex {
  constructor(
    text: string,
    private readonly firstLine: number,
    private readonly firstColumn: number,
  ) {
    super(text);
  }

  override position(offset: number): { line: number; column: number } {
    const p = super.position(offset);
    return { line: p.line + this.firstLine - 1, column: p.line === 1 ? p.column + this.firstColumn : p.column };
  }
}
