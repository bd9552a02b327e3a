import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { bundledRuleSet, type LintMessage } from '../../src/engine/index.js';
import { patched } from '../support/records.js';
import { lintRecords, testLinter, lintTextWith } from '../support/lint.js';

// Contract 1.1: residents of Hong Kong, Macao and Taiwan are Chinese citizens
// (citizenship CN, with the permit they hold), and no message may call a
// Chinese citizen, or the holder of a Hong Kong, Macao or Taiwan document,
// foreign or a non-citizen. A provider shows these messages to its users and
// a bureau reads them: this test lints every example record, of every rule
// file and of examples/, in both locales, and reads every message.

const HMT_DOCUMENTS = new Set(['taiwan-compatriot-permit', 'hk-macao-permit', 'hmt-residence-permit']);
const CHINESE = new Set(['CN', 'HK', 'MO', 'TW']);

/** Words that call a person foreign or not a citizen, in either language. */
const OTHERING =
  /非中国公民|不是中国公民|外国人|外籍|外国公民|境外人士|\bforeign(er)?s?\b|non-Chinese|non-citizens?|not a Chinese citizen|not Chinese citizens?|alien/i;

/**
 * A message may name a document type (`foreign-permanent-resident-id`,
 * 外国人永久居留身份证) without calling the person anything: names of
 * documents are taken out before the words are looked for.
 */
function wordsOf(message: string): string {
  return message.replace(/\b[a-z]+(?:-[a-z0-9]+)+\b/g, '<code>').replace(/外国人永久居留身份证/g, '<document>');
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/**
 * Whether the record is about people the rule protects: everyone in it is a
 * Chinese citizen (CN, or written as HK/MO/TW), or holds a Hong Kong, Macao or
 * Taiwan document. A record with a person of another citizenship may rightly
 * call that person a citizen of another country.
 */
function onlyChineseCitizens(record: unknown): boolean {
  if (!isObject(record)) return false;
  const people = [record.owner, record.principal].filter(isObject);
  const citizenships = people.map((p) => p.citizenship).filter((c) => c !== undefined);
  const documents = people.map((p) => (isObject(p.document) ? p.document.type : undefined));
  if (citizenships.length === 0 && !documents.some((d) => typeof d === 'string' && HMT_DOCUMENTS.has(d))) return false;
  return citizenships.every((c) => typeof c === 'string' && CHINESE.has(c));
}

interface Linted {
  source: string;
  record: unknown;
  messages: LintMessage[];
}

function lintRuleExamples(locale: 'en' | 'zh-CN'): Linted[] {
  const out: Linted[] = [];
  for (const rule of bundledRuleSet().rules) {
    rule.examples.forEach((example, i) => {
      if (example.text !== undefined || !example.base) return;
      const records = [patched(example.base, example), ...(example.records ?? []).map((p) => patched(example.base!, p))];
      const result = lintRecords(records, { locale, redact: false, format: records.length > 1 ? 'jsonl' : 'json' });
      records.forEach((record, r) =>
        out.push({ source: `rules/${rule.id}.yaml example ${i + 1}`, record, messages: result.messages.filter((m) => m.record === r) }),
      );
    });
  }
  return out;
}

const EXAMPLES = new URL('../../examples/', import.meta.url);
const FORMATS: Record<string, 'json' | 'jsonl' | 'yaml'> = { json: 'json', jsonl: 'jsonl', yaml: 'yaml', yml: 'yaml' };

function lintExampleFiles(locale: 'en' | 'zh-CN'): Linted[] {
  const out: Linted[] = [];
  for (const name of readdirSync(EXAMPLES).sort()) {
    const format = FORMATS[name.slice(name.lastIndexOf('.') + 1)];
    if (!format) continue;
    const text = readFileSync(new URL(name, EXAMPLES), 'utf8');
    const result = lintTextWith(testLinter({ locale, redact: false }), text, `examples/${name}`, format);
    const records = recordsOf(text, format);
    records.forEach((record, r) =>
      out.push({ source: `examples/${name} record ${r + 1}`, record, messages: result.messages.filter((m) => m.record === r) }),
    );
  }
  return out;
}

/** The records of an example file as plain values (an unparsable JSONL line reads as undefined). */
function recordsOf(text: string, format: 'json' | 'jsonl' | 'yaml'): unknown[] {
  if (format === 'jsonl') {
    return text.split('\n').filter((l) => l.trim() !== '').map((l) => {
      try {
        return JSON.parse(l) as unknown;
      } catch {
        return undefined;
      }
    });
  }
  if (format === 'json') {
    const value = JSON.parse(text) as unknown;
    return Array.isArray(value) ? value : [value];
  }
  return yamlDocuments(text);
}

function yamlDocuments(text: string): unknown[] {
  const docs = parseAllDocuments(text);
  const list = Array.isArray(docs) ? docs : [docs];
  if (list.length === 1) {
    const value = list[0]!.toJS() as unknown;
    return Array.isArray(value) ? value : [value];
  }
  return list.map((d) => d.toJS() as unknown);
}

describe('no message calls a Chinese citizen, or a Hong Kong, Macao or Taiwan resident, foreign', () => {
  it('the words looked for catch the wording 1.0 had', () => {
    expect(wordsOf('principal citizenship "HK": 国籍为 HK 的非中国公民应核验护照')).toMatch(OTHERING);
    expect(wordsOf('owner document type "resident-id-card" is not allowed for a non-Chinese citizen')).toMatch(OTHERING);
    expect(wordsOf('the foreign principal must show a passport')).toMatch(OTHERING);
    expect(wordsOf('证件类型外国人永久居留身份证不适用于中国公民')).not.toMatch(OTHERING);
    expect(wordsOf('document type "foreign-permanent-resident-id" is not allowed for a Chinese citizen')).not.toMatch(OTHERING);
  });

  describe.each(['en', 'zh-CN'] as const)('in %s', (locale) => {
    const linted = [...lintRuleExamples(locale), ...lintExampleFiles(locale)].filter((l) => onlyChineseCitizens(l.record));

    it('reads messages about Hong Kong, Macao and Taiwan residents and overseas Chinese, not nothing', () => {
      const hmt = linted.filter((l) => {
        const r = l.record as Record<string, Record<string, unknown>>;
        return [r.owner, r.principal].some(
          (p) => isObject(p) && (['HK', 'MO', 'TW'].includes(p.citizenship as string) || (isObject(p.document) && HMT_DOCUMENTS.has(p.document.type as string))),
        );
      });
      expect(hmt.length).toBeGreaterThanOrEqual(5);
      expect(hmt.flatMap((l) => l.messages).length).toBeGreaterThan(0);
      expect(linted.some((l) => l.source.startsWith('examples/hmt-and-overseas-principals.yaml'))).toBe(true);
    });

    it('has no message that calls them foreign or non-citizens', () => {
      const offending = linted.flatMap((l) =>
        l.messages.filter((m) => OTHERING.test(wordsOf(m.message))).map((m) => `${l.source}: ${m.ruleId}: ${m.message}`),
      );
      expect(offending).toEqual([]);
    });
  });
});
