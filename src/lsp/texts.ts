// What the server says to the user itself, in both languages (rule messages come from the engine).
import type { Locale, Localized } from '../engine/index.js';

export const TEXTS = {
  earlierRecord: { en: 'the earlier record with the same key', 'zh-CN': '具有相同键值的先前记录' },
  clause: { en: 'Clause of the notice', 'zh-CN': '通知条款' },
  ruleDocs: { en: 'Rule documentation', 'zh-CN': '规则说明' },
  fixOne: { en: 'Fix this {rule} problem', 'zh-CN': '修复此 {rule} 问题' },
  fixAll: { en: 'Fix all auto-fixable beianlint problems', 'zh-CN': '修复全部可自动修复的 beianlint 问题' },
  disableLine: { en: 'Disable {rule} for this line', 'zh-CN': '对此行禁用 {rule}' },
  tooLarge: {
    en: 'beianlint: this document is larger than {size} MB, so it is linted when it is opened and saved, not as you type, and has no hover or completion.',
    'zh-CN': 'beianlint：此文档超过 {size} MB，仅在打开和保存时检查，输入时不检查，也不提供悬停提示与补全。',
  },
  configProblem: { en: 'beianlint cannot lint this file: {problem}', 'zh-CN': 'beianlint 无法检查此文件：{problem}' },
  failed: { en: 'beianlint failed on {file}: {problem}', 'zh-CN': 'beianlint 处理 {file} 时出错：{problem}' },
} satisfies Record<string, Localized>;

export function say(text: Localized, locale: Locale, data: Record<string, string | number> = {}): string {
  return text[locale].replace(/\{(\w+)\}/g, (all, name: string) => (name in data ? String(data[name]) : all));
}

/** The client's locale (`initialize`'s `locale`): Chinese in any of its spellings is zh-CN, anything else English. */
export function localeOfClient(locale: string | undefined | null): Locale {
  return locale && /^zh(?:$|[-_])/i.test(locale) ? 'zh-CN' : 'en';
}
