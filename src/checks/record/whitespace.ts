// whitespace (contract 1.1, whole record): leading or trailing whitespace in a
// string value, and a line break or tab in a single-line field. The engine hands
// every other rule the trimmed value (src/engine/trimmed.ts), so padding is
// this one warning; a line break inside a value stays for the rules to judge.
// Each report carries its fix (Report.fix): the value trimmed, and in a
// single-line field its line breaks and tabs folded to a space, so that the
// fixed value passes this rule whichever of its problems was reported.

import type { FromSchema } from 'json-schema-to-ts';
import { isPadded, isTrimmedSpace, stringFlags } from '../../domain/text.js';
import { isObject } from '../access.js';
import type { RecordCheck } from '../api.js';
import { codePointName, distinctNamed, eachString, pointerPatterns } from './strings.js';

export const whitespaceMessageIds = ['leading', 'trailing', 'both', 'line-break', 'tab'] as const;

export const whitespaceOptionsSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['multiLine', 'ignore'],
  properties: {
    // Fields that may hold several lines (addresses, the SMS text): line breaks and tabs are allowed inside them.
    multiLine: { type: 'array', items: { type: 'string', pattern: '^(/[^/]*)*$' } },
    // Fields this rule does not look at.
    ignore: { type: 'array', items: { type: 'string', pattern: '^(/[^/]*)*$' } },
  },
} as const;

export type WhitespaceOptions = FromSchema<typeof whitespaceOptionsSchema>;

const LINE_BREAK = /[\n\r\u2028\u2029]/;
const TAB = /\t/;
/** One final line feed after a last character that is no whitespace. */
const BLOCK_END = /[^\s]\n$/u;
/** A line break or tab with the whitespace around it, which a fix folds to one space. */
const FOLDED = /\s*[\t\n\r\u2028\u2029]\s*/gu;

/** The value as the fix leaves it: trimmed (a block scalar's final line feed kept), and folded to one line in a single-line field. */
function fixedValue(value: string, multiLine: boolean): string {
  const blockEnd = multiLine && BLOCK_END.test(value);
  const inner = (blockEnd ? value.slice(0, -1) : value).trim();
  const folded = multiLine ? inner : inner.replace(FOLDED, ' ');
  return blockEnd ? `${folded}\n` : folded;
}

const matchers = new WeakMap<WhitespaceOptions, { multiLine: ReturnType<typeof pointerPatterns>; ignore: ReturnType<typeof pointerPatterns> }>();

function matchersOf(options: WhitespaceOptions) {
  let m = matchers.get(options);
  if (!m) {
    m = { multiLine: pointerPatterns(options.multiLine), ignore: pointerPatterns(options.ignore) };
    matchers.set(options, m);
  }
  return m;
}

export const whitespace: RecordCheck<WhitespaceOptions, (typeof whitespaceMessageIds)[number]> = (ctx) => {
  // Nearly every record has nothing here: one shared walk says so (stringFlags).
  // A record that is no object is the schema rule's to report, whole.
  if (!isObject(ctx.record)) return;
  if (stringFlags(ctx.record) === 0) return;
  const m = matchersOf(ctx.options);
  eachString(ctx.record, (value, segments, path) => {
    const multiLine = m.multiLine(segments);
    // A YAML block scalar (`address: |`) ends in one line feed by YAML's own rule, as a text
    // file ends its last line: in a field that may hold lines it is no padding.
    const padded = isPadded(multiLine && BLOCK_END.test(value) ? value.slice(0, -1) : value);
    const lineBreak = LINE_BREAK.test(value);
    const tab = TAB.test(value);
    if (!padded && !lineBreak && !tab) return;
    if (m.ignore(segments)) return;
    if (padded) {
      const chars = Array.from(value);
      let lead = 0;
      while (lead < chars.length && isTrimmedSpace(chars[lead]!.charCodeAt(0))) lead++;
      let trail = 0;
      while (trail < chars.length - lead && isTrimmedSpace(chars[chars.length - 1 - trail]!.charCodeAt(0))) trail++;
      const padding = [...chars.slice(0, lead), ...chars.slice(chars.length - trail)];
      const messageId = lead > 0 && trail > 0 ? 'both' : lead > 0 ? 'leading' : 'trailing';
      ctx.report({
        path: path(),
        messageId,
        data: { chars: distinctNamed(padding, codePointName), leading: lead, trailing: trail, fix: 'trim' },
        fix: { value: fixedValue(value, multiLine) },
      });
    }
    if ((lineBreak || tab) && !multiLine) {
      // Inside the value only: padding at either end was reported above.
      const inner = value.trim();
      if (LINE_BREAK.test(inner)) {
        const chars = distinctNamed(Array.from(inner).filter((c) => LINE_BREAK.test(c)), codePointName);
        ctx.report({ path: path(), messageId: 'line-break', data: { chars, fix: 'fold' }, fix: { value: fixedValue(value, false) } });
      } else if (TAB.test(inner)) {
        ctx.report({ path: path(), messageId: 'tab', data: { chars: 'U+0009', fix: 'fold' }, fix: { value: fixedValue(value, false) } });
      }
    }
  });
};
