import type { RunProgress } from '../runner/index.js';
import type { Locale } from '../engine/types.js';

/**
 * A one-line progress display on standard error for long runs: records,
 * records per second, share done and time left. It draws only on a
 * terminal, at most five times a second, and erases itself at the end, so
 * logs and pipes never see it.
 */
export class ProgressLine {
  private readonly started = Date.now();
  /** When the batch rules began writing their messages, after the last record. */
  private batchStarted: number | undefined;
  private lastDraw = 0;
  private drawn = false;

  constructor(
    private readonly stream: NodeJS.WriteStream,
    private readonly locale: Locale,
  ) {}

  static forStream(stream: NodeJS.WriteStream, locale: Locale): ProgressLine | undefined {
    return stream.isTTY && !process.env.CI ? new ProgressLine(stream, locale) : undefined;
  }

  update(p: RunProgress): void {
    const now = Date.now();
    if (now - this.lastDraw < 200 || now - this.started < 500) return;
    this.lastDraw = now;
    if (p.batch) this.batchStarted ??= now;
    const phaseStarted = p.batch ? this.batchStarted! : this.started;
    this.stream.write(`\r\u001b[K${formatProgress(p, (now - phaseStarted) / 1000, this.locale)}`);
    this.drawn = true;
  }

  done(): void {
    if (this.drawn) this.stream.write('\r\u001b[K');
  }
}

function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/**
 * The line for a run so far; `elapsedSeconds` counts from the start of its
 * phase: linting records, then (for a batch with repeats, read again at the
 * end to write their messages) the batch rules.
 */
export function formatProgress(p: RunProgress, elapsedSeconds: number, locale: Locale): string {
  const n = (x: number) => Math.round(x).toLocaleString('en-US');
  const eta = (share: number) => clock(share > 0 ? (elapsedSeconds * (1 - share)) / share : 0);
  const pct = (share: number) => `${(share * 100).toFixed(0)}%`;
  if (p.batch) {
    const { written, total } = p.batch;
    const share = total > 0 ? Math.min(1, written / total) : 1;
    return locale === 'zh-CN'
      ? `beianlint：批量规则 · 已写出 ${n(written)} / ${n(total)} 处重复 · ${pct(share)} · 剩余约 ${eta(share)}`
      : `beianlint: batch rules · ${n(written)} of ${n(total)} repeats written · ${pct(share)} · ETA ${eta(share)}`;
  }
  const rate = elapsedSeconds > 0 ? p.records / elapsedSeconds : 0;
  const share = p.totalBytes > 0 ? Math.min(1, p.bytes / p.totalBytes) : 0;
  return locale === 'zh-CN'
    ? `beianlint：${n(p.records)} 条记录 · ${n(rate)} 条/秒 · ${pct(share)} · 剩余约 ${eta(share)}`
    : `beianlint: ${n(p.records)} records · ${n(rate)} records/s · ${pct(share)} · ETA ${eta(share)}`;
}
