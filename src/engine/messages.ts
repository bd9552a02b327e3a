import type { MessageData, MessageValue, SensitiveKind } from '../checks/api.js';
import { maskPersonalText } from '../domain/personal-text.js';
import { maskDocumentNumber, maskEmail, maskIdNumber, maskPersonName, maskPhone } from '../domain/redact.js';
import { escapeControls } from '../domain/text.js';
import type { Locale, Localized } from './types.js';

/** Locale from the environment as POSIX tools read it: zh* means zh-CN, anything else en. */
export function localeFromEnv(env: NodeJS.ProcessEnv = process.env): Locale {
  const lang = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^zh/i.test(lang) ? 'zh-CN' : 'en';
}

/**
 * A personal value of the record being reported on, masked wherever a message
 * quotes it: besides what a check marks with sensitive(), the engine finds a
 * record's personal values itself (src/engine/personal.ts, contract 1.1).
 */
export interface PersonalValue {
  text: string;
  kind: SensitiveKind;
}

export function mask(kind: SensitiveKind, value: string): string {
  switch (kind) {
    case 'person-name':
      return maskPersonName(value);
    case 'id-number':
      return /^[0-9]{17}[0-9Xx]$|^[0-9]{15}$/.test(value) ? maskIdNumber(value) : maskDocumentNumber(value);
    case 'phone':
      return maskPhone(value);
    case 'email':
      // The domain is kept as written, so an ID number or a phone written as the domain is masked by value.
      return maskPersonalText(maskEmail(value));
    default:
      // A kind this build does not know: masked the safe way rather than printed.
      return maskDocumentNumber(value);
  }
}

/**
 * Masks every occurrence of the record's personal values in a text quoted by a
 * message. A value of one character is masked only where it is the whole text:
 * as a part, it would mask that character in every word that has it.
 */
export function maskPersonal(text: string, personal: readonly PersonalValue[] | undefined): string {
  if (!personal || personal.length === 0 || text === '') return text;
  let out = text;
  for (const { text: value, kind } of personal) {
    if (value.length <= 2 && Array.from(value).length < 2) {
      if (out === value) return mask(kind, value);
      continue;
    }
    if (out.includes(value)) out = out.split(value).join(mask(kind, value));
  }
  return out;
}

/**
 * Masks a text a message quotes from the input (a value, a key, a path, a
 * parser's error): every occurrence of the record's personal values, then
 * every identity number, phone and e-mail address found by its value
 * (src/domain/personal-text.ts), which may be anyone's and in any field.
 */
export function maskQuoted(text: string, personal: readonly PersonalValue[] | undefined): string {
  return maskPersonalText(maskPersonal(text, personal));
}

export { escapeChar, escapeControls } from '../domain/text.js';

function present(value: MessageValue, locale: Locale, redact: boolean, personal: readonly PersonalValue[] | undefined): string {
  if (typeof value === 'object') {
    if ('sensitive' in value) return redact ? mask(value.sensitive, value.value) : value.value;
    // Words of the vocabulary are no personal data, but they are a text of the message like any
    // other, masked where one of the record's personal values occurs in them.
    return redact ? maskQuoted(value[locale], personal) : value[locale];
  }
  return redact ? maskQuoted(String(value), personal) : String(value);
}

/**
 * Fills `{name}` placeholders, a localized value (words in each language)
 * with its `locale` text. Messages are single-line (problem matchers read
 * one line each), so line breaks and runs of spaces in values are folded, and
 * any other control or bidirectional character is escaped. With `redact`,
 * `sensitive(...)` values are masked, and the others as maskQuoted masks
 * them (the record's `personal` values, and personal data found by value).
 */
export function interpolate(template: string, locale: Locale, data: MessageData | undefined, redact: boolean, personal?: readonly PersonalValue[]): string {
  const text = template.replace(/\{([A-Za-z][A-Za-z0-9]*)\}/g, (whole, name: string) =>
    data && Object.prototype.hasOwnProperty.call(data, name) ? present(data[name]!, locale, redact, personal) : whole,
  );
  return escapeControls(text.replace(/\s+/g, ' ').trim());
}

export function pick(text: Localized, locale: Locale): string {
  return text[locale] ?? text.en;
}

/** The clause a message cites, in the locale's own brackets. */
export function withClause(message: string, clause: string, locale: Locale): string {
  if (!clause || clause === 'whole') return message;
  return locale === 'zh-CN' ? `${message}（${clause}）` : `${message} (${clause})`;
}
