// Makes docs/report-screenshot.png, the picture of the HTML report the README
// shows: a batch made by the bench's generator (bench/generate.mjs), linted in
// zh-CN into `--format html`, opened in headless Chromium (Debian's, driven by
// playwright-core) and photographed at the width of a laptop screen. Run after
// `npm run build`; needs /usr/bin/chromium and a CJK font (Debian's
// fonts-wqy-microhei or fonts-noto-cjk), or the Chinese shows as boxes.
//   node scripts/report-screenshot.mjs [--records 20000] [--out docs/report-screenshot.png]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { generate } from '../bench/generate.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : fallback;
};
const records = Number(option('--records', '20000'));
const out = join(root, option('--out', 'docs/report-screenshot.png'));

const dir = mkdtempSync(join(tmpdir(), 'beianlint-screenshot-'));
try {
  const meta = await generate({ count: records, seed: 1, out: join(dir, 'filings'), formats: ['jsonl'] });
  const report = join(dir, 'report.html');
  const run = spawnSync(process.execPath, [join(root, 'bin', 'beianlint.js'), '--no-config', '--locale', 'zh-CN', '--now', '2026-12-01', '--format', 'html', '-o', report, meta.files.jsonl.path], { encoding: 'utf8' });
  if (run.status !== 0 && run.status !== 1) throw new Error(`beianlint failed: ${run.stderr}`);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1400 }, locale: 'zh-CN' });
    await page.goto(pathToFileURL(report).href);
    await page.screenshot({ path: out });
  } finally {
    await browser.close();
  }
  console.log(`wrote ${out} (${records} generated records)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
