import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { runMainIn } from '../support/cli.js';
import { BATCH_LINES, BATCH_TEXT, PERSONAL_VALUES, PROVIDER_B, PROVIDER_OF } from './support/bureau-batch.js';

// The HTML report as an official opens it: in a browser, offline. Debian's chromium, driven by
// playwright-core; .ci/run installs it where apt can, and elsewhere this file says why it skips.

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

interface JsonMessage {
  ruleId: string;
  severity: string;
  record: number;
}

// Skipped, with the reason in its title, where Chromium is missing.
const missing = existsSync(CHROMIUM) ? '' : ` (skipped: ${CHROMIUM} is missing; apt-get install chromium, as .ci/run does where apt is available)`;

describe.skipIf(missing !== '')(`the HTML report in headless Chromium${missing}`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'beianlint-report-'));
  const requests: string[] = [];
  const consoleErrors: string[] = [];
  let context: BrowserContext;
  let page: Page;
  let messages: JsonMessage[];
  let reportUrl: string;

  beforeAll(async () => {
    writeFileSync(join(dir, 'batch.jsonl'), BATCH_TEXT);
    const common = ['--no-config', '--now', '2026-11-29', '--locale', 'en', 'batch.jsonl'];
    expect((await runMainIn(dir, ['--format', 'html', '-o', 'report.html', ...common])).status).toBe(1);
    const json = await runMainIn(dir, ['--format', 'json', ...common]);
    messages = (JSON.parse(json.stdout) as Array<{ messages: JsonMessage[] }>).flatMap((f) => f.messages);
    const { chromium } = await import('playwright-core');
    context = await chromium.launchPersistentContext(join(dir, 'profile'), { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    page = await context.newPage();
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(e.message));
    reportUrl = pathToFileURL(join(dir, 'report.html')).href;
    await page.goto(reportUrl);
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const shownRules = () => page.locator('#problem-rows tr td:nth-child(7)').allTextContents();
  const shownRecords = async () => (await page.locator('#problem-rows tr td:nth-child(3)').allTextContents()).map(Number);

  it('draws the charts, with a bar per province of the data', async () => {
    const bars = page.locator('#chart-province svg path[ecmeta_ssr_type="chart"]');
    // Provinces 11, 33, 44, and the unknown one of the line that did not parse.
    expect(await bars.count()).toBe(4);
    for (const bar of await bars.all()) expect((await bar.boundingBox())!.height).toBeGreaterThan(0);
    for (const id of ['chart-provider', 'chart-rule', 'chart-clause', 'chart-stage', 'chart-month']) expect(await page.locator(`#${id} svg`).count(), id).toBe(1);
  });

  it('shows the figures the JSON output gives', async () => {
    const figure = (name: string) => page.locator(`[data-figure="${name}"] .value`).textContent();
    const errorRecords = new Set(messages.filter((m) => m.severity === 'error').map((m) => m.record));
    expect(await figure('records')).toBe(String(BATCH_LINES.length));
    expect(await figure('with-errors')).toBe(String(errorRecords.size));
    expect(await figure('warnings')).toBe(String(messages.filter((m) => m.severity === 'warning').length));
    expect(await figure('accuracy')).toBe(`${((100 * (BATCH_LINES.length - errorRecords.size)) / BATCH_LINES.length).toFixed(1)}%`);
    expect(await page.locator('#problem-rows tr').count()).toBe(messages.length);
  });

  it('filters the problems by rule and by provider', async () => {
    await page.selectOption('#f-rule', { label: 'contact-format' });
    const byRule = messages.filter((m) => m.ruleId === 'contact-format');
    expect(byRule.length).toBeGreaterThan(0);
    expect(await shownRules()).toEqual(byRule.map((m) => m.ruleId));
    expect(await shownRecords()).toEqual(byRule.map((m) => m.record + 1));
    await page.selectOption('#f-rule', '');
    await page.selectOption('#f-provider', { label: PROVIDER_B });
    const byProvider = messages.filter((m) => PROVIDER_OF[m.record] === PROVIDER_B);
    expect(byProvider.length).toBeGreaterThan(0);
    expect(await shownRecords()).toEqual(byProvider.map((m) => m.record + 1));
    await page.selectOption('#f-provider', '');
    await page.fill('#f-text', 'R-8');
    expect(await page.locator('#problem-rows tr td:nth-child(2)').allTextContents()).toEqual(['R-8']);
  });

  it('sorts the province table by a column', async () => {
    await page.click('#groups thead th:nth-child(6)');
    const subtotals = await page.locator('#groups tbody tr.subtotal td:nth-child(6)').allTextContents();
    expect(subtotals).toEqual([...subtotals].sort((a, b) => parseFloat(a) - parseFloat(b)));
  });

  it('makes no network request and logs no console error', () => {
    expect(requests).toEqual([reportUrl]);
    expect(consoleErrors).toEqual([]);
  });

  it('holds no unmasked identity number, phone, e-mail or name', () => {
    const text = readFileSync(join(dir, 'report.html'), 'utf8');
    for (const value of PERSONAL_VALUES) expect(text.includes(value), value).toBe(false);
  });
});
