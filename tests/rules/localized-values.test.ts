import { describe, expect, it } from 'vitest';
import { sensitive } from '../../src/checks/api.js';
import { interpolate, type PersonalValue } from '../../src/engine/messages.js';

// A check that names something in words puts them in each language into the
// message's data (src/domain/vocabulary.ts); the engine prints the locale's.
describe('a localized value in a message', () => {
  const type = { en: 'passport', 'zh-CN': '护照（passport）' };

  it('is printed in the locale of the message', () => {
    const data = { type, number: sensitive('id-number', 'E12345678') };
    expect(interpolate('the {type} number {number} is wrong', 'en', data, false)).toBe('the passport number E12345678 is wrong');
    expect(interpolate('{type}号码 {number} 有误', 'zh-CN', data, false)).toBe('护照（passport）号码 E12345678 有误');
  });

  it('is masked where a personal value of the record occurs in it, as any other text is', () => {
    const personal: PersonalValue[] = [{ text: '张三丰', kind: 'person-name' }];
    const holder = { en: "Zhang's document", 'zh-CN': '张三丰的证件' };
    const masked = interpolate('{holder}', 'zh-CN', { holder }, true, personal);
    expect(masked).not.toContain('张三丰');
    expect(masked).toBe(interpolate('{holder}', 'zh-CN', { holder: '张三丰的证件' }, true, personal));
    expect(interpolate('{holder}', 'zh-CN', { holder }, false, personal)).toBe('张三丰的证件');
  });
});
