// control-characters (contract 1.1, whole record): a string value holding a
// character no filing text has a use for and that can hide or disguise what a
// reviewer reads: C0 and C1 control characters and DEL (tab, line feed and
// carriage return excepted: they are whitespace, judged by rule whitespace), and
// the bidirectional formatting characters. Overrides, embeddings and isolates
// (U+202A–U+202E, U+2066–U+2069) reorder the text around them ("Trojan Source",
// CVE-2021-42574): an error. The marks U+200E, U+200F and U+061C change only how
// neutral characters next to them are shown and arrive with text copied from
// web pages: a warning, which `bidiMarks: off` silences.

import type { FromSchema } from 'json-schema-to-ts';
import { escapeChar, stringFlags, UNUSUAL } from '../../domain/text.js';
import { isObject } from '../access.js';
import type { RecordCheck } from '../api.js';
import { distinctNamed, eachString } from './strings.js';

export const controlCharactersMessageIds = ['default', 'bidi', 'bidi-mark'] as const;

export const controlCharactersOptionsSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['bidiMarks'],
  properties: { bidiMarks: { enum: ['error', 'warning', 'info', 'off'] } },
} as const;

export type ControlCharactersOptions = FromSchema<typeof controlCharactersOptionsSchema>;

const ANY = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const BIDI = /[\u202A-\u202E\u2066-\u2069]/;
const MARK = /[\u061C\u200E\u200F]/;

export const controlCharacters: RecordCheck<ControlCharactersOptions, (typeof controlCharactersMessageIds)[number]> = (ctx) => {
  // Nearly every record has nothing here: one shared walk says so (stringFlags).
  // A record that is no object is the schema rule's to report, whole.
  if (!isObject(ctx.record)) return;
  if ((stringFlags(ctx.record) & UNUSUAL) === 0) return;
  const { bidiMarks } = ctx.options;
  eachString(ctx.record, (value, _segments, path) => {
    if (!ANY.test(value)) return;
    const chars = Array.from(value);
    const of = (re: RegExp) => chars.filter((c) => re.test(c));
    const control = of(CONTROL);
    const bidi = of(BIDI);
    const marks = of(MARK);
    // One message per value, the gravest kind first; the others are named with it.
    if (control.length > 0 || bidi.length > 0) {
      const all = [...control, ...bidi, ...(bidiMarks === 'off' ? [] : marks)];
      ctx.report({ path: path(), messageId: control.length > 0 ? 'default' : 'bidi', data: { chars: distinctNamed(all, escapeChar), count: all.length } });
    } else if (bidiMarks !== 'off') {
      ctx.report({ path: path(), messageId: 'bidi-mark', severity: bidiMarks, data: { chars: distinctNamed(marks, escapeChar), count: marks.length } });
    }
  });
};
