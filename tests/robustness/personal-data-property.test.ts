import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify as toYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citizenIdCheckCharacter } from '../../src/domain/citizen-id.js';
import { checkFixedLine, checkMobile } from '../../src/domain/phone.js';
import type { LintResult } from '../../src/engine/index.js';
import type { SourceFormat } from '../../src/input/index.js';
import { escapeSegment } from '../../src/input/pointer.js';
import { FORMATTERS } from '../../src/formatters/index.js';
import { lintFiles } from '../../src/runner/index.js';
import { baseRecord, setAt, unsetAt } from '../support/records.js';
import { lintTextWith, testLinter } from '../support/lint.js';

// Identity numbers, phones and e-mail addresses put anywhere in a record (a
// field's value, inside a longer text, a key, a number; in YAML, an alias a
// parser quotes in its error, a key a library warns about) never reach an
// output unmasked: no format of the report, and no warning on stderr. With
// redaction off they do. CI runs a bounded count with a fixed seed;
// FUZZ_RUNS and FUZZ_SEED run more.
const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const SEED = Number(process.env.FUZZ_SEED ?? 20261203);
const BASES = ['enterprise-approved', 'individual-draft', 'government-verified'].map((name) => baseRecord(name));

/** A value to place, and every text of it that must not be printed in full. */
interface Personal {
  placed: string;
  forms: string[];
  /** Written as a JSON number where a placement asks for one (it fits a double exactly). */
  numeric: boolean;
}

const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
const REGIONS = ['110105', '310115', '440305', '510104', '330106', '420102', '610113', '810000'];
const birthDate = (from: number, to: number) =>
  fc.date({ min: new Date(`${from}-01-01T00:00:00Z`), max: new Date(`${to}-12-31T00:00:00Z`), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10).replace(/-/g, ''));

const citizenId: fc.Arbitrary<Personal> = fc.tuple(fc.constantFrom(...REGIONS), birthDate(1930, 2010), digits(3)).map(([region, born, sequence]) => {
  const first17 = region + born + sequence;
  const id = first17 + citizenIdCheckCharacter(first17)!;
  return { placed: id, forms: [id], numeric: false };
});

const firstGenerationId: fc.Arbitrary<Personal> = fc
  .tuple(fc.constantFrom(...REGIONS.filter((r) => r !== '810000')), birthDate(1930, 1999), digits(3))
  .map(([region, born, sequence]) => {
    const id = region + born.slice(2) + sequence;
    const first17 = region + born + sequence;
    return { placed: id, forms: [id, first17 + citizenIdCheckCharacter(first17)!], numeric: true };
  });

const mobile: fc.Arbitrary<Personal> = fc
  .tuple(fc.constantFrom('130', '135', '138', '139', '150', '158', '166', '177', '186', '189', '199'), digits(8), fc.constantFrom('plain', 'groups', 'dashes', '+86'))
  .filter(([prefix, rest]) => checkMobile(prefix + rest).ok)
  .map(([prefix, rest, spelling]) => {
    const national = prefix + rest;
    const [a, b, c] = [national.slice(0, 3), national.slice(3, 7), national.slice(7)];
    const placed = { plain: national, groups: `${a} ${b} ${c}`, dashes: `${a}-${b}-${c}`, '+86': `+86 ${national}` }[spelling]!;
    return { placed, forms: [...new Set([placed, national])], numeric: spelling === 'plain' };
  });

const fixedLine: fc.Arbitrary<Personal> = fc
  .tuple(fc.constantFrom('010', '020', '021', '0755', '0571', '028'), fc.integer({ min: 2, max: 8 }), digits(7), fc.constantFrom('-', ' ', ''))
  .map(([area, first, rest, gap]) => ({ area, local: `${first}${rest}`, gap }))
  .filter(({ area, local }) => checkFixedLine(`${area}-${local}`).ok)
  .map(({ area, local, gap }) => ({ placed: `${area}${gap}${local}`, forms: [`${area}${gap}${local}`, `${area}${local}`], numeric: false }));

const email: fc.Arbitrary<Personal> = fc
  .tuple(fc.stringMatching(/^[a-z][a-z0-9]{1,7}(?:[._][a-z0-9]{1,5})?$/), fc.constantFrom('example.com', 'qq.com', '163.com', 'example.cn', 'mail.example.org'))
  .map(([local, domain]) => ({ placed: `${local}@${domain}`, forms: [`${local}@${domain}`], numeric: false }));

const passport: fc.Arbitrary<Personal> = fc
  .tuple(fc.constantFrom('E', 'G'), digits(8))
  .map(([letter, rest]) => ({ placed: letter + rest, forms: [letter + rest], numeric: false }));

const personal = fc.oneof(citizenId, firstGenerationId, mobile, fixedLine, email, passport);

type How = 'value' | 'inside-text' | 'key' | 'number' | 'yaml-alias' | 'yaml-key';

interface Placement {
  value: Personal;
  how: How;
  at: number;
  before: string;
  after: string;
}

const placement: fc.Arbitrary<Placement> = fc.record({
  value: personal,
  how: fc.constantFrom<How>('value', 'value', 'inside-text', 'key', 'key', 'number', 'yaml-alias', 'yaml-key'),
  at: fc.nat(),
  before: fc.constantFrom('联系电话', 'tel: ', '(', '备注 ', '“', '证件号'),
  after: fc.constantFrom('', '号', ')', '；', ' ', '”'),
});

function pointers(value: unknown, prefix = ''): Array<{ pointer: string; object: boolean }> {
  if (value === null || typeof value !== 'object') return [];
  const keys = Array.isArray(value) ? value.map((_, i) => String(i)) : Object.keys(value);
  return keys.flatMap((k) => {
    const p = `${prefix}/${escapeSegment(k)}`;
    const child = (value as Record<string, unknown>)[k];
    return [{ pointer: p, object: child !== null && typeof child === 'object' && !Array.isArray(child) }, ...pointers(child, p)];
  });
}

/** Puts each placement into the record; what only YAML text can hold is returned, to be written into it. */
function place(record: Record<string, unknown>, placements: Placement[], format: SourceFormat): string[] {
  const yamlLines: string[] = [];
  for (const p of placements) {
    const { placed } = p.value;
    const all = pointers(record);
    if (all.length === 0) break;
    const target = all[p.at % all.length]!;
    if ((p.how === 'yaml-alias' || p.how === 'yaml-key') && format === 'yaml' && !/\s/.test(placed)) {
      yamlLines.push(p.how === 'yaml-alias' ? `zz${yamlLines.length}: *${placed}` : `? [${placed}]\n: x`);
    } else if (p.how === 'key') {
      const objects = [{ pointer: '', object: true }, ...all].filter((x) => x.object);
      setAt(record, `${objects[p.at % objects.length]!.pointer}/${escapeSegment(placed)}`, 'x');
    } else if (p.how === 'inside-text') {
      setAt(record, target.pointer, `${p.before}${placed}${p.after}`);
    } else if (p.how === 'number' && p.value.numeric) {
      setAt(record, target.pointer, Number(placed.replace(/\D/g, '')));
    } else {
      unsetAt(record, target.pointer);
      setAt(record, target.pointer, placed);
    }
  }
  return yamlLines;
}

function serialize(records: Array<Record<string, unknown>>, extraYaml: string[][], format: SourceFormat): string {
  if (format === 'jsonl') return records.map((r) => JSON.stringify(r)).join('\n') + '\n';
  if (format === 'json') return JSON.stringify(records.length === 1 ? records[0] : records, null, 2);
  return records.map((r, i) => toYaml(r, { aliasDuplicateObjects: false }) + extraYaml[i]!.map((l) => `${l}\n`).join('')).join('---\n');
}

function everyOutput(results: readonly LintResult[], locale: 'en' | 'zh-CN'): string[] {
  const context = { cwd: '/virtual', color: false, locale, rules: testLinter({ locale }).ruleInfo() };
  return Object.values(FORMATTERS).map((formatter) => formatter(results, context));
}

describe('personal data placed anywhere in generated records', () => {
  const warnings: string[] = [];
  const onWarning = (w: Error): void => void warnings.push(`${w.name}: ${w.message}`);
  beforeAll(() => void process.on('warning', onWarning));
  afterAll(() => void process.off('warning', onWarning));

  it('is masked in every output format and on stderr, and shown with redaction off', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'beianlint-pii-property-'));
    const linters = { en: testLinter({ locale: 'en' }), 'zh-CN': testLinter({ locale: 'zh-CN' }) };
    const unredacted = { en: testLinter({ locale: 'en', redact: false }), 'zh-CN': testLinter({ locale: 'zh-CN', redact: false }) };
    let placedCount = 0;
    let shownUnredacted = 0;
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat({ max: BASES.length - 1 }), fc.array(placement, { minLength: 1, maxLength: 3 })), { minLength: 1, maxLength: 3 }),
        fc.constantFrom<SourceFormat>('json', 'jsonl', 'yaml'),
        fc.constantFrom<'en' | 'zh-CN'>('en', 'zh-CN'),
        async (specs, format, locale) => {
          const records = specs.map(([base]) => structuredClone(BASES[base]!) as unknown as Record<string, unknown>);
          const extraYaml = specs.map(([, placements], i) => place(records[i]!, placements, format));
          const text = serialize(records, extraYaml, format);
          const file = join(dir, `run-${run++}.${format}`);
          writeFileSync(file, text);
          await new Promise((resolve) => setTimeout(resolve, 5));
          warnings.length = 0;
          const results = [
            lintTextWith(linters[locale], text, `/virtual/pii.${format}`, format),
            ...(await lintFiles([file], { linter: linters[locale], cwd: dir })),
          ];
          // A process warning is emitted on a later turn of the event loop: let this run's arrive.
          await new Promise((resolve) => setTimeout(resolve, 5));
          const printed = [...everyOutput(results, locale), ...warnings];
          const shown = everyOutput([lintTextWith(unredacted[locale], text, `/virtual/pii.${format}`, format)], locale).join('\n');
          for (const { value } of specs.flatMap(([, placements]) => placements)) {
            placedCount++;
            if (value.forms.some((form) => shown.includes(form))) shownUnredacted++;
            for (const form of value.forms) {
              const leak = printed.find((out) => out.includes(form));
              expect(leak === undefined, `${form} printed in full:\n${leak?.slice(0, 2000)}`).toBe(true);
            }
          }
        },
      ),
      { numRuns: RUNS, seed: SEED },
    );
    // Most placements get quoted by some message: the outputs above did have them to mask.
    expect(shownUnredacted / placedCount).toBeGreaterThan(0.5);
  }, Math.max(60_000, RUNS * 1_000));
});
