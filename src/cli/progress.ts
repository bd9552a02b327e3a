import type { RunProgress } from '../engine/index.js';
import type { Locale } from '../engine/types.js';

/**
 * A one-line progress display on standard error for long runs: records,
 * records per second, share done and time left. It draws only on a
 * terminal, at most five times a second, and erases itself at the end, so
 * logs and pipes never see it.
 */
export class ProgressLine {
  private readonly started = Date.now();
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
    this.stream.write(`\r\u001b[K${formatProgress(p, (now - this.started) / 1000, this.locale)}`);
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

export function formatProgress(p: RunProgress, elapsedSeconds: number, locale: Locale): string {
  const rate = elapsedSeconds > 0 ? p.records / elapsedSeconds : 0;
  const share = p.totalBytes > 0 ? Math.min(1, p.bytes / p.totalBytes) : 0;
  const eta = share > 0 ? (elapsedSeconds * (1 - share)) / share : 0;
  const n = (x: number) => Math.round(x).toLocaleString('en-US');
  const pct = `${(share * 100).toFixed(0)}%`;
  return locale === 'zh-CN'
    ? `beianlint：${n(p.records)} 条记录 · ${n(rate)} 条/秒 · ${pct} · 剩余约 ${clock(eta)}`
    : `beianlint: ${n(p.records)} records · ${n(rate)} records/s · ${pct} · ETA ${clock(eta)}`;
}
