import type { MessageData, MessageValue, SensitiveKind } from '../checks/api.js';
import { maskDocumentNumber, maskEmail, maskIdNumber, maskPhone } from '../domain/redact.js';
import type { Locale, Localized } from './types.js';

/** Locale from the environment as POSIX tools read it: zh* means zh-CN, anything else en. */
export function localeFromEnv(env: NodeJS.ProcessEnv = process.env): Locale {
  const lang = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^zh/i.test(lang) ? 'zh-CN' : 'en';
}

export function mask(kind: SensitiveKind, value: string): string {
  switch (kind) {
    case 'id-number':
      return /^[0-9]{17}[0-9Xx]$|^[0-9]{15}$/.test(value) ? maskIdNumber(value) : maskDocumentNumber(value);
    case 'phone':
      return maskPhone(value);
    case 'email':
      return maskEmail(value);
  }
}

function present(value: MessageValue, redact: boolean): string {
  if (typeof value === 'object') return redact ? mask(value.sensitive, value.value) : value.value;
  return String(value);
}

/**
 * Fills `{name}` placeholders. Messages are single-line (problem matchers read
 * one line each), so line breaks and runs of spaces in values are folded.
 */
export function interpolate(template: string, data: MessageData | undefined, redact: boolean): string {
  const text = template.replace(/\{([A-Za-z][A-Za-z0-9]*)\}/g, (whole, name: string) =>
    data && Object.prototype.hasOwnProperty.call(data, name) ? present(data[name]!, redact) : whole,
  );
  return text.replace(/\s+/g, ' ').trim();
}

export function pick(text: Localized, locale: Locale): string {
  return text[locale] ?? text.en;
}

/** The clause a message cites, in the locale's own brackets. */
export function withClause(message: string, clause: string, locale: Locale): string {
  if (!clause || clause === 'whole') return message;
  return locale === 'zh-CN' ? `${message}（${clause}）` : `${message} (${clause})`;
}
