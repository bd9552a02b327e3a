import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drawSample, samplePriority } from '../../src/cli/sample.js';
import { runMainIn } from '../support/cli.js';
import { parseCsv } from '../support/csv.js';

const FIXTURES = new URL('../fixtures/sample/', import.meta.url);
const INPUTS = ['batch.jsonl', 'batch.json', 'batch.yaml'];
/** The fixture's records as the generator wrote them: filingId, province code (or ??), provider (or ?), owner kind. */
const RECORDS = (readFileSync(new URL('batch.jsonl', FIXTURES), 'utf8').trim().split('\n') as string[]).map((line) => JSON.parse(line) as Record<string, any>);
const provinceOf = (r: Record<string, any>): string => (typeof r.owner.regionCode === 'string' ? r.owner.regionCode.slice(0, 2) : '??');
const providerOf = (r: Record<string, any>): string => r.websites[0].access.providerName ?? '?';


let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'beianlint-sample-'));
  for (const name of INPUTS) copyFileSync(new URL(name, FIXTURES), join(dir, name));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs beianlint in the temporary folder and reads the sample back: its text and rows without the header. */
async function sample(args: string[], output = 'sample.csv') {
  const run = await runMainIn(dir, ['--no-config', '--now', '2026-12-01', '--sample-output', output, ...args]);
  const text = readFileSync(join(dir, output), 'utf8');
  const [header, ...rows] = parseCsv(text.slice(1));
  return { run, text, header: header!, rows };
}

const FILING_ID = 0;
const POSITION = 1;
const PROVINCE = 2;
const PROVIDER = 3;

describe('--sample', () => {
  it('draws the same sample from the same seed, and another from another seed', async () => {
    const first = await sample(['--sample', '5', '--seed', '42', 'batch.jsonl']);
    const again = await sample(['--sample', '5', '--seed', '42', 'batch.jsonl']);
    const other = await sample(['--sample', '5', '--seed', '43', 'batch.jsonl']);
    expect(first.rows).toHaveLength(5);
    expect(again.text).toBe(first.text);
    expect(other.rows.map((r) => r[FILING_ID])).not.toEqual(first.rows.map((r) => r[FILING_ID]));
    expect(first.run.stderr).toContain('beianlint: wrote a spot-check sample of 5 record(s) to sample.csv (seed 42; --seed 42 draws it again)\n');
  });

  it('takes the records that rank first by HMAC-SHA256 of (seed, file, index), listed in input order', async () => {
    const { rows } = await sample(['--sample', '4', '--seed', 'pilot-2026', 'batch.jsonl']);
    const expected = RECORDS.map((r, index) => ({ id: r.filingId as string, index, rank: samplePriority('pilot-2026', 'batch.jsonl', index) }))
      .sort((a, b) => a.rank - b.rank)
      .slice(0, 4)
      .sort((a, b) => a.index - b.index);
    expect(rows.map((r) => [r[FILING_ID], r[POSITION]])).toEqual(expected.map((e) => [e.id, `batch.jsonl:${e.index + 1}`]));
  });

  it('without --seed, picks one and says it on stderr, and that seed draws the same sample again', async () => {
    const first = await sample(['--sample', '6', 'batch.jsonl']);
    const seed = /\(seed ([0-9]+); --seed \1 draws it again\)/.exec(first.run.stderr)?.[1];
    expect(seed).toBeDefined();
    const again = await sample(['--sample', '6', '--seed', seed!, 'batch.jsonl']);
    expect(again.text).toBe(first.text);
  });

  it('is the same whatever --concurrency, and leaves the report as it was', async () => {
    const plain = await runMainIn(dir, ['--no-config', '--now', '2026-12-01', '-f', 'json', 'batch.jsonl', 'batch.json']);
    const off = await sample(['--sample', '7', '--seed', '9', '-f', 'json', '--concurrency', 'off', 'batch.jsonl', 'batch.json']);
    const two = await sample(['--sample', '7', '--seed', '9', '-f', 'json', '--concurrency', '2', 'batch.jsonl', 'batch.json']);
    expect(two.text).toBe(off.text);
    expect(off.run.stdout).toBe(plain.stdout);
    expect(off.run.status).toBe(plain.status);
  });

  for (const by of ['province', 'provider'] as const) {
    it(`with --sample-by ${by}, draws n from each ${by}, the first n of that ${by} by rank`, async () => {
      const { run, rows } = await sample(['--sample', '3', '--seed', '7', '--sample-by', by, 'batch.jsonl']);
      expect(run.stderr).toContain(`wrote a spot-check sample of 10 record(s), up to 3 per ${by === 'province' ? 'province' : 'access provider'}, to sample.csv (seed 7;`);
      const keyOf = by === 'province' ? provinceOf : providerOf;
      const strata = new Map<string, { id: string; index: number; rank: number }[]>();
      RECORDS.forEach((r, index) => {
        const key = keyOf(r);
        strata.set(key, [...(strata.get(key) ?? []), { id: r.filingId, index, rank: samplePriority('7', 'batch.jsonl', index) }]);
      });
      // The fixture has three of each and one record without: that stratum gives what it has.
      expect(strata.size).toBe(4);
      expect(Math.min(...[...strata.values()].map((s) => s.length))).toBe(1);
      const drawn = new Set(rows.map((r) => r[FILING_ID]));
      for (const members of strata.values()) {
        const first = [...members].sort((a, b) => a.rank - b.rank).slice(0, 3);
        expect(members.filter((m) => drawn.has(m.id)).map((m) => m.id).sort()).toEqual(first.map((m) => m.id).sort());
      }
      expect(rows).toHaveLength(3 + 3 + 3 + 1);
      // Rows come stratum by stratum, the unknown one last.
      const column = rows.map((r) => r[by === 'province' ? PROVINCE : PROVIDER]!);
      expect(column.filter((v, i) => v !== column[i - 1])).toHaveLength(4);
      expect(column.at(-1)).toBe(by === 'province' ? '(province unknown)' : '(access provider not given)');
    });
  }

  it('writes UTF-8 with a byte order mark and LF line ends, every row as wide as the header', async () => {
    const { text, header, rows } = await sample(['--sample', '30', '--seed', '1', 'batch.jsonl']);
    expect(text.startsWith('\uFEFFfilingId,file:line,Province,Access provider,Owner,Principal,Mobile,Office phone,Home phone,Reached,Details match,Note\n')).toBe(true);
    expect(text).not.toContain('\r');
    expect(rows).toHaveLength(30);
    for (const row of rows) {
      expect(row).toHaveLength(header.length);
      expect(row.slice(-3)).toEqual(['', '', '']);
    }
    expect(rows.find((r) => r[FILING_ID] === 'SC-2026-0001')!.slice(PROVINCE, PROVIDER + 1)).toEqual(['11 京', '北京示例云计算有限公司']);
  });

  it("masks phones and persons' names by default, and leaves a unit's name readable", async () => {
    const { text, rows } = await sample(['--sample', '30', '--seed', '1', 'batch.jsonl']);
    expect(text).not.toMatch(/1390000[0-9]{4}/);
    expect(text).not.toMatch(/6512[0-9]{4}|8876[0-9]{4}/);
    const byId = new Map(rows.map((r) => [r[FILING_ID], r]));
    // Record 1 (index 0): a unit's owner, principal 吴九. Record 2: an individual, 欧阳娜娜, with a home phone.
    expect(byId.get('SC-2026-0001')!.slice(4, 9)).toEqual(['广州示例贸易有限公司', '吴*', '139****0000', '010-****0000', '']);
    expect(byId.get('SC-2026-0002')!.slice(4, 9)).toEqual(['欧阳**', '欧阳**', '139****0001', '', '010-****0001']);
  });

  it('with --no-redact, writes everything in full to a file only its owner can read, and says so in both languages', async () => {
    // A sample written before, readable by all: the new one is a new file, created owner-only.
    writeFileSync(join(dir, 'full.csv'), 'old', { mode: 0o644 });
    const { run, rows } = await sample(['--sample', '30', '--seed', '1', '--no-redact', 'batch.jsonl'], 'full.csv');
    expect(rows.find((r) => r[FILING_ID] === 'SC-2026-0002')!.slice(4, 9)).toEqual(['欧阳娜娜', '欧阳娜娜', '13900000001', '', '010-88760001']);
    if (process.platform !== 'win32') expect(statSync(join(dir, 'full.csv')).mode & 0o777).toBe(0o600);
    expect(run.stderr).toContain('beianlint: warning: full.csv holds phone numbers and names in full (--no-redact); it was created readable by its owner only');
    const zh = await sample(['--sample', '2', '--seed', '1', '--no-redact', '--locale', 'zh-CN', 'batch.jsonl'], 'full-zh.csv');
    expect(zh.run.stderr).toContain('beianlint: 警告：full-zh.csv 含完整的电话号码和姓名（--no-redact），已创建为仅所有者可读');
    expect(zh.run.stderr).toContain('beianlint: 已把抽查样本（2 条记录）写入 full-zh.csv（种子 1；用 --seed 1 可再次抽出同一样本）\n');
  });

  it('has its headers, and its unknown province and provider, in the run\'s language', async () => {
    const { header, rows } = await sample(['--sample', '30', '--seed', '1', '--locale', 'zh-CN', 'batch.jsonl'], 'zh.csv');
    expect(header).toEqual(['备案记录编号', '文件:行', '省份', '接入服务单位', '网站主办者', '网站负责人', '手机号码', '办公电话', '住宅电话', '是否接通', '信息是否一致', '备注']);
    expect(rows.map((r) => r[PROVINCE])).toContain('（未知省份）');
    expect(rows.map((r) => r[PROVIDER])).toContain('（未填写接入服务单位）');
  });

  for (const input of INPUTS) {
    it(`reads ${input}, each row naming the line its record starts on`, async () => {
      const { rows } = await sample(['--sample', '5', '--seed', '3', input]);
      expect(rows).toHaveLength(5);
      const lines = readFileSync(join(dir, input), 'utf8').split('\n');
      for (const row of rows) {
        const [file, line] = row[POSITION]!.split(':');
        expect(file).toBe(input);
        // The filingId is on the record's first line (JSONL) or among the few after it (JSON, YAML).
        expect(lines.slice(Number(line) - 1, Number(line) + 3).join('\n')).toContain(row[FILING_ID]);
      }
    });
  }

  it('takes only the records a predicate lets through (the hook for a period filter)', async () => {
    const files = [join(dir, 'batch.jsonl')];
    const inPeriod = (record: unknown) => Number((record as { filingId: string }).filingId.slice(-2)) % 2 === 0;
    const drawn = await drawSample(files, dir, { size: 30, seed: 's', include: inPeriod }, 1 << 20);
    expect(drawn.map((r) => r.filingId)).toEqual(RECORDS.map((r) => r.filingId as string).filter((id) => inPeriod({ filingId: id })));
  });

  it('with --submitted-from/--submitted-to, draws from the records of the period only', async () => {
    // Submitted in January, February and March in turn; March is the period.
    const dated: Record<string, any>[] = RECORDS.map((r, i) => ({ ...r, verification: { submittedAt: `2026-0${1 + (i % 3)}-15T10:00:00+08:00` } }));
    writeFileSync(join(dir, 'dated.jsonl'), dated.map((r) => JSON.stringify(r)).join('\n') + '\n');
    const { rows } = await sample(['--sample', '30', '--seed', '5', '--submitted-from', '2026-03-01', '--submitted-to', '2026-03-31', 'dated.jsonl'], 'march.csv');
    expect(rows.map((r) => r[FILING_ID])).toEqual(dated.filter((_, i) => i % 3 === 2).map((r) => r.filingId));
  });

  it('will not write the sample over an input, nor over the report', async () => {
    const over = await runMainIn(dir, ['--no-config', '--sample', '1', '--sample-output', 'batch.json', 'batch.json']);
    expect(over.status).toBe(2);
    expect(over.stderr).toBe('beianlint: will not write the sample to batch.json: it is one of the files being linted\n');
    const same = await runMainIn(dir, ['--no-config', '--sample', '1', '--sample-output', 'r.csv', '-o', './r.csv', 'batch.json']);
    expect(same.status).toBe(2);
    expect(same.stderr).toBe('beianlint: --sample-output and --output-file name the same file\n');
  });

  it('refuses incomplete or bad sample flags, in both languages', async () => {
    const cases: [string[], string, string][] = [
      [['--seed', '1'], '--seed goes with --sample <n>', '--seed 只能与 --sample <n> 同用'],
      [['--sample', '3'], '--sample needs --sample-output <file.csv> to write the sample to', '--sample 需要 --sample-output <文件.csv> 指定样本写入的文件'],
      [['--sample', '0', '--sample-output', 'x.csv'], '--sample takes a number of records from 1 to 9999999, not "0"', '--sample 须为 1 到 9999999 之间的记录数，不能是 "0"'],
      [['--sample', '3', '--sample-output', 'x.csv', '--sample-by', 'city'], '--sample-by must be province or provider, not "city"', '--sample-by 只能是 province 或 provider，不能是 "city"'],
      [['--sample', '3', '--sample-output', 'x.csv', '--seed', 'a b'], '--seed takes up to 64 letters, digits, dots, dashes or underscores, not "a b"', '--seed 须为至多 64 个字母、数字、点、连字符或下划线，不能是 "a b"'],
      [['--sample', '3', '--sample-output', 'x.csv', '-'], '--sample reads the files again to draw the sample, which standard input ("-") cannot be', '--sample 需要再次读取文件来抽样，标准输入（"-"）无法再次读取'],
    ];
    for (const [args, en, zh] of cases) {
      const inEnglish = await runMainIn(dir, ['--locale', 'en', ...args, 'batch.json']);
      expect([inEnglish.status, inEnglish.stderr]).toEqual([2, `beianlint: ${en}\n`]);
      const inChinese = await runMainIn(dir, ['--locale', 'zh-CN', ...args, 'batch.json']);
      expect([inChinese.status, inChinese.stderr]).toEqual([2, `beianlint: ${zh}\n`]);
    }
  });
});
